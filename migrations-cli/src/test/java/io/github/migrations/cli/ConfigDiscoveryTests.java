package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code --config}, the CLI reads the first configuration file it finds in the
 * working directory or its {@code src/main/resources}, as Alembic finds
 * {@code alembic.ini}; {@code --config} still wins.
 */
class ConfigDiscoveryTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Map<String, String> environment = new HashMap<>();

	@TempDir
	Path project;

	private Path resources;

	@BeforeEach
	void project() throws IOException {
		this.resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Path revisions = Files.createDirectories(this.resources.resolve("db/changes"));
		Files.writeString(revisions.resolve("a1_customers.sql"), """
				-- revision: a1
				-- down_revision: base

				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY);
				""");
		this.environment.put("DATABASE_USERNAME", this.database.username());
		this.environment.put("DATABASE_PASSWORD", this.database.password());
	}

	private CliRun run(String... args) {
		return CliRun.in(this.project, this.environment, args);
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
				""".formatted(this.database.url()));
		CliRun upgrade = run("upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.database.tableExists("customers")).isTrue();
		CliRun revision = run("revision", "-m", "orders", "--rev-id", "b2");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(this.resources.resolve("db/changes/b2-orders.sql")).exists();
	}

	@Test
	void migrationsPropertiesInTheWorkingDirectoryComesFirst() throws IOException {
		Files.writeString(this.resources.resolve("application.properties"),
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere\n");
		Files.writeString(this.project.resolve("migrations.properties"),
				"spring.datasource.url=%s\n".formatted(this.database.url()) + "app.migrations.locations="
						+ this.resources.resolve("db/changes") + "\n");
		CliRun upgrade = run("upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.database.tableExists("customers")).isTrue();
	}

	@Test
	void explicitConfigWinsOverAFoundFile() throws IOException {
		Files.writeString(this.project.resolve("migrations.properties"),
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere\n");
		Path explicit = Files.writeString(this.project.resolve("other.properties"),
				"spring.datasource.url=%s\n".formatted(this.database.url()) + "app.migrations.locations="
						+ this.resources.resolve("db/changes") + "\n");
		CliRun upgrade = run("--config", explicit.toString(), "upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.database.tableExists("customers")).isTrue();
	}

	@Test
	void emptyVariableInAPlaceholderTakesItsDefault() throws IOException {
		Files.writeString(this.project.resolve("migrations.properties"),
				"spring.datasource.url=${SPRING_DATASOURCE_URL:%s}\n".formatted(this.database.url())
						+ "app.migrations.locations=" + this.resources.resolve("db/changes") + "\n");
		this.environment.put("SPRING_DATASOURCE_URL", "");
		CliRun upgrade = run("upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.database.tableExists("customers")).isTrue();
	}

}
