package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line, run in-process against a real PostgreSQL: exit codes, stdout and
 * stderr.
 */
class MigrationsCliTests {

	/**
	 * The default version store, whose migration lock another instance would hold.
	 */
	private static final VersionStore STORE = new PostgresVersionStore(null, true, "migrations_revisions",
			"migrations_log", "migrations_fingerprint");

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", CliRun.tableRevision("a1", "base", "customers"));
		this.cli.write("b2_orders.sql", CliRun.tableRevision("b2", "a1", "orders"));
		this.cli.write("c3_invoices.sql", CliRun.tableRevision("c3", "b2", "invoices"));
	}

	@Test
	void upgradeHeadAppliesEverythingAndPrintsProgressAndSummary() {
		CliRun run = this.cli.run("upgrade", "head");
		assertThat(run.code()).isZero();
		assertThat(run.out()).startsWith("Upgraded from base to 'c3' (3 revisions) in ");
		assertThat(run.err()).contains("Upgrading to a1 (create customers) ... done in ")
			.contains("Upgrading to c3 (create invoices) ... done in ");
		assertThat(this.cli.database().tableExists("invoices")).isTrue();
	}

	@Test
	void quietPrintsNoProgress() {
		CliRun run = this.cli.run("-q", "upgrade");
		assertThat(run.code()).isZero();
		assertThat(run.err()).isEmpty();
	}

	@Test
	void upgradeAndDowngradeJsonContract() {
		assertThat(this.cli.run("upgrade", "+2", "--json").out().strip())
			.isEqualTo("{\"applied\":[\"a1\",\"b2\"],\"current\":[\"b2\"]}");
		assertThat(this.cli.run("--json", "downgrade", "-1").out().strip())
			.isEqualTo("{\"downgraded\":[\"b2\"],\"current\":[\"a1\"]}");
	}

	@Test
	void currentAndHeadsInTextAndJson() {
		this.cli.run("upgrade", "b2");
		assertThat(this.cli.run("current").out()).isEqualTo("b2\n");
		assertThat(this.cli.run("current", "--json").out().strip())
			.isEqualTo("{\"current\":[\"b2\"],\"interrupted\":[],\"running\":[]}");
		assertThat(this.cli.run("heads").out()).isEqualTo("c3 (head)\n");
		assertThat(this.cli.run("heads", "--json").out().strip()).isEqualTo("{\"heads\":[\"c3\"]}");
		this.cli.run("upgrade");
		assertThat(this.cli.run("current", "--verbose").out()).contains("Rev: c3 (head) (current)")
			.contains("Applied: yes");
	}

	@Test
	void interruptedRevisionHintsPastedAsPrintedRecordEitherOutcome() {
		this.cli.run("upgrade");
		this.cli.database().execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = 'c3'");
		CliRun refused = this.cli.run("upgrade");
		assertThat(refused.code()).isEqualTo(1);
		java.util.regex.Matcher hint = java.util.regex.Pattern
			.compile("'migrations (stamp \\S+)' if it is applied, or 'migrations (stamp \\S+)' if it is not")
			.matcher(refused.err());
		assertThat(hint.find()).as(refused.err()).isTrue();
		CliRun applied = this.cli.run(hint.group(1).split(" "));
		assertThat(applied.code()).as(applied.err()).isZero();
		assertThat(this.cli.run("current").out()).isEqualTo("c3 (head)\n");
		this.cli.database().execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = 'c3'");
		this.cli.database().execute("DROP TABLE invoices");
		CliRun notApplied = this.cli.run(hint.group(2).split(" "));
		assertThat(notApplied.code()).as(notApplied.err()).isZero();
		CliRun upgrade = this.cli.run("upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.cli.database().tableExists("invoices")).isTrue();
	}

	@Test
	void currentShowsAnInterruptedRevisionAsInterrupted() {
		this.cli.run("upgrade");
		this.cli.database().execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = 'c3'");
		assertThat(this.cli.run("current").out())
			.isEqualTo("c3 (head) (interrupted while upgrading: run 'migrations check' for what to do)\n");
		assertThat(this.cli.run("current", "-v").out()).contains("Rev: c3 (head) (current)")
			.contains("Applied: no (interrupted while upgrading)\n")
			.doesNotContain("Applied: yes");
		assertThat(this.cli.run("current", "--json").out().strip())
			.isEqualTo("{\"current\":[\"c3\"],\"interrupted\":[{\"revision\":\"c3\",\"state\":\"upgrading\"}],"
					+ "\"running\":[]}");
		this.cli.database().execute("UPDATE migrations_revisions SET state = 'DOWNGRADING' WHERE revision = 'c3'");
		assertThat(this.cli.run("current", "-v").out()).contains("Applied: no (interrupted while downgrading)\n");
		assertThat(this.cli.run("history", "-i", "-v", "-r", "c3:").out())
			.contains("Applied: no (interrupted while downgrading)\n");
		assertThat(this.cli.run("history", "-i", "--json").out())
			.containsPattern("\"revision\":\"c3\"[^}]*\"applied\":false");
	}

	@Test
	void aRevisionMarkedRunningWhileAnotherSessionHoldsTheLockIsShownBeingRunInTheEnginesWords() throws SQLException {
		this.cli.run("upgrade");
		this.cli.database().execute("UPDATE migrations_revisions SET state = 'DOWNGRADING' WHERE revision = 'c3'");
		String inProgress = "Revision 'c3' is being downgraded right now, outside a transaction (transactional: false), "
				+ "by the run that holds the migration lock: PostgreSQL backend ";
		String advice = ". Wait for that run to end, then check again; do not stamp the revision or undo its work "
				+ "while it runs.";
		try (Connection session = this.cli.database().dataSource().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThat(this.cli.run("current").out())
				.startsWith("c3 (head) (being downgraded right now: wait for that run to end)\n" + inProgress)
				.endsWith(advice + "\n");
			assertThat(this.cli.run("current", "--json").out().strip())
				.isEqualTo("{\"current\":[\"c3\"],\"interrupted\":[],\"running\":[{\"revision\":\"c3\","
						+ "\"state\":\"downgrading\"}]}");
			String applied = "Applied: no (being downgraded right now: wait for that run to end)\n";
			assertThat(this.cli.run("current", "-v").out()).contains(applied);
			assertThat(this.cli.run("show", "current").out()).contains(applied);
			assertThat(this.cli.run("history", "-i", "-v", "-r", "c3:").out()).contains(applied);
			CliRun check = this.cli.run("check");
			assertThat(check.code()).isEqualTo(1);
			assertThat(check.err()).startsWith("problem: " + inProgress).endsWith(advice + "\n").hasLineCount(1);
		}
		assertThat(this.cli.run("show", "current").out()).as("once nobody runs it, it was interrupted")
			.contains("Applied: no (interrupted while downgrading)\n");
		assertThat(this.cli.run("check").err()).contains("was interrupted during downgrade")
			.contains("'migrations stamp c3' if it is applied, or 'migrations stamp b2' if it is not.");
	}

	@Test
	void headsVerboseShowsEachHeadInFullFromTheScriptsAlone() throws IOException {
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		this.cli.run("upgrade", "c3");
		CliRun run = this.cli.run("heads", "-v");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("Rev: c3 (head)\nParent: b2\nPath: ")
			.contains(".sql\n\n    create invoices")
			.contains("Rev: x2 (head)\nParent: a1\nPath: ")
			.doesNotContain("Applied:");
	}

	@Test
	void headsNeedsNoDatabase() {
		this.cli.environment().clear();
		assertThat(this.cli.run("heads").out()).isEqualTo("c3 (head)\n");
		CliRun verbose = this.cli.run("heads", "-v");
		assertThat(verbose.code()).isZero();
		assertThat(verbose.out()).startsWith("Rev: c3 (head)\nParent: b2\n");
	}

	@Test
	void mistypedClasspathLocationIsAConfigurationErrorNotAnUpToDateDatabase() {
		String error = "error: Revision location 'classpath:db/revisionz' names no folder on the class path.\n"
				+ "hint: Check the locations for a typo, or create the folder (for example "
				+ "src/main/resources/db/revisionz). Option: --locations (or 'app.migrations.locations' in the "
				+ "--config file, or environment variable APP_MIGRATIONS_LOCATIONS).\n";
		CliRun downgrade = this.cli.runExactly("--locations", "classpath:db/revisionz", "downgrade", "base");
		assertThat(downgrade.code()).isEqualTo(2);
		assertThat(downgrade.out()).isEmpty();
		assertThat(downgrade.err()).isEqualTo(error);
		CliRun heads = this.cli.runExactly("--locations", "classpath:db/revisionz", "heads");
		assertThat(heads.code()).isEqualTo(2);
		assertThat(heads.out()).isEmpty();
		assertThat(heads.err()).isEqualTo(error);
	}

	@Test
	void historyUsesAlembicLineFormatNewestFirst() throws IOException {
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		this.cli.write("m9_merge.sql", """
				-- revision: m9
				-- down_revision: c3, x2
				-- message: merge heads
				-- +upgrade
				-- +downgrade
				""");
		this.cli.run("upgrade", "b2");
		CliRun run = this.cli.run("history", "--indicate-current");
		assertThat(run.code()).isZero();
		assertThat(run.out()).isEqualTo("""
				c3, x2 -> m9 (head) (mergepoint), merge heads
				a1 -> x2, create meetings
				b2 -> c3, create invoices
				a1 -> b2 (current), create orders
				<base> -> a1 (branchpoint), create customers
				""");
		assertThat(this.cli.run("history", "-r", "b2:c3").out()).isEqualTo("""
				b2 -> c3, create invoices
				a1 -> b2, create orders
				""");
	}

	@Test
	void historyJsonContract() {
		this.cli.run("upgrade", "a1");
		assertThat(this.cli.run("history", "--json").out()).contains("\"applied\":null")
			.doesNotContain("\"applied\":true");
		assertThat(this.cli.run("history", "--json", "--indicate-current").out().strip()).isEqualTo("{\"revisions\":["
				+ "{\"revision\":\"c3\",\"down_revisions\":[\"b2\"],\"branch_labels\":[],\"message\":\"create invoices\","
				+ "\"is_head\":true,\"is_merge\":false,\"is_branch_point\":false,\"applied\":false},"
				+ "{\"revision\":\"b2\",\"down_revisions\":[\"a1\"],\"branch_labels\":[],\"message\":\"create orders\","
				+ "\"is_head\":false,\"is_merge\":false,\"is_branch_point\":false,\"applied\":false},"
				+ "{\"revision\":\"a1\",\"down_revisions\":[],\"branch_labels\":[],\"message\":\"create customers\","
				+ "\"is_head\":false,\"is_merge\":false,\"is_branch_point\":false,\"applied\":true}]}");
	}

	@Test
	void historyVerboseAndShow() {
		this.cli.run("upgrade");
		assertThat(this.cli.run("history", "--verbose").out()).contains("Rev: c3 (head)\nParent: b2\nPath: ")
			.doesNotContain("Applied:");
		assertThat(this.cli.run("history", "--verbose", "--indicate-current").out())
			.contains("Rev: c3 (head) (current)\nParent: b2\nPath: ")
			.contains("Applied: yes\n\n    create invoices");
		assertThat(this.cli.run("show", "b").out()).startsWith("Rev: b2\nParent: a1\n");
	}

	@Test
	void checkAsJsonNamesTheKindRevisionFileAndLineOfEachProblem() throws IOException {
		assertThat(this.cli.run("upgrade").code()).isZero();
		Path applied = this.cli.revisions().resolve("a1_customers.sql");
		Files.writeString(applied, Files.readString(applied) + "\n-- edited after it was applied\n");
		this.cli.write("d4_index.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE INDEX customers_id ON customers (id);
				-- +downgrade
				DROP INDEX customers_id;
				""");
		CliRun edited = this.cli.run("check", "--json");
		assertThat(edited.code()).isEqualTo(1);
		assertThat(edited.out()).startsWith("{\"ok\":false,\"problems\":[{\"kind\":\"history\",\"revision\":\"a1\","
				+ "\"file\":\"" + applied + "\",\"line\":null,\"message\":\"");
		Files.writeString(applied, CliRun.tableRevision("a1", "base", "customers"));
		CliRun pending = this.cli.run("check", "--json");
		assertThat(pending.out()).contains("{\"kind\":\"pending\",\"revision\":\"d4\"")
			.contains("{\"kind\":\"lint\",\"revision\":\"d4\",\"file\":\""
					+ this.cli.revisions().resolve("d4_index.sql") + "\",\"line\":4,\"message\":\"");
	}

	@Test
	void checkFailsWhileRevisionsArePendingAndPassesAtHead() {
		CliRun pending = this.cli.run("check", "--json");
		assertThat(pending.code()).isEqualTo(1);
		assertThat(pending.out()).startsWith("{\"ok\":false,\"problems\":[{\"kind\":\"pending\",\"revision\":\"a1\","
				+ "\"file\":\"" + this.cli.revisions().resolve("a1_customers.sql") + "\",\"line\":null,"
				+ "\"message\":\"Revision 'a1' (");
		this.cli.run("upgrade");
		CliRun ok = this.cli.run("check");
		assertThat(ok.code()).isZero();
		assertThat(ok.out()).startsWith("OK: one head");
		assertThat(this.cli.run("check", "--json").out().strip()).isEqualTo("{\"ok\":true,\"problems\":[]}");
	}

	@Test
	void checkNamesSeveralHeads() throws IOException {
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		this.cli.run("upgrade", "heads");
		CliRun run = this.cli.run("check");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).contains("problem: There are 2 heads (c3, x2)");
	}

	@Test
	void stampHeadRecordsAnInitSqlDatabase() {
		this.cli.database().execute("CREATE TABLE customers (id bigint PRIMARY KEY)");
		CliRun run = this.cli.run("stamp", "head");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("recorded at c3; nothing ran");
		assertThat(this.cli.run("current").out()).isEqualTo("c3 (head)\n");
		assertThat(this.cli.database().tableExists("orders")).isFalse();
	}

	@Test
	void revisionAndMergeWriteFilesTheNextUpgradeAccepts() throws IOException {
		CliRun first = this.cli.run("revision", "-m", "Add payments table", "--rev-id", "d4");
		assertThat(first.code()).isZero();
		assertThat(first.out())
			.matches("(?s)Generating .*/db/revisions/\\d{8}_\\d{4}_d4_add_payments_table\\.sql \\.\\.\\. done\n");
		Path created;
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			created = files.filter((file) -> file.getFileName().toString().contains("_d4_")).findFirst().orElseThrow();
		}
		assertThat(Files.readString(created)).startsWith("""
				-- revision: d4
				-- down_revision: c3
				-- message: Add payments table
				""");
		CliRun branch = this.cli.run("revision", "-m", "meetings", "--head", "a1", "--rev-id", "x2");
		assertThat(branch.code()).isEqualTo(2);
		assertThat(branch.err()).contains("error: Revision 'a1' is not a head").contains("hint: Pass --splice");
		assertThat(this.cli
			.run("revision", "-m", "meetings", "--head", "a1", "--splice", "--rev-id", "x2", "--branch-label",
					"meetings")
			.code()).isZero();
		CliRun ambiguous = this.cli.run("revision", "-m", "next");
		assertThat(ambiguous.code()).isEqualTo(2);
		assertThat(ambiguous.err()).contains("error: There are 2 heads (d4, x2)");
		CliRun merge = this.cli.run("merge", "-m", "merge heads", "heads", "--rev-id", "m9");
		assertThat(merge.code()).isZero();
		CliRun upgrade = this.cli.run("upgrade", "--json");
		assertThat(upgrade.code()).isZero();
		assertThat(upgrade.out().strip())
			.isEqualTo("{\"applied\":[\"a1\",\"b2\",\"c3\",\"d4\",\"x2\",\"m9\"],\"current\":[\"m9\"]}");
	}

	@Test
	void sqlFromBaseNeedsNoDatabaseAndBuildsTheSameSchemaAsARealUpgrade() {
		this.cli.environment().clear();
		CliRun sql = this.cli.run("upgrade", "--sql", "base:head");
		assertThat(sql.code()).isZero();
		assertThat(sql.out()).contains("CREATE TABLE customers (id bigint PRIMARY KEY);").contains("COMMIT;");
		TestDatabase.Database rendered = TestDatabase.shared().freshDatabase();
		rendered.execute(sql.out());
		this.cli.environment().putAll(CliRun.databaseEnvironment(this.cli.database()));
		this.cli.run("upgrade");
		String tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1";
		assertThat(rendered.query(tables)).isEqualTo(this.cli.database().query(tables));
		String recorded = "SELECT revision FROM migrations_revisions ORDER BY 1";
		assertThat(rendered.query(recorded)).isEqualTo(this.cli.database().query(recorded));
		CliRun down = this.cli.run("downgrade", "--sql", "c3:a1");
		assertThat(down.out()).contains("DROP TABLE invoices;").contains("DROP TABLE orders;");
	}

	@Test
	void invalidTargetIsAUsageErrorWithAHint() {
		CliRun run = this.cli.run("upgrade", "+0");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err())
			.startsWith("error: '+0' is not a valid target: the number of steps must be 1 or more.\nhint: Use 'head'");
	}

	@Test
	void stepsBeyondAnyNumberGoPastTheHeadAsAFewTooManyDo() {
		this.cli.run("upgrade", "head");
		CliRun few = this.cli.run("upgrade", "+3");
		assertThat(few.code()).isEqualTo(2);
		assertThat(few.err()).isEqualTo("error: Target '+3' goes past the head: 'c3' is a head, 3 step(s) short.\n"
				+ "hint: Use a smaller number, or 'head'.\n");
		CliRun many = this.cli.run("upgrade", "+99999999999");
		assertThat(many.code()).isEqualTo(2);
		assertThat(many.err())
			.isEqualTo("error: Target '+99999999999' goes past the head: 99999999999 steps are more than there are "
					+ "revisions.\nhint: Use a smaller number, or 'head'.\n");
		assertThat(this.cli.run("downgrade", "-99999999999").err())
			.startsWith("error: Target '-99999999999' goes past the base: 99999999999 steps");
	}

	@Test
	void targetThatLooksLikeAnOptionIsReportedAsAnInvalidTarget() {
		CliRun run = this.cli.run("downgrade", "-x");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).startsWith("error: '-x' is not a valid target.\nhint: Use 'head'");
		assertThat(this.cli.run("upgrade", "--jsn").err())
			.startsWith("error: Unknown option '--jsn'.\nhint: Did you mean '--json'? Run 'migrations upgrade --help'");
	}

	@Test
	void settingTheEngineRefusesIsAConfigurationErrorAndDatabaseFailureIsNot() {
		CliRun schema = this.cli.run("--schema", "x; DROP TABLE y", "upgrade");
		assertThat(schema.code()).isEqualTo(2);
		assertThat(schema.err()).startsWith("error: Schema 'x; DROP TABLE y' is not a valid schema name.\nhint: ");
		CliRun missingFolder = this.cli.runExactly("--locations", this.cli.folder().resolve("nowhere").toString(),
				"upgrade");
		assertThat(missingFolder.code()).isEqualTo(2);
		assertThat(missingFolder.err()).startsWith("error: Revision location ");
		this.cli.environment().put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
		assertThat(this.cli.run("upgrade").code()).isEqualTo(1);
	}

	@Test
	void passwordsInAMalformedUrlOrABrokenConfigurationFileAreNotPrinted() throws IOException {
		this.cli.environment()
			.put("DATABASE_URL", "jdbc:postgresql://localhost:not-a-port/db?user=app&password=t0p-s3cret");
		CliRun url = this.cli.run("upgrade");
		assertThat(url.code()).isEqualTo(2);
		assertThat(url.err())
			.startsWith("error: 'jdbc:postgresql://localhost:not-a-port/db?user=app&password=***' is "
					+ "not a valid PostgreSQL JDBC URL.\nhint: ")
			.doesNotContain("t0p-s3cret");
		Path yaml = Files.writeString(this.cli.folder().resolve("application.yml"), """
				spring:
				  datasource:
				    password: "t0p-s3cret
				""");
		CliRun config = this.cli.run("--config", yaml.toString(), "current");
		assertThat(config.code()).isEqualTo(2);
		assertThat(config.err())
			.startsWith("error: Could not read configuration file '" + yaml
					+ "': found unexpected end of stream at line 4, column 1.")
			.doesNotContain("t0p-s3cret");
	}

	@Test
	void aPasswordWithASlashOrAQuestionMarkInALibpqUrlIsRefusedWithoutPrintingIt() {
		this.cli.environment().clear();
		for (String password : List.of("Leak/Me_Q7w", "Leak?Me_Q7w", "Leak#Me_Q7w")) {
			CliRun run = this.cli.run("--url", "postgresql://postgres:" + password + "@127.0.0.1:5432/db", "current");
			assertThat(run.code()).as(password).isEqualTo(2);
			assertThat(run.err()).as(password)
				.startsWith(
						"error: 'postgresql://postgres:***@127.0.0.1:5432/db' is not a valid PostgreSQL URL: it has "
								+ "an '@' after its host outside a parameter's value, as a user or password holding '/', '?' or "
								+ "'#' leaves there.\nhint: Percent-encode '/' as %2F, '?' as %3F, '#' as %23");
			assertNoSecret(run, "Leak", "Q7w");
		}
	}

	@Test
	void aJdbcUrlWithAUserAndPasswordIsRefusedWithoutPrintingThem() {
		this.cli.environment().clear();
		for (String password : List.of("Leak/Me_Q7w", "Leak@Me_Q7w", "LeakMe_Q7w")) {
			CliRun run = this.cli.run("--url", "jdbc:postgresql://postgres:" + password + "@127.0.0.1:5432/db",
					"current");
			assertThat(run.code()).as(password).isEqualTo(2);
			assertThat(run.err()).as(password)
				.startsWith("error: 'jdbc:postgresql://postgres:***@127.0.0.1:5432/db' is not a valid PostgreSQL JDBC "
						+ "URL: it has an '@' before its path or outside a parameter's value, as a user and password "
						+ "leave there; a JDBC URL takes neither.\nhint: Pass them with --username and --password");
			assertNoSecret(run, "Leak", "Q7w");
		}
	}

	@Test
	void aPasswordOrSslPasswordParameterWithAQuoteIsMaskedWhole() {
		this.cli.environment().clear();
		for (String parameter : List.of("password", "sslpassword")) {
			CliRun run = this.cli.run("--url",
					"jdbc:postgresql://localhost:not-a-port/db?" + parameter + "=Leak'Me_Q7w", "current");
			assertThat(run.code()).as(parameter).isEqualTo(2);
			assertThat(run.err()).as(parameter)
				.startsWith("error: 'jdbc:postgresql://localhost:not-a-port/db?" + parameter
						+ "=***' is not a valid PostgreSQL JDBC URL.\n");
			assertNoSecret(run, "Leak", "Q7w");
		}
	}

	@Test
	void anotherSchemesUrlIsRefusedWithItsPasswordMasked() {
		this.cli.environment().clear();
		CliRun run = this.cli.run("--url", "mysql://root:Leak/Me_Q7w@127.0.0.1:3306/db", "current");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).startsWith("error: 'mysql://root:***@127.0.0.1:3306/db' is not a PostgreSQL URL.\n");
		assertNoSecret(run, "Leak", "Q7w");
	}

	@Test
	void aPortThatIsNotANumberInALibpqUrlIsRefusedInsteadOfConnectingToLocalhost() {
		this.cli.environment().clear();
		CliRun run = this.cli.run("--url", "postgresql://app:s3cret@db.example.com:not-a-port/orders", "current");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err())
			.startsWith("error: 'postgresql://app:***@db.example.com:not-a-port/orders' is not a valid "
					+ "PostgreSQL URL: a host or port is not valid.\nhint: ");
		assertNoSecret(run, "s3cret");
	}

	/**
	 * In a JVM of its own, where the driver's {@code java.util.logging} records would
	 * reach stderr: the issue's URLs, and one the driver warns about itself.
	 */
	@Test
	void theDriversOwnWarningsReachStderrOnlyMasked() throws Exception {
		CliRun libpq = runInAProcess("--url", "postgresql://postgres:Leak/Me_Q7w@127.0.0.1:5432/db", "current");
		assertThat(libpq.code()).as(libpq.err()).isEqualTo(2);
		CliRun jdbc = runInAProcess("--url", "jdbc:postgresql://postgres:Leak/Me_Q7w@127.0.0.1:5432/db", "current");
		assertThat(jdbc.code()).as(jdbc.err()).isEqualTo(2);
		CliRun warned = runInAProcess("--url", "jdbc:postgresql://127.0.0.1:5432?password=Leak/Me_Q7w", "current");
		assertThat(warned.code()).as(warned.err()).isEqualTo(2);
		assertThat(warned.err()).contains("WARN org.postgresql.Driver - JDBC URL must contain a / at the end of the "
				+ "host or port: jdbc:postgresql://127.0.0.1:5432?password=***\n");
		for (CliRun run : List.of(libpq, jdbc, warned)) {
			assertNoSecret(run, "Leak", "Q7w");
		}
	}

	private CliRun runInAProcess(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), MigrationsCli.class.getName(), "--locations",
						this.cli.revisions().toString()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(this.cli.folder(), "out", ".txt");
		Path err = Files.createTempFile(this.cli.folder(), "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("DATABASE_"));
		Process process = builder.start();
		process.getOutputStream().close();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private static void assertNoSecret(CliRun run, String... pieces) {
		for (String piece : pieces) {
			assertThat(run.out() + run.err()).as(run.toString()).doesNotContain(piece);
		}
	}

	@Test
	void unresolvablePlaceholderInTheConfigurationFileStaysAsWrittenAsInSpringBoot() throws IOException {
		this.cli.write("d4_notes.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE notes (body text);
				INSERT INTO notes VALUES ($n$${note}$n$);
				-- +downgrade
				""");
		Path properties = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.placeholders.note=${NOT_SET} and ${NOT_SET_EITHER:a default}\n");
		assertThat(this.cli.run("--config", properties.toString(), "upgrade").code()).isZero();
		assertThat(this.cli.database().query("SELECT body FROM notes")).containsExactly("${NOT_SET} and a default");
	}

	@Test
	void failingRevisionExitsOneNamingFileLineAndRevision() throws IOException {
		this.cli.write("d4_broken.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE payments (id no_such_type);
				-- +downgrade
				""");
		CliRun run = this.cli.run("upgrade");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).contains("error: ")
			.contains("d4_broken.sql:4: revision 'd4' failed: type \"no_such_type\" does not exist")
			.contains("hint: The revision was rolled back and is not recorded as applied.");
		assertThat(this.cli.run("current").out()).isEqualTo("c3\n");
	}

	@Test
	void missingDatabaseUrlIsAConfigurationError() {
		this.cli.environment().clear();
		CliRun run = this.cli.run("current");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: No database URL is configured.\n"
				+ "hint: Pass --url, set DATABASE_URL, or write app.migrations.url=... in a migrations.properties in "
				+ "this folder (or point --config at the application's configuration).\n");
	}

	@Test
	void libpqStyleUrlWorksAndThePasswordIsNeverPrinted() {
		this.cli.database().execute("CREATE ROLE cli_user LOGIN PASSWORD 's3cr3t-Pa55' SUPERUSER");
		this.cli.environment().clear();
		String url = this.cli.database().url().replace("jdbc:postgresql://", "postgresql://cli_user:s3cr3t-Pa55@");
		CliRun run = this.cli.run("--url", url, "upgrade");
		assertThat(run.code()).isZero();
		CliRun wrong = this.cli.run("--url", url.replace("cli_user:s3cr3t-Pa55", "nobody:wrong-Pa55"), "current");
		assertThat(wrong.code()).isEqualTo(1);
		for (CliRun output : List.of(run, wrong)) {
			assertThat(output.out() + output.err()).doesNotContain("s3cr3t-Pa55").doesNotContain("wrong-Pa55");
		}
		assertThat(wrong.err()).contains("error: ").contains("\"nobody\"");
	}

	@Test
	void configFileSuppliesDatabaseAndLocationsLikeTheApplication() throws IOException {
		Path resources = this.cli.folder();
		Files.writeString(resources.resolve("application.yml"), """
				spring:
				  datasource:
				    url: ${DATABASE_URL}
				    username: ${DATABASE_USERNAME:postgres}
				    password: ${DATABASE_PASSWORD:postgres}
				app:
				  migrations:
				    locations: classpath:db/revisions
				    schema: billing
				""");
		CliRun run = this.cli.runExactly("--config", resources.resolve("application.yml").toString(), "upgrade");
		assertThat(run.code()).isZero();
		assertThat(this.cli.database().tableExists("billing", "invoices")).isTrue();
	}

	@Test
	void repairReRecordsAnEditedChecksum() throws IOException {
		this.cli.run("upgrade");
		this.cli.write("b2_orders.sql",
				CliRun.tableRevision("b2", "a1", "orders", "-- an edit after it was applied\n"));
		CliRun blocked = this.cli.run("upgrade");
		assertThat(blocked.code()).isEqualTo(1);
		assertThat(blocked.err()).contains("was edited after it was applied");
		CliRun repair = this.cli.run("repair");
		assertThat(repair.out()).isEqualTo("Re-recorded the checksum of b2\n");
		assertThat(this.cli.run("upgrade").code()).isZero();
	}

	@Test
	void withoutACommandItListsEveryCommand() {
		CliRun run = this.cli.runExactly();
		assertThat(run.code()).isZero();
		assertThat(run.out()).startsWith("Usage: migrations")
			.contains("upgrade")
			.contains("downgrade")
			.contains("history")
			.contains("merge")
			.contains("check");
	}

	@Test
	void everyCommandHasHelp() {
		for (String command : List.of("init", "upgrade", "downgrade", "current", "heads", "branches", "history", "show",
				"stamp", "revision", "merge", "repair", "check")) {
			CliRun run = this.cli.runExactly(command, "--help");
			assertThat(run.code()).as(command).isZero();
			assertThat(run.out()).as(command).startsWith("Usage: migrations " + command);
		}
		assertThat(this.cli.runExactly("upgrade", "--help").out()).as("upgrade's target may be left out")
			.containsPattern("\\[TARGET\\]\\s");
	}

}
