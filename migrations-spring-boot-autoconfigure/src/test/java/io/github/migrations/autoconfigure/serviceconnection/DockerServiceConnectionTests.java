package io.github.migrations.autoconfigure.serviceconnection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code @ServiceConnection} PostgreSQL container wins over
 * {@code app.migrations.url}. Runs only where a Docker engine answers;
 * {@link ServiceConnectionTests} covers the same path everywhere.
 */
@EnabledIf(value = "dockerEngineAnswers", disabledReason = "needs a Docker engine")
@SpringBootTest(classes = ServiceConnectionApplication.class,
		properties = "app.migrations.url=" + ServiceConnectionApplication.PRODUCTION_URL)
class DockerServiceConnectionTests {

	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Autowired
	private JdbcClient jdbc;

	static boolean dockerEngineAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	@Test
	void theContainersDatabaseIsMigratedOnStartup() {
		assertThat(postgres.isRunning()).isTrue();
		assertThat(this.jdbc.sql("SELECT name FROM customers ORDER BY id").query(String.class).list())
			.containsExactly("Ada", "Grace");
	}

}
