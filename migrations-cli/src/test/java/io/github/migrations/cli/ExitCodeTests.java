package io.github.migrations.cli;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs to fix: they exit with 2 whichever way the command reaches them (with or without
 * --sql), with a hint in the command's terms.
 */
class ExitCodeTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void revisions() throws IOException {
		BranchedRevisions.write(this.cli.revisions());
	}

	@Test
	void downgradeToOneAboveABranchPointNamesTheRevisionsToDowngradeTo() {
		assertThat(this.cli.run("upgrade", "heads").code()).isZero();
		CliRun run = this.cli.run("downgrade", "001_initial+1");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).endsWith("hint: Name the revision to downgrade to: '002' or '003'.\n");
	}

	@Test
	void downgradeThroughARevisionWithoutADowngradeSectionExitsWithTwoWithAndWithoutSql() throws IOException {
		this.cli.write("002_statements.sql", """
				-- revision: 002
				-- down_revision: 001_initial
				-- branch_labels: statements
				-- message: create statements
				-- +upgrade
				CREATE TABLE statements (id bigint PRIMARY KEY);
				""");
		assertThat(this.cli.run("upgrade", "heads").code()).isZero();
		CliRun downgrade = this.cli.run("downgrade", "base");
		CliRun sql = this.cli.run("downgrade", "--sql", "head:base");
		assertThat(downgrade.err()).contains("Revision '002' (").contains("has no '-- +downgrade' section");
		assertThat(downgrade.code()).isEqualTo(2);
		assertThat(sql.err()).isEqualTo(downgrade.err());
		assertThat(sql.out()).isEmpty();
		assertThat(sql.code()).isEqualTo(2);
	}

}
