package io.github.migrations.autoconfigure.serviceconnection;

import io.github.migrations.autoconfigure.MigrationsConnectionDetails;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} PostgreSQL container wins over {@code app.migrations.url},
 * without a Docker engine: the container is a stand-in that answers with a database of
 * the embedded server. {@link DockerServiceConnectionTests} is the same with a real
 * container, where a Docker engine answers.
 */
@SpringBootTest(classes = ServiceConnectionApplication.class,
		properties = "app.migrations.url=" + ServiceConnectionApplication.PRODUCTION_URL)
class ServiceConnectionTests {

	@ServiceConnection
	static final EmbeddedPostgreSQLContainer postgres = new EmbeddedPostgreSQLContainer(
			TestDatabase.shared().freshDatabase());

	@Autowired
	private MigrationsConnectionDetails connectionDetails;

	@Test
	void theContainerWinsOverAppMigrationsUrl() {
		assertThat(this.connectionDetails.getJdbcUrl()).isEqualTo(postgres.database().url());
		assertThat(this.connectionDetails.getUsername()).isEqualTo(postgres.database().username());
		assertThat(this.connectionDetails.getDriverClassName()).isEqualTo("org.postgresql.Driver");
	}

	@Test
	void theContainersDatabaseIsMigratedOnStartup() {
		assertThat(postgres.database().query("SELECT name FROM customers ORDER BY id")).containsExactly("Ada", "Grace");
	}

}
