package io.github.migrations.autoconfigure.docker.compose;

import io.github.migrations.autoconfigure.MigrationsConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Makes a docker compose {@code postgres} service the database the migrations connect to,
 * in place of {@code app.migrations.url}. Spring Boot's docker compose support turns the
 * service into {@link JdbcConnectionDetails} and then offers them to this factory; JDBC
 * details of any other database are left alone.
 */
class PostgresMigrationsConnectionDetailsFactory
		implements ConnectionDetailsFactory<JdbcConnectionDetails, MigrationsConnectionDetails> {

	@Override
	public @Nullable MigrationsConnectionDetails getConnectionDetails(JdbcConnectionDetails service) {
		if (!service.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			return null;
		}
		return new ServiceMigrationsConnectionDetails(service);
	}

	/**
	 * The service's URL, user and password.
	 */
	private record ServiceMigrationsConnectionDetails(
			JdbcConnectionDetails service) implements MigrationsConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.service.getJdbcUrl();
		}

		@Override
		public @Nullable String getUsername() {
			return this.service.getUsername();
		}

		@Override
		public @Nullable String getPassword() {
			return this.service.getPassword();
		}

		@Override
		public String getDriverClassName() {
			return this.service.getDriverClassName();
		}

	}

}
