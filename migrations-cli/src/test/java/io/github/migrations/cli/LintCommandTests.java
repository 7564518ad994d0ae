package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations lint} and the lint step of {@code check}, run in-process.
 */
class LintCommandTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.withoutDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_invoices.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text);
				-- +downgrade
				DROP TABLE invoices;
				""");
		this.cli.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE INDEX invoices_status_idx ON invoices (status);
				-- +downgrade
				DROP INDEX invoices_status_idx;
				""");
	}

	@Test
	void lintExitsOneAndNamesFileLineLockWhatItBlocksAndTheFix() {
		CliRun run = this.cli.run("lint");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).contains("b2_index.sql:4: error [index-without-concurrently] CREATE INDEX "
				+ "'invoices_status_idx' without CONCURRENTLY on existing table 'invoices'. Takes SHARE on invoices, "
				+ "which blocks writes (INSERT, UPDATE, DELETE); reads go on.")
			.contains("  CREATE INDEX invoices_status_idx ON invoices (status)")
			.contains("  fix: Use CREATE INDEX CONCURRENTLY")
			.doesNotContain("strong-lock-without-timeout")
			.endsWith("FAILED: 1 error, 0 warnings in 2 revisions.\n");
	}

	@Test
	void withTheMigratorsLockTimeoutTurnedOffAStrongLockWithoutOneIsFlagged() throws IOException {
		Path config = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.lock-timeout=0\n");
		CliRun run = this.cli.run("--config", config.toString(), "lint", "b2");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out())
			.contains("b2_index.sql:4: error [strong-lock-without-timeout] the revision takes SHARE on "
					+ "invoices without a lock_timeout.")
			.contains("or set a lock timeout for every revision. Setting: 'app.migrations.lock-timeout' in the "
					+ "--config file (or environment variable APP_MIGRATIONS_LOCK_TIMEOUT).\n");
		assertThat(this.cli.run("--config", config.toString(), "lint", "--json", "b2").out())
			.contains("\"rule\":\"strong-lock-without-timeout\"")
			.contains("or set a lock timeout for every revision.\",\"setting\":\"lock-timeout\"}");
	}

	@Test
	void lintOfNamedRevisionsReadsThemInTheContextOfThoseBefore() {
		CliRun first = this.cli.run("lint", "a1");
		assertThat(first.code()).isZero();
		assertThat(first.out()).isEqualTo("OK: 0 errors, 0 warnings in 1 revision.\n");
		assertThat(this.cli.run("lint", "b2").code()).isEqualTo(1);
	}

	@Test
	void styleWarningsExitZeroUnlessStrict() throws IOException {
		Files.delete(this.cli.revisions().resolve("b2_index.sql"));
		this.cli.write("b2_events.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamp);
				""");
		CliRun run = this.cli.run("lint");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("b2_events.sql:4: warning [prefer-timestamptz] column 'at' is timestamp.")
			.endsWith("OK: 0 errors, 1 warning in 2 revisions.\n");
		assertThat(this.cli.run("lint", "--strict").code()).isEqualTo(1);
	}

	@Test
	void styleWarningsOnATableSpanningLinesNameTheLineOfEachColumn() throws IOException {
		Files.delete(this.cli.revisions().resolve("b2_index.sql"));
		this.cli.write("b2_events.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE events (
					id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					kind varchar(20) NOT NULL,
					at timestamp
				);
				""");
		CliRun run = this.cli.run("lint");
		assertThat(run.out()).contains("b2_events.sql:6: warning [prefer-text] column 'kind' is varchar(20).")
			.contains("b2_events.sql:7: warning [prefer-timestamptz] column 'at' is timestamp.");
		assertThat(this.cli.run("lint", "--json", "b2").out())
			.contains("b2_events.sql\",\"line\":6,\"statement_line\":4,\"statement\":\"CREATE TABLE events ( ...\"")
			.contains("b2_events.sql\",\"line\":7,\"statement_line\":4,");
	}

	@Test
	void quietPrintsOnlyTheFindingsThatFailAndTheCount() throws IOException {
		this.cli.write("c3_events.sql", """
				-- revision: c3
				-- down_revision: b2
				-- +upgrade
				CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamp);
				""");
		CliRun quiet = this.cli.run("lint", "-q");
		assertThat(quiet.code()).isEqualTo(1);
		assertThat(quiet.out()).contains("b2_index.sql:4: error [index-without-concurrently]")
			.doesNotContain("prefer-timestamptz")
			.endsWith("FAILED: 1 error, 1 warning in 3 revisions.\n");
		assertThat(this.cli.run("lint", "--quiet", "c3").out()).isEqualTo("OK: 0 errors, 1 warning in 1 revision.\n");
		assertThat(this.cli.run("-q", "lint", "--strict", "c3").out())
			.contains("c3_events.sql:4: warning [prefer-timestamptz] column 'at' is timestamp.")
			.endsWith("FAILED: 0 errors, 1 warning in 1 revision.\n");
	}

	@Test
	void jsonOutputForCi() {
		CliRun run = this.cli.run("lint", "--json", "b2");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).startsWith("{\"ok\":false,\"revisions\":[\"b2\"],\"skipped\":[],\"findings\":[")
			.contains("{\"rule\":\"index-without-concurrently\",\"severity\":\"error\",\"revision\":\"b2\",\"file\":\"")
			.contains(
					"b2_index.sql\",\"line\":4,\"statement_line\":4,\"statement\":\"CREATE INDEX invoices_status_idx ON invoices (status)\","
							+ "\"lock\":\"SHARE\",\"table\":\"invoices\",\"blocks\":\"writes (INSERT, UPDATE, DELETE); reads go on\"");
	}

	@Test
	void anOptOutCommentWithAReasonSilencesTheRule() throws IOException {
		this.cli.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- lock_timeout: 2s
				-- +upgrade
				-- lint: allow index-without-concurrently (invoices is created empty by a1 in the same release)
				CREATE INDEX invoices_status_idx ON invoices (status);
				""");
		CliRun run = this.cli.run("lint");
		assertThat(run.out()).isEqualTo("OK: 0 errors, 0 warnings in 2 revisions.\n");
		assertThat(run.code()).isZero();
	}

	@Test
	void revisionFilesNamedByPathAreLintedAsTheirRevisionsAsCiListsTheFilesOfAChange() {
		// git diff --name-only --diff-filter=A origin/main -- db/revisions | xargs -r
		// migrations lint
		CliRun added = this.cli.run("lint", "--json", this.cli.revisions().resolve("b2_index.sql").toString());
		assertThat(added.code()).as(added.out()).isEqualTo(1);
		assertThat(added.out()).startsWith("{\"ok\":false,\"revisions\":[\"b2\"],");
		CliRun first = this.cli.run("lint", this.cli.revisions().resolve("../revisions/./a1_invoices.sql").toString());
		assertThat(first.code()).as(first.out()).isZero();
		assertThat(first.out()).isEqualTo("OK: 0 errors, 0 warnings in 1 revision.\n");
		Path elsewhere = this.cli.folder().resolve("a1_invoices.sql");
		CliRun outside = this.cli.run("lint", elsewhere.toString());
		assertThat(outside.code()).isEqualTo(2);
		assertThat(outside.err()).isEqualTo(("error: '%s' is not a revision file of the revision folders.\nhint: Name "
				+ "a file in the folders of --locations (or app.migrations.locations), or the revision's id; a file "
				+ "that was deleted or renamed has nothing to lint.\n")
			.formatted(elsewhere));
	}

	@Test
	void anUnknownRevisionIsAUsageError() {
		CliRun run = this.cli.run("lint", "zz9");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("error: ").contains("zz9");
	}

	@Test
	void checkLintsThePendingRevisionsAndPassesOnceTheyAreApplied() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		this.cli.environment().putAll(CliRun.databaseEnvironment(database));
		CliRun fresh = this.cli.run("check");
		assertThat(fresh.code()).as("both pending").isEqualTo(1);
		assertThat(fresh.err()).as("invoices is new to b2 when a1 runs in the same release").doesNotContain("lint [");
		assertThat(this.cli.run("upgrade", "a1").code()).isZero();
		CliRun pending = this.cli.run("check");
		assertThat(pending.code()).isEqualTo(1);
		assertThat(pending.err()).contains("b2_index.sql:4: lint [index-without-concurrently] CREATE INDEX "
				+ "'invoices_status_idx' without CONCURRENTLY on existing table 'invoices' (takes SHARE on invoices, "
				+ "which blocks writes (INSERT, UPDATE, DELETE); reads go on). Use CREATE INDEX CONCURRENTLY");
		assertThat(this.cli.run("upgrade").code()).isZero();
		assertThat(this.cli.run("check").code()).isZero();
	}

	@Test
	void lintHasHelp() {
		CliRun run = this.cli.run("lint", "--help");
		assertThat(run.code()).isZero();
		assertThat(run.out()).startsWith("Usage: migrations lint").contains("--strict");
	}

}
