package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator stops a run (Ctrl-C, {@code kill}) while a revision runs: the process says
 * which revision it stopped in, what became of it and what to do, rather than ending on
 * an open progress line.
 */
class InterruptedRunTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void customers() throws IOException {
		this.cli.write("001_customers.sql", CliRun.tableRevision("001", "base", "customers"));
	}

	@Test
	void aNonTransactionalRevisionStoppedBySigtermIsNamedWithItsInvalidIndexAndTheStampsThatRecordTheOutcome()
			throws Exception {
		this.cli.write("002_index.sql", """
				-- revision: 002
				-- down_revision: 001
				-- transactional: false
				-- +upgrade
				SELECT pg_sleep(60) AS waiting_for_the_operator;
				CREATE INDEX CONCURRENTLY customers_name_idx ON customers (name);
				-- +downgrade
				DROP INDEX CONCURRENTLY customers_name_idx;
				""");
		CliRun run = stoppedWhileRunning("waiting_for_the_operator");
		assertThat(run.err()).contains("Upgrading to 002 ... \n")
			.contains("error: Stopped (SIGINT or SIGTERM) while upgrading to revision '002' (")
			.contains("hint: The revision runs outside a transaction (transactional: false), so the statements that "
					+ "ran took effect and stay, and it stays marked interrupted")
			.contains("002_index.sql:6: a CREATE INDEX CONCURRENTLY that stops halfway leaves index customers_name_idx "
					+ "INVALID")
			.contains("Then, finished by hand: run 'migrations stamp 002'; undone: run 'migrations stamp 001'.\n");
		// the server ends the dead client's statement within a second
		awaitServer(Duration.ofSeconds(30), "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query "
				+ "LIKE '%waiting_for_the%' AND pid <> pg_backend_pid() AND datname = current_database())");
		CliRun check = this.cli.run("check");
		assertThat(check.err()).as("what the next command says agrees")
			.contains("'migrations stamp 002' if it is applied, or 'migrations stamp 001' if it is not.");
	}

	@Test
	void aTransactionalRevisionStoppedBySigtermIsSaidToBeRolledBackAndIsNotApplied() throws Exception {
		this.cli.write("002_backfill.sql", """
				-- revision: 002
				-- down_revision: 001
				-- +upgrade
				INSERT INTO customers (id) VALUES (1);
				SELECT pg_sleep(60) AS waiting_for_the_operator;
				-- +downgrade
				DELETE FROM customers;
				""");
		CliRun run = stoppedWhileRunning("waiting_for_the_operator");
		assertThat(run.err()).contains("error: Stopped (SIGINT or SIGTERM) while upgrading to revision '002' (")
			.contains("hint: The revision was not committed: PostgreSQL rolls it back as the session ends, so it is "
					+ "not recorded as applied");
		awaitServer(Duration.ofSeconds(30), "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query "
				+ "LIKE '%waiting_for_the%' AND pid <> pg_backend_pid() AND datname = current_database())");
		assertThat(this.cli.database().query("SELECT revision FROM migrations_revisions")).containsExactly("001");
		assertThat(this.cli.database().query("SELECT count(*) FROM customers")).containsExactly("0");
	}

	@Test
	void whileANonTransactionalRevisionRunsCurrentAndCheckSayItIsInProgressNotInterrupted() throws Exception {
		this.cli.write("002_index.sql", """
				-- revision: 002
				-- down_revision: 001
				-- transactional: false
				-- +upgrade
				SELECT pg_sleep(60) AS waiting_for_the_operator;
				-- +downgrade
				""");
		Process process = start("upgrade");
		try {
			awaitServer(Duration.ofSeconds(60), "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE "
					+ "'%waiting_for_the_operator%' AND pid <> pg_backend_pid() AND datname = current_database()");
			CliRun current = this.cli.run("current");
			assertThat(current.out()).startsWith("002 (head) (being upgraded right now: wait for that run to end)\n")
				.contains("\nRevision '002' is being upgraded right now, outside a transaction (transactional: false), "
						+ "by the run that holds the migration lock: PostgreSQL backend ")
				.contains("running: SELECT pg_sleep(60) AS waiting_for_the_operator")
				.endsWith(". Wait for that run to end, then check again; do not stamp the revision or undo its work "
						+ "while it runs.\n")
				.doesNotContain("migrations check");
			assertThat(this.cli.run("current", "--json").out())
				.isEqualTo("{\"current\":[\"002\"],\"interrupted\":[],\"running\":[{\"revision\":\"002\","
						+ "\"state\":\"upgrading\"}]}\n");
			CliRun check = this.cli.run("check");
			assertThat(check.code()).isEqualTo(1);
			assertThat(check.err())
				.contains("Revision '002' is being upgraded right now, outside a transaction "
						+ "(transactional: false), by the run that holds the migration lock: PostgreSQL backend ")
				.contains("Wait for that run to end, then check again; do not stamp the revision")
				.doesNotContain("migrations stamp");
		}
		finally {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		awaitServer(Duration.ofSeconds(30), "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query "
				+ "LIKE '%waiting_for_the%' AND pid <> pg_backend_pid() AND datname = current_database())");
		CliRun after = this.cli.run("current");
		assertThat(this.cli.run("current", "--json").out())
			.isEqualTo("{\"current\":[\"002\"],\"interrupted\":[{\"revision\":\"002\",\"state\":"
					+ "\"upgrading\"}],\"running\":[]}\n");
		assertThat(after.out()).as("once the run is gone, it is interrupted")
			.startsWith("002 (head) (interrupted while upgrading: run 'migrations check' for what to do)\n");
	}

	@Test
	void aRunThatEndsOnItsOwnSaysNothingAboutStopping() throws Exception {
		this.cli.write("002_orders.sql", CliRun.tableRevision("002", "001", "orders"));
		Process process = start("upgrade");
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		assertThat(Files.readString(this.cli.folder().resolve("err.txt")))
			.contains("Upgrading to 002 (create orders) ... done")
			.doesNotContain("Stopped");
	}

	/**
	 * Runs {@code upgrade} in a process of its own and sends it SIGTERM once the server
	 * runs the statement marked with {@code marker}.
	 */
	private CliRun stoppedWhileRunning(String marker) throws Exception {
		Process process = start("upgrade");
		try {
			awaitServer(Duration.ofSeconds(60),
					"SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%" + marker
							+ "%' AND pid <> pg_backend_pid() AND datname = current_database()");
			process.destroy();
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			return new CliRun(process.exitValue(), Files.readString(this.cli.folder().resolve("out.txt")),
					Files.readString(this.cli.folder().resolve("err.txt")));
		}
		finally {
			process.destroyForcibly();
		}
	}

	/**
	 * Until {@code query} returns a row, asking again after a pause the server takes
	 * ({@code pg_sleep}), up to a deadline.
	 */
	private void awaitServer(Duration within, String query) {
		long deadline = System.nanoTime() + within.toNanos();
		while (this.cli.database().query(query).isEmpty()) {
			assertThat(System.nanoTime()).as("still waiting for: " + query).isLessThan(deadline);
			this.cli.database().query("SELECT pg_sleep(0.1)");
		}
	}

	private Process start(String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), MigrationsCli.class.getName(), "--locations",
						this.cli.revisions().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command)
			.redirectOutput(this.cli.folder().resolve("out.txt").toFile())
			.redirectError(this.cli.folder().resolve("err.txt").toFile());
		builder.environment().putAll(this.cli.environment());
		Process process = builder.start();
		process.getOutputStream().close();
		return process;
	}

}
