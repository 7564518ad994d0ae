package io.github.migrations.sample.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the post-processor fills in {@code spring.datasource.*}.
 */
class DatabaseEnvironmentPostProcessorTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final DatabaseEnvironmentPostProcessor postProcessor = new DatabaseEnvironmentPostProcessor(
			new DeferredLogs());

	private void postProcess() {
		this.postProcessor.postProcessEnvironment(this.environment, new SpringApplication());
	}

	@Test
	void databaseUrlInTheSeedsFormBecomesSpringDatasourceProperties() {
		this.environment.setProperty("DATABASE_URL", "postgresql://app:hunter2@postgres:5432/sample");
		postProcess();
		assertThat(this.environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://postgres:5432/sample");
		assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("app");
		assertThat(this.environment.getProperty("spring.datasource.password")).isEqualTo("hunter2");
	}

	@Test
	void explicitSpringDatasourceCredentialsWinOverTheUrls() {
		this.environment.setProperty("DATABASE_URL", "postgresql://app:hunter2@postgres:5432/sample");
		this.environment.setProperty("spring.datasource.username", "migrator");
		postProcess();
		assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("migrator");
	}

	@Test
	void configuredSpringDatasourceIsLeftAlone() {
		this.environment.setProperty("spring.datasource.url", "jdbc:postgresql://db/app");
		this.environment.setProperty("DATABASE_URL", "postgresql://app:hunter2@postgres:5432/sample");
		postProcess();
		assertThat(
				this.environment.getPropertySources().contains(DatabaseEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(this.environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/app");
	}

	@Test
	void nothingConfiguredAndEmbeddedSwitchedOffAddsNothing() {
		this.environment.setProperty("sample.embedded-postgres.enabled", "false");
		postProcess();
		assertThat(this.environment.getProperty("spring.datasource.url")).isNull();
	}

	@Test
	void nothingConfiguredStartsTheEmbeddedServerAndPointsTheDataSourceAtIt(@TempDir Path folder) {
		this.environment.setProperty("sample.embedded-postgres.data-directory", folder.resolve("pg").toString());
		postProcess();
		EmbeddedPostgresSettings settings = new EmbeddedPostgresSettings(folder.resolve("pg"), 0, "sample");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings)) {
			assertThat(this.environment.getProperty("spring.datasource.url")).isEqualTo(server.jdbcUrl())
				.startsWith("jdbc:postgresql://localhost:");
			assertThat(this.environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
		}
	}

}
