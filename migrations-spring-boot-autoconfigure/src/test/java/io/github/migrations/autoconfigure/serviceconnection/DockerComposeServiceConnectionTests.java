package io.github.migrations.autoconfigure.serviceconnection;

import java.util.Map;

import io.github.migrations.autoconfigure.MigrationsConnectionDetails;
import io.github.migrations.test.database.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docker compose {@code postgres} service wins over {@code app.migrations.url}: Boot's
 * docker compose support turns it into JDBC connection details and offers those to the
 * factories registered in {@code spring.factories}, ours among them. The service is a
 * database of the embedded test server; {@link DockerComposeTests} runs a real one where
 * a Docker engine answers.
 */
class DockerComposeServiceConnectionTests {

	@Test
	void aPostgresServiceIsMigratedInsteadOfAppMigrationsUrl() {
		TestDatabase.Database service = TestDatabase.shared().freshDatabase();
		SpringApplication application = new SpringApplication(ServiceConnectionApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addListeners(new ComposeServices(service));
		try (ConfigurableApplicationContext context = application
			.run("--app.migrations.url=" + ServiceConnectionApplication.PRODUCTION_URL)) {
			assertThat(context.getBean(MigrationsConnectionDetails.class).getJdbcUrl()).startsWith("jdbc:postgresql://")
				.contains("/" + service.name());
			assertThat(service.query("SELECT name FROM customers ORDER BY id")).containsExactly("Ada", "Grace");
		}
	}

	@Test
	void jdbcDetailsOfAPostgresServiceAreAdaptedForTheMigrations() {
		Map<Class<?>, ConnectionDetails> adapted = new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(new Jdbc("jdbc:postgresql://db:5432/app"), false);
		assertThat(adapted).containsOnlyKeys(MigrationsConnectionDetails.class);
		MigrationsConnectionDetails details = (MigrationsConnectionDetails) adapted
			.get(MigrationsConnectionDetails.class);
		assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
		assertThat(details.getUsername()).isEqualTo("app");
		assertThat(details.getPassword()).isEqualTo("secret");
		assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
	}

	@Test
	void jdbcDetailsOfAnotherDatabaseAreLeftAlone() {
		assertThat(new ConnectionDetailsFactories(getClass().getClassLoader())
			.getConnectionDetails(new Jdbc("jdbc:mysql://db:3306/app"), false)).isEmpty();
	}

	/**
	 * JDBC details as docker compose makes them for a service.
	 */
	private record Jdbc(String getJdbcUrl) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return "app";
		}

		@Override
		public @Nullable String getPassword() {
			return "secret";
		}

	}

}
