package io.github.migrations.cli.jpa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.github.migrations.cli.MigrationsCli;
import io.github.migrations.test.database.TestDatabase;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JPA entities as the desired schema, the way the README documents: JPA's
 * schema-generation script ({@code jakarta.persistence.schema-generation.scripts.*}),
 * written by Hibernate, then {@code revision --autogenerate --desired} that script.
 */
class JpaDesiredSchemaTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	@Test
	void hibernatesSchemaGenerationScriptIsADesiredSchema() throws IOException {
		Path script = this.folder.resolve("target/desired-schema.sql");
		// the README's properties, run twice as a build runs them: the script is written
		// afresh each time
		generateSchema(script, "false");
		generateSchema(script, "false");
		assertThat(script).content().containsOnlyOnce("create table customers");
		Path revisions = Files.createDirectories(this.folder.resolve("db/revisions"));
		Map<String, String> environment = environment();
		String[] revision = { "--locations", revisions.toString(), "revision", "--autogenerate", "-m", "entities",
				"--desired", script.toString() };
		assertThat(MigrationsCli.run(revision, System.out, System.err, environment::get)).isZero();
		String[] upgrade = { "--locations", revisions.toString(), "upgrade", "head" };
		assertThat(MigrationsCli.run(upgrade, System.out, System.err, environment::get)).isZero();
		assertThat(this.database.tableExists("customers")).isTrue();
		assertThat(this.database.tableExists("orders")).isTrue();
		String[] check = { "--locations", revisions.toString(), "check", "--desired", script.toString() };
		assertThat(MigrationsCli.run(check, System.out, System.err, environment::get)).isZero();
		try (Stream<Path> files = Files.list(revisions)) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void aScriptHibernateAppendedToIsRefusedWithTheSettingThatWritesItAfresh() throws IOException {
		Path script = this.folder.resolve("target/desired-schema.sql");
		generateSchema(script, "true");
		generateSchema(script, "true");
		Path revisions = Files.createDirectories(this.folder.resolve("db/revisions"));
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String[] revision = { "--locations", revisions.toString(), "revision", "--autogenerate", "-m", "entities",
				"--desired", script.toString() };
		int code = MigrationsCli.run(revision, System.out, new PrintStream(err, true, StandardCharsets.UTF_8),
				environment()::get);
		assertThat(code).isNotZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists")
			.contains("hint: The desired schema creates it twice.")
			.contains("hibernate.hbm2ddl.schema-generation.script.append=false");
		try (Stream<Path> files = Files.list(revisions)) {
			assertThat(files).isEmpty();
		}
	}

	private void generateSchema(Path script, String append) throws IOException {
		Files.createDirectories(script.getParent());
		Persistence.generateSchema("desired-schema", Map.of("jakarta.persistence.jdbc.url", this.database.url(),
				"jakarta.persistence.jdbc.user", this.database.username(), "jakarta.persistence.jdbc.password",
				this.database.password(), "jakarta.persistence.schema-generation.scripts.action", "create",
				"jakarta.persistence.schema-generation.scripts.create-target", script.toString(),
				"hibernate.hbm2ddl.delimiter", ";", "hibernate.hbm2ddl.schema-generation.script.append", append));
	}

	private Map<String, String> environment() {
		Map<String, String> environment = new HashMap<>();
		environment.put("DATABASE_URL", this.database.url());
		environment.put("DATABASE_USERNAME", this.database.username());
		environment.put("DATABASE_PASSWORD", this.database.password());
		return environment;
	}

}
