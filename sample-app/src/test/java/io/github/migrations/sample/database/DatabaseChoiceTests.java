package io.github.migrations.sample.database;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Which database the app uses for a given environment.
 */
class DatabaseChoiceTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void noDatabaseConfiguredMeansTheEmbeddedServerWithItsDefaults() {
		DatabaseChoice choice = DatabaseChoice.of(this.environment);
		assertThat(choice).isInstanceOf(DatabaseChoice.Embedded.class);
		EmbeddedPostgresSettings settings = ((DatabaseChoice.Embedded) choice).settings();
		assertThat(settings.dataDirectory()).isEqualTo(Path.of("target/embedded-pg").toAbsolutePath());
		assertThat(settings.portFile()).isEqualTo(Path.of("target/embedded-pg.port").toAbsolutePath());
		assertThat(settings.port()).isZero();
		assertThat(settings.database()).isEqualTo("sample");
	}

	@Test
	void blankSettingsCountAsNotConfigured() {
		this.environment.setProperty("spring.datasource.url", " ");
		this.environment.setProperty("DATABASE_URL", "");
		assertThat(DatabaseChoice.of(this.environment)).isInstanceOf(DatabaseChoice.Embedded.class);
	}

	@Test
	void embeddedServerIsConfigurable() {
		this.environment.setProperty("sample.embedded-postgres.data-directory", "/var/tmp/pg");
		this.environment.setProperty("sample.embedded-postgres.port", "15432");
		this.environment.setProperty("sample.embedded-postgres.database", "demo");
		assertThat(DatabaseChoice.of(this.environment)).isEqualTo(
				new DatabaseChoice.Embedded(new EmbeddedPostgresSettings(Path.of("/var/tmp/pg"), 15432, "demo")));
	}

	@Test
	void springDatasourceUrlWinsOverEverythingElse() {
		this.environment.setProperty("spring.datasource.url", "jdbc:postgresql://db/app");
		this.environment.setProperty("DATABASE_URL", "postgresql://u:p@other/app");
		assertThat(DatabaseChoice.of(this.environment)).isInstanceOf(DatabaseChoice.Configured.class);
	}

	@Test
	void databaseUrlIsConvertedWhenSpringDatasourceUrlIsNotSet() {
		this.environment.setProperty("DATABASE_URL", "postgresql://postgres:postgres@postgres:5432/sample");
		assertThat(DatabaseChoice.of(this.environment)).isEqualTo(new DatabaseChoice.FromDatabaseUrl(
				new DatabaseUrl("jdbc:postgresql://postgres:5432/sample", "postgres", "postgres")));
	}

	@Test
	void embeddedServerSwitchedOffLeavesNothingConfigured() {
		this.environment.setProperty("sample.embedded-postgres.enabled", "false");
		assertThat(DatabaseChoice.of(this.environment)).isInstanceOf(DatabaseChoice.NotConfigured.class);
	}

	@Test
	void badEmbeddedSettingsAreReportedWithTheFix() {
		this.environment.setProperty("sample.embedded-postgres.database", "my-db; DROP");
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseChoice.of(this.environment))
			.withMessageContaining("'my-db; DROP' is not a plain PostgreSQL name");
	}

}
