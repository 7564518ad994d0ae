package io.github.migrations.autoconfigure.serviceconnection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose up} of a real {@code postgres} service, migrated instead of
 * {@code app.migrations.url}. Runs only where a Docker engine answers;
 * {@link DockerComposeServiceConnectionTests} covers the same path everywhere.
 */
@EnabledIf(value = "dockerEngineAnswers", disabledReason = "needs a Docker engine and docker compose")
class DockerComposeTests {

	static boolean dockerEngineAnswers() {
		return DockerServiceConnectionTests.dockerEngineAnswers();
	}

	@Test
	void aComposedPostgresServiceIsMigratedOnStartup() {
		SpringApplication application = new SpringApplication(ServiceConnectionApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(
				"--spring.docker.compose.file=src/test/resources/compose/postgres.yaml",
				"--spring.docker.compose.skip.in-tests=false",
				"--spring.docker.compose.lifecycle-management=start-and-stop",
				"--app.migrations.url=" + ServiceConnectionApplication.PRODUCTION_URL)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT name FROM customers ORDER BY id").query(String.class).list())
				.containsExactly("Ada", "Grace");
		}
	}

}
