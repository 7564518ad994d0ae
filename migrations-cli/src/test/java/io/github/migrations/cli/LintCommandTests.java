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
 * {@code migrations lint} and the lint step of {@code check}, run in-process.
 */
class LintCommandTests {

	private final Map<String, String> environment = new HashMap<>();

	@TempDir
	Path folder;

	private Path revisions;

	@BeforeEach
	void revisions() throws IOException {
		this.revisions = Files.createDirectories(this.folder.resolve("db/revisions"));
		write("a1_invoices.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text);
				-- +downgrade
				DROP TABLE invoices;
				""");
		write("b2_index.sql", """
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
		CliRun run = run("lint");
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
		Path config = Files.writeString(this.folder.resolve("application.properties"),
				"app.migrations.lock-timeout=0\n");
		CliRun run = run("--config", config.toString(), "lint", "b2");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out())
			.contains("b2_index.sql:4: error [strong-lock-without-timeout] the revision takes SHARE on "
					+ "invoices without a lock_timeout.");
	}

	@Test
	void lintOfNamedRevisionsReadsThemInTheContextOfThoseBefore() {
		CliRun first = run("lint", "a1");
		assertThat(first.code()).isZero();
		assertThat(first.out()).isEqualTo("OK: 0 errors, 0 warnings in 1 revision.\n");
		assertThat(run("lint", "b2").code()).isEqualTo(1);
	}

	@Test
	void styleWarningsExitZeroUnlessStrict() throws IOException {
		Files.delete(this.revisions.resolve("b2_index.sql"));
		write("b2_events.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamp);
				""");
		CliRun run = run("lint");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("b2_events.sql:4: warning [prefer-timestamptz] column 'at' is timestamp.")
			.endsWith("OK: 0 errors, 1 warning in 2 revisions.\n");
		assertThat(run("lint", "--strict").code()).isEqualTo(1);
	}

	@Test
	void jsonOutputForCi() {
		CliRun run = run("lint", "--json", "b2");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).startsWith("{\"ok\":false,\"revisions\":[\"b2\"],\"skipped\":[],\"findings\":[")
			.contains("{\"rule\":\"index-without-concurrently\",\"severity\":\"error\",\"revision\":\"b2\",\"file\":\"")
			.contains(
					"b2_index.sql\",\"line\":4,\"statement\":\"CREATE INDEX invoices_status_idx ON invoices (status)\","
							+ "\"lock\":\"SHARE\",\"table\":\"invoices\",\"blocks\":\"writes (INSERT, UPDATE, DELETE); reads go on\"");
	}

	@Test
	void anOptOutCommentWithAReasonSilencesTheRule() throws IOException {
		write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- lock_timeout: 2s
				-- +upgrade
				-- lint: allow index-without-concurrently (invoices is created empty by a1 in the same release)
				CREATE INDEX invoices_status_idx ON invoices (status);
				""");
		CliRun run = run("lint");
		assertThat(run.out()).isEqualTo("OK: 0 errors, 0 warnings in 2 revisions.\n");
		assertThat(run.code()).isZero();
	}

	@Test
	void anUnknownRevisionIsAUsageError() {
		CliRun run = run("lint", "zz9");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("error: ").contains("zz9");
	}

	@Test
	void checkLintsThePendingRevisionsAndPassesOnceTheyAreApplied() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		this.environment.putAll(CliRun.databaseEnvironment(database));
		CliRun fresh = run("check");
		assertThat(fresh.code()).as("both pending").isEqualTo(1);
		assertThat(fresh.err()).as("invoices is new to b2 when a1 runs in the same release").doesNotContain("lint [");
		assertThat(run("upgrade", "a1").code()).isZero();
		CliRun pending = run("check");
		assertThat(pending.code()).isEqualTo(1);
		assertThat(pending.err()).contains("b2_index.sql:4: lint [index-without-concurrently] CREATE INDEX "
				+ "'invoices_status_idx' without CONCURRENTLY on existing table 'invoices' (takes SHARE on invoices, "
				+ "which blocks writes (INSERT, UPDATE, DELETE); reads go on). Use CREATE INDEX CONCURRENTLY");
		assertThat(run("upgrade").code()).isZero();
		assertThat(run("check").code()).isZero();
	}

	@Test
	void lintHasHelp() {
		CliRun run = run("lint", "--help");
		assertThat(run.code()).isZero();
		assertThat(run.out()).startsWith("Usage: migrations lint").contains("--strict");
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.revisions.resolve(name), content);
	}

	private CliRun run(String... args) {
		return CliRun.of(this.environment, CliRun.withLocations(this.revisions, args));
	}

}
