package io.github.migrations.autoconfigure.testcontainers;

import io.github.migrations.autoconfigure.MigrationsConnectionDetails;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * Makes a {@link ServiceConnection @ServiceConnection} {@link PostgreSQLContainer} the
 * database the migrations connect to, in place of {@code app.migrations.url}.
 */
class MigrationsContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<PostgreSQLContainer, MigrationsConnectionDetails> {

	MigrationsContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "org.testcontainers.postgresql.PostgreSQLContainer");
	}

	@Override
	protected MigrationsConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<PostgreSQLContainer> source) {
		return new ContainerMigrationsConnectionDetails(source);
	}

	/**
	 * The container's URL, user and password, read once it has started.
	 */
	private static final class ContainerMigrationsConnectionDetails
			extends ContainerConnectionDetails<PostgreSQLContainer> implements MigrationsConnectionDetails {

		private ContainerMigrationsConnectionDetails(ContainerConnectionSource<PostgreSQLContainer> source) {
			super(source);
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public String getDriverClassName() {
			return getContainer().getDriverClassName();
		}

	}

}
