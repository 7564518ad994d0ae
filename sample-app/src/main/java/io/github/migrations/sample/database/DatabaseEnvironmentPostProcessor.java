package io.github.migrations.sample.database;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code spring.datasource.*} at the database {@link DatabaseChoice} picks:
 * converts {@code DATABASE_URL}, or starts the embedded server when nothing is
 * configured. Runs after the configuration files are read, so that a profile's
 * {@code spring.datasource.url} counts. Registered in {@code META-INF/spring.factories}.
 */
final class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "sampleDatabase";

	private final Log logger;

	DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> properties = new LinkedHashMap<>();
		DatabaseChoice choice = DatabaseChoice.of(environment);
		if (choice instanceof DatabaseChoice.FromDatabaseUrl fromUrl) {
			DatabaseUrl url = fromUrl.url();
			properties.put("spring.datasource.url", url.jdbcUrl());
			putIfNotNull(properties, "spring.datasource.username", url.username());
			putIfNotNull(properties, "spring.datasource.password", url.password());
			this.logger.info("Using the database from DATABASE_URL: " + url.describe());
		}
		else if (choice instanceof DatabaseChoice.Embedded embedded) {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(embedded.settings());
			properties.put("spring.datasource.url", server.jdbcUrl());
			properties.put("spring.datasource.username", EmbeddedPostgresServer.USERNAME);
			properties.put("spring.datasource.password", "");
			this.logger.info("No database configured (neither spring.datasource.url nor DATABASE_URL): using the "
					+ "embedded PostgreSQL at " + server.jdbcUrl() + ", data in " + server.dataDirectory());
		}
		if (!properties.isEmpty()) {
			// last: anything set explicitly, such as spring.datasource.username, still
			// wins
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}
	}

	private static void putIfNotNull(Map<String, Object> properties, String key, @Nullable Object value) {
		if (value != null) {
			properties.put(key, value);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
