package io.github.migrations.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Chooses the {@link DataSource} the migrations run with: a {@link MigrationsDataSource}
 * bean, else {@code app.migrations.url}, else the application's database with
 * {@code app.migrations.username} when set, else the application's {@code DataSource} (or
 * its connection details).
 */
final class MigrationDataSources {

	private MigrationDataSources() {
	}

	static DataSource choose(MigrationsProperties properties, @Nullable DataSource dedicated,
			@Nullable DataSource application, @Nullable JdbcConnectionDetails connectionDetails) {
		if (dedicated != null) {
			return dedicated;
		}
		String url = properties.getUrl();
		if (url != null) {
			return connect(url, properties.getUsername(), properties.getPassword());
		}
		if (properties.getUsername() != null) {
			if (application != null) {
				return DataSourceBuilder.derivedFrom(application)
					.type(SimpleDriverDataSource.class)
					.username(properties.getUsername())
					.password(properties.getPassword())
					.build();
			}
			if (connectionDetails != null) {
				return connect(connectionDetails.getJdbcUrl(), properties.getUsername(), properties.getPassword());
			}
		}
		if (application != null) {
			return application;
		}
		if (connectionDetails != null) {
			return connect(connectionDetails.getJdbcUrl(), connectionDetails.getUsername(),
					connectionDetails.getPassword());
		}
		throw new IllegalStateException("The migrations found no DataSource to use: there is more than one "
				+ "DataSource bean and none is @Primary. Mark the application's one @Primary, annotate the one for "
				+ "the migrations with @MigrationsDataSource, or set 'app.migrations.url'.");
	}

	private static DataSource connect(String url, @Nullable String username, @Nullable String password) {
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(url)
			.username(username)
			.password(password)
			.build();
	}

}
