package io.github.migrations.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Where the migrations connect when they should not simply use the application's
 * {@code DataSource}. By default it is read from {@code app.migrations.url},
 * {@code username} and {@code password}; a {@code @ServiceConnection} PostgreSQL
 * container or a {@code postgres} docker compose service replaces it, so that tests and
 * local runs migrate the database they start.
 */
public interface MigrationsConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of the database to migrate, or {@code null} to migrate the application's
	 * database.
	 * @return the JDBC URL or {@code null}
	 */
	@Nullable String getJdbcUrl();

	/**
	 * Login user for the migrations, or {@code null} for the application's.
	 * @return the user or {@code null}
	 */
	@Nullable String getUsername();

	/**
	 * Login password for the migrations, or {@code null}.
	 * @return the password or {@code null}
	 */
	@Nullable String getPassword();

	/**
	 * JDBC driver class; by default the one that {@link #getJdbcUrl()} names.
	 * @return the driver class name, or {@code null} without a JDBC URL
	 */
	default @Nullable String getDriverClassName() {
		String url = getJdbcUrl();
		return (url != null) ? DatabaseDriver.fromJdbcUrl(url).getDriverClassName() : null;
	}

}
