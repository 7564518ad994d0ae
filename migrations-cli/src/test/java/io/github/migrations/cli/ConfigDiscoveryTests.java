package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code --config}, the CLI reads the first configuration file it finds in the
 * working directory or its {@code src/main/resources}, as Alembic finds
 * {@code alembic.ini}; {@code --config} still wins.
 */
class ConfigDiscoveryTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	private Path resources;

	@BeforeEach
	void project() throws IOException {
		this.resources = Files.createDirectories(this.cli.folder().resolve("src/main/resources"));
		Path revisions = Files.createDirectories(this.resources.resolve("db/changes"));
		Files.writeString(revisions.resolve("a1_customers.sql"), """
				-- revision: a1
				-- down_revision: base

				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY);
				""");
		// the URL comes from the configuration file each test writes
		this.cli.environment().remove("DATABASE_URL");
	}

	@Test
	void applicationYmlInSrcMainResourcesIsFoundWithoutFlags() throws IOException {
		Files.writeString(this.resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: %s
				app:
				  migrations:
				    locations: classpath:db/changes
				    file-template: "{rev}-{slug}.sql"
				""".formatted(this.cli.database().url()));
		CliRun upgrade = this.cli.runInFolder("upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.cli.database().tableExists("customers")).isTrue();
		CliRun revision = this.cli.runInFolder("revision", "-m", "orders", "--rev-id", "b2");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(this.resources.resolve("db/changes/b2-orders.sql")).exists();
	}

	@Test
	void migrationsPropertiesInTheWorkingDirectoryComesFirst() throws IOException {
		Files.writeString(this.resources.resolve("application.properties"),
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere\n");
		Files.writeString(this.cli.folder().resolve("migrations.properties"),
				"spring.datasource.url=%s\n".formatted(this.cli.database().url()) + "app.migrations.locations="
						+ this.resources.resolve("db/changes") + "\n");
		CliRun upgrade = this.cli.runInFolder("upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.cli.database().tableExists("customers")).isTrue();
	}

	@Test
	void explicitConfigWinsOverAFoundFile() throws IOException {
		Files.writeString(this.cli.folder().resolve("migrations.properties"),
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere\n");
		Path explicit = Files.writeString(this.cli.folder().resolve("other.properties"),
				"spring.datasource.url=%s\n".formatted(this.cli.database().url()) + "app.migrations.locations="
						+ this.resources.resolve("db/changes") + "\n");
		CliRun upgrade = this.cli.runInFolder("--config", explicit.toString(), "upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.cli.database().tableExists("customers")).isTrue();
	}

	@Test
	void emptyVariableInAPlaceholderTakesItsDefault() throws IOException {
		Files.writeString(this.cli.folder().resolve("migrations.properties"),
				"spring.datasource.url=${SPRING_DATASOURCE_URL:%s}\n".formatted(this.cli.database().url())
						+ "app.migrations.locations=" + this.resources.resolve("db/changes") + "\n");
		this.cli.environment().put("SPRING_DATASOURCE_URL", "");
		CliRun upgrade = this.cli.runInFolder("upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.cli.database().tableExists("customers")).isTrue();
	}

}
