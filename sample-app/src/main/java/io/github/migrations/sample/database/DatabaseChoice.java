package io.github.migrations.sample.database;

import java.nio.file.Path;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Which database the app uses, decided once from the environment before the context
 * starts.
 */
sealed interface DatabaseChoice {

	/**
	 * Where the embedded server keeps its data unless told otherwise, relative to the
	 * working directory ({@code sample-app} under
	 * {@code ./mvnw -pl sample-app spring-boot:run}).
	 */
	String DEFAULT_DATA_DIRECTORY = "target/embedded-pg";

	/**
	 * Decides, in order: {@code spring.datasource.url} when set; else
	 * {@code DATABASE_URL}; else an embedded PostgreSQL, unless
	 * {@code sample.embedded-postgres.enabled} is false.
	 */
	static DatabaseChoice of(PropertyResolver environment) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return new Configured();
		}
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (StringUtils.hasText(databaseUrl)) {
			return new FromDatabaseUrl(DatabaseUrl.parse(databaseUrl));
		}
		if (!environment.getProperty("sample.embedded-postgres.enabled", Boolean.class, true)) {
			return new NotConfigured();
		}
		Path dataDirectory = Path
			.of(environment.getProperty("sample.embedded-postgres.data-directory", DEFAULT_DATA_DIRECTORY));
		int port = environment.getProperty("sample.embedded-postgres.port", Integer.class, 0);
		String database = environment.getProperty("sample.embedded-postgres.database", "sample");
		return new Embedded(new EmbeddedPostgresSettings(dataDirectory, port, database));
	}

	/**
	 * {@code spring.datasource.url} is set: Spring Boot's own configuration applies
	 * unchanged.
	 */
	record Configured() implements DatabaseChoice {

	}

	/**
	 * {@code DATABASE_URL} is set, in either form that {@link DatabaseUrl} reads.
	 */
	record FromDatabaseUrl(DatabaseUrl url) implements DatabaseChoice {

	}

	/**
	 * Nothing is configured: an embedded PostgreSQL server is started.
	 */
	record Embedded(EmbeddedPostgresSettings settings) implements DatabaseChoice {

	}

	/**
	 * Nothing is configured and the embedded server is switched off, as in production:
	 * Spring Boot reports the missing URL.
	 */
	record NotConfigured() implements DatabaseChoice {

	}

}
