package io.github.migrations.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the {@link DataSource} the migrations run with: a {@link MigrationsDataSource}
 * bean, else the URL of the {@link MigrationsConnectionDetails}
 * ({@code app.migrations.url} or a service connection), else the application's database
 * with their user when one is set, else the application's {@code DataSource} (or its
 * connection details).
 */
final class MigrationDataSources {

	private MigrationDataSources() {
	}

	static DataSource choose(MigrationsConnectionDetails migrations, @Nullable DataSource dedicated,
			@Nullable DataSource application, @Nullable JdbcConnectionDetails connectionDetails) {
		if (dedicated != null) {
			return dedicated;
		}
		String url = migrations.getJdbcUrl();
		if (url != null) {
			return connect(url, migrations);
		}
		if (migrations.getUsername() != null) {
			if (application != null) {
				return withCredentials(DataSourceBuilder.derivedFrom(application), migrations);
			}
			if (connectionDetails != null) {
				return connect(connectionDetails.getJdbcUrl(), migrations);
			}
		}
		if (application != null) {
			return application;
		}
		if (connectionDetails != null) {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(connectionDetails.getJdbcUrl())
				.username(connectionDetails.getUsername())
				.password(connectionDetails.getPassword())
				.build();
		}
		throw new IllegalStateException("The migrations found no DataSource to use: there is more than one "
				+ "DataSource bean and none is @Primary. Mark the application's one @Primary, annotate the one for "
				+ "the migrations with @MigrationsDataSource, or set 'app.migrations.url'.");
	}

	private static DataSource connect(String url, MigrationsConnectionDetails migrations) {
		return withCredentials(DataSourceBuilder.create().url(url), migrations);
	}

	private static DataSource withCredentials(DataSourceBuilder<?> builder, MigrationsConnectionDetails migrations) {
		builder.type(SimpleDriverDataSource.class)
			.username(migrations.getUsername())
			.password(migrations.getPassword());
		String driverClassName = migrations.getDriverClassName();
		if (StringUtils.hasText(driverClassName)) {
			builder.driverClassName(driverClassName);
		}
		return builder.build();
	}

}
