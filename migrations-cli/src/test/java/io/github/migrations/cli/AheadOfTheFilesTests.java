package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database at '005' and revision files that end at '004', as when an older build runs
 * against a newer database: every command says where the database really stands.
 */
class AheadOfTheFilesTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Map<String, String> environment = CliRun.databaseEnvironment(this.database);

	@TempDir
	Path revisions;

	@BeforeEach
	void aDatabaseAt005WithTheFilesUpTo004() throws IOException {
		String parent = "base";
		for (String id : new String[] { "001", "002", "003", "004", "005" }) {
			Files.writeString(this.revisions.resolve(id + "_t" + id + ".sql"),
					CliRun.tableRevision(id, parent, "t" + id));
			parent = id;
		}
		assertThat(run("upgrade").code()).isZero();
		Files.delete(this.revisions.resolve("005_t005.sql"));
	}

	@Test
	void upgradeSaysTheDatabaseIsAtTheRevisionNoFileDeclaresAndExitsWithZero() {
		assertThat(run("current").out()).isEqualTo("005 (unknown: no script declares it)\n");
		CliRun upgrade = run("upgrade");
		assertThat(upgrade.code()).isZero();
		assertThat(upgrade.out()).matches("Database is at '005', which no revision file declares \\(ahead of these "
				+ "files' head '004'\\); nothing to upgrade \\(checked in \\d+ ms\\)\n");
		assertThat(upgrade.out()).doesNotContain("up to date");
	}

	@Test
	void upgradeJsonGivesTheRevisionTheDatabaseIsAt() {
		CliRun upgrade = run("upgrade", "--json");
		assertThat(upgrade.code()).isZero();
		assertThat(upgrade.out().strip()).isEqualTo("{\"applied\":[],\"current\":[\"005\"]}");
	}

	private CliRun run(String... args) {
		return CliRun.of(this.environment, CliRun.withLocations(this.revisions, args));
	}

}
