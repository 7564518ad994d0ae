package io.github.migrations.autoconfigure.serviceconnection;

import io.github.migrations.test.database.TestDatabase;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A {@link PostgreSQLContainer} that is already "running": it answers with a database of
 * the embedded test server instead of starting a Docker container, so that the
 * {@code @ServiceConnection} path (Boot's context customizer, the factories registered in
 * {@code spring.factories}, the connection-details beans) runs on machines without a
 * Docker engine. Nothing here talks to Docker.
 */
class EmbeddedPostgreSQLContainer extends PostgreSQLContainer {

	private final TestDatabase.Database database;

	EmbeddedPostgreSQLContainer(TestDatabase.Database database) {
		super("postgres:17");
		this.database = database;
	}

	TestDatabase.Database database() {
		return this.database;
	}

	@Override
	public void start() {
	}

	@Override
	public boolean isRunning() {
		return true;
	}

	@Override
	public String getDockerImageName() {
		return "postgres:17";
	}

	@Override
	public String getJdbcUrl() {
		return this.database.url();
	}

	@Override
	public String getUsername() {
		return this.database.username();
	}

	@Override
	public String getPassword() {
		return this.database.password();
	}

}
