package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database at '005' and revision files that end at '004', as when an older build runs
 * against a newer database: every command says where the database really stands.
 */
class AheadOfTheFilesTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void aDatabaseAt005WithTheFilesUpTo004() throws IOException {
		String parent = "base";
		for (String id : new String[] { "001", "002", "003", "004", "005" }) {
			this.cli.write(id + "_t" + id + ".sql", CliRun.tableRevision(id, parent, "t" + id));
			parent = id;
		}
		assertThat(this.cli.run("upgrade").code()).isZero();
		Files.delete(this.cli.revisions().resolve("005_t005.sql"));
	}

	@Test
	void upgradeSaysTheDatabaseIsAtTheRevisionNoFileDeclaresAndExitsWithZero() {
		assertThat(this.cli.run("current").out()).isEqualTo("005 (unknown: no script declares it)\n");
		CliRun upgrade = this.cli.run("upgrade");
		assertThat(upgrade.code()).isZero();
		assertThat(upgrade.out()).matches("Database is at '005', which no revision file declares \\(ahead of these "
				+ "files' head '004'\\); nothing to upgrade \\(checked in \\d+ ms\\)\n");
		assertThat(upgrade.out()).doesNotContain("up to date");
	}

	@Test
	void upgradeJsonGivesTheRevisionTheDatabaseIsAt() {
		CliRun upgrade = this.cli.run("upgrade", "--json");
		assertThat(upgrade.code()).isZero();
		assertThat(upgrade.out().strip()).isEqualTo("{\"applied\":[],\"current\":[\"005\"]}");
	}

}
