package io.github.migrations.autoconfigure;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
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

	/**
	 * Chooses as above; {@code dataSourceNames} names the {@code DataSource} beans, for
	 * the error when there are several and none is {@code @Primary}.
	 */
	static DataSource choose(MigrationsConnectionDetails migrations, @Nullable DataSource dedicated,
			@Nullable DataSource application, @Nullable JdbcConnectionDetails connectionDetails,
			Supplier<List<String>> dataSourceNames) {
		if (dedicated != null) {
			return dedicated;
		}
		String url = migrations.getJdbcUrl();
		if (url != null) {
			return connect(requireJdbc(url), migrations);
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
		throw noUniqueDataSource(dataSourceNames.get());
	}

	/**
	 * A {@link MigrationException}, so that the failure analyzer reports it as what
	 * failed and what to do rather than a stack trace.
	 */
	private static MigrationException noUniqueDataSource(List<String> names) {
		String beans = names.isEmpty() ? "more than one DataSource bean" : "%d DataSource beans (%s)"
			.formatted(names.size(), names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", ")));
		return new MigrationException(
				"The migrations found no DataSource to use: there are %s and none is @Primary.".formatted(beans),
				"Mark the application's one @Primary, annotate the one for the migrations with "
						+ "@MigrationsDataSource, or set 'app.migrations.url'.");
	}

	/**
	 * A URL in the {@code postgresql://user:password@host/db} form that libpq and many
	 * platforms use is not one the JDBC driver takes: said here, with the JDBC form,
	 * rather than by the data source builder's assertion.
	 */
	private static String requireJdbc(String url) {
		if (url.startsWith("jdbc:")) {
			return url;
		}
		String example = url.replaceFirst("^postgres(ql)?://([^@/]*@)?", "jdbc:postgresql://");
		if (example.equals(url)) {
			example = "jdbc:postgresql://host:5432/database";
		}
		throw MigrationException.aboutSetting("'%s' is not a JDBC URL.".formatted(Secrets.mask(url)),
				"Write it as %s, with the user and password in app.migrations.username and app.migrations.password."
					.formatted(Secrets.mask(example)),
				"url");
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
