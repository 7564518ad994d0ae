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
 * Inputs to fix: they exit with 2 whichever way the command reaches them (with or without
 * --sql), with a hint in the command's terms.
 */
class ExitCodeTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Map<String, String> environment = new HashMap<>();

	@TempDir
	Path folder;

	private Path revisions;

	@BeforeEach
	void revisions() throws IOException {
		this.revisions = BranchedRevisions.write(this.folder);
		this.environment.putAll(CliRun.databaseEnvironment(this.database));
	}

	private CliRun run(String... args) {
		return CliRun.of(this.environment, CliRun.withLocations(this.revisions, args));
	}

	@Test
	void downgradeToOneAboveABranchPointNamesTheRevisionsToDowngradeTo() {
		assertThat(run("upgrade", "heads").code()).isZero();
		CliRun run = run("downgrade", "001_initial+1");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).endsWith("hint: Name the revision to downgrade to: '002' or '003'.\n");
	}

	@Test
	void downgradeThroughARevisionWithoutADowngradeSectionExitsWithTwoWithAndWithoutSql() throws IOException {
		Files.writeString(this.revisions.resolve("002_statements.sql"), """
				-- revision: 002
				-- down_revision: 001_initial
				-- branch_labels: statements
				-- message: create statements
				-- +upgrade
				CREATE TABLE statements (id bigint PRIMARY KEY);
				""");
		assertThat(run("upgrade", "heads").code()).isZero();
		CliRun downgrade = run("downgrade", "base");
		CliRun sql = run("downgrade", "--sql", "head:base");
		assertThat(downgrade.err()).contains("Revision '002' (").contains("has no '-- +downgrade' section");
		assertThat(downgrade.code()).isEqualTo(2);
		assertThat(sql.err()).isEqualTo(downgrade.err());
		assertThat(sql.out()).isEmpty();
		assertThat(sql.code()).isEqualTo(2);
	}

}
