package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that Alembic runs without a database, run here with no database URL
 * configured anywhere: no option, no environment variable, no configuration file. A real
 * PostgreSQL is used only to run what they print, or where a command does need one.
 */
class OfflineCommandsTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.withoutDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", CliRun.tableRevision("a1", "base", "customers"));
		this.cli.write("b2_orders.sql", CliRun.tableRevision("b2", "a1", "orders"));
		this.cli.write("c3_invoices.sql", CliRun.tableRevision("c3", "b2", "invoices"));
	}

	@Test
	void headsBranchesAndHistoryReadOnlyTheScripts() throws IOException {
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		assertThat(this.cli.run("heads")).isEqualTo(new CliRun(0, "c3 (head)\nx2 (head)\n", ""));
		assertThat(this.cli.run("branches").out()).isEqualTo("a1 (branchpoint)\n   -> b2\n   -> x2 (head)\n\n");
		assertThat(this.cli.run("branches", "-v").out())
			.startsWith("Rev: a1 (branchpoint)\nParent: <base>\nBranches into: b2, x2\n")
			.endsWith("   -> b2, create orders\n   -> x2 (head), create meetings\n\n");
		CliRun history = this.cli.run("history");
		assertThat(history.code()).isZero();
		assertThat(history.out()).contains("a1 -> x2 (head), create meetings\n")
			.endsWith("<base> -> a1 (branchpoint), create customers\n");
		assertThat(this.cli.run("history", "-r", "b2:c3").out())
			.isEqualTo("b2 -> c3 (head), create invoices\n" + "a1 -> b2, create orders\n");
		assertThat(this.cli.run("history", "--verbose").out()).contains("Rev: c3 (head)\nParent: b2\n")
			.doesNotContain("Applied");
	}

	@Test
	void historyJsonWithoutADatabaseSaysNothingAboutWhatIsApplied() {
		CliRun run = this.cli.run("history", "--json", "-r", "b2:c3");
		assertThat(run.code()).isZero();
		assertThat(run.out().strip()).isEqualTo("{\"revisions\":["
				+ "{\"revision\":\"c3\",\"down_revisions\":[\"b2\"],\"branch_labels\":[],\"message\":\"create invoices\","
				+ "\"is_head\":true,\"is_merge\":false,\"is_branch_point\":false,\"applied\":null},"
				+ "{\"revision\":\"b2\",\"down_revisions\":[\"a1\"],\"branch_labels\":[],\"message\":\"create orders\","
				+ "\"is_head\":false,\"is_merge\":false,\"is_branch_point\":false,\"applied\":null}]}");
	}

	@Test
	void historyOptionsThatReadTheDatabaseSaySoWhenNoneIsConfigured() {
		CliRun indicate = this.cli.run("history", "--indicate-current");
		assertThat(indicate.code()).isEqualTo(2);
		assertThat(indicate.out()).isEmpty();
		assertThat(indicate.err())
			.isEqualTo("error: 'history --indicate-current' reads the database, and no database URL is configured.\n"
					+ "hint: Pass --url, set DATABASE_URL, or write app.migrations.url=... in a migrations.properties in "
					+ "this folder (or point --config at the application's configuration).\n");
		assertThat(this.cli.run("history", "-r", "current:").err())
			.startsWith("error: 'history -r current:' reads the database, and no database URL is configured.\n");
	}

	@Test
	void showNamesARevisionHeadHeadsAndBaseWithoutADatabase() throws IOException {
		assertThat(this.cli.run("show", "b")).isEqualTo(new CliRun(0, verbose("b2", "", "a1", "create orders"), ""));
		assertThat(this.cli.run("show", "head").out()).isEqualTo(verbose("c3", " (head)", "b2", "create invoices"));
		assertThat(this.cli.run("show", "head-1").out()).isEqualTo(verbose("b2", "", "a1", "create orders"));
		assertThat(this.cli.run("show", "base").out()).isEqualTo(verbose("a1", "", "<base>", "create customers"));
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		assertThat(this.cli.run("show", "heads").out()).isEqualTo(
				verbose("c3", " (head)", "b2", "create invoices") + verbose("x2", " (head)", "a1", "create meetings"));
		CliRun ambiguous = this.cli.run("show", "head");
		assertThat(ambiguous.code()).isEqualTo(2);
		assertThat(ambiguous.err()).startsWith("error: Target 'head' is ambiguous: there are 2 heads ('c3', 'x2').");
		CliRun relative = this.cli.run("show", "-1");
		assertThat(relative.code()).isEqualTo(2);
		assertThat(relative.err()).startsWith("error: 'show -1' counts from where the database stands;")
			.contains("hint: Use 'migrations show c3-1' or 'migrations show x2-1' for the revision below a head, or "
					+ "'migrations show current'.");
	}

	@Test
	void showCurrentReadsTheDatabaseAndSaysSoWhenNoneIsConfigured() {
		CliRun offline = this.cli.run("show", "current");
		assertThat(offline.code()).isEqualTo(2);
		assertThat(offline.err())
			.startsWith("error: 'show current' reads the database, and no database URL is configured.\n");
		useDatabase(TestDatabase.shared().freshDatabase());
		CliRun atBase = this.cli.run("show", "current");
		assertThat(atBase).isEqualTo(new CliRun(0, "", "note: the database is at base: no revision is applied.\n"));
		assertThat(this.cli.run("upgrade", "b2").code()).isZero();
		CliRun current = this.cli.run("show", "current");
		assertThat(current.code()).isZero();
		assertThat(current.out()).startsWith("Rev: b2 (current)\nParent: a1\n").contains("Applied: yes\n");
	}

	@Test
	void revisionAndMergeWriteFilesWithoutADatabase() throws IOException {
		assertThat(this.cli.run("revision", "-m", "add payments", "--rev-id", "d4").code()).isZero();
		assertThat(this.cli.run("revision", "-m", "meetings", "--head", "a1", "--splice", "--rev-id", "x2").code())
			.isZero();
		CliRun merge = this.cli.run("merge", "-m", "merge heads", "heads", "--rev-id", "m9");
		assertThat(merge.code()).isZero();
		assertThat(merge.err()).isEmpty();
		assertThat(this.cli.run("heads").out()).isEqualTo("m9 (head)\n");
		assertThat(this.cli.run("history", "-r", "m9:").out())
			.isEqualTo("d4, x2 -> m9 (head) (mergepoint), merge heads\n");
	}

	@Test
	void upgradeSqlWithoutARangeOrADatabaseStartsFromBaseAndSaysSo() {
		CliRun run = this.cli.run("upgrade", "--sql");
		assertThat(run.code()).isZero();
		assertThat(run.err()).isEqualTo("note: no database is configured, so the script starts from base (an empty "
				+ "database), as 'alembic upgrade --sql' does; give FROM:TO, for example 'base:head', or --url to "
				+ "start elsewhere.\n");
		assertThat(this.cli.run("upgrade", "head", "--sql").out()).isEqualTo(run.out());
		assertThat(run.out()).isEqualTo(this.cli.run("upgrade", "--sql", "base:head").out());
		assertThat(this.cli.run("-q", "upgrade", "b2", "--sql").err()).isEmpty();
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		database.execute(run.out());
		assertThat(database.tableExists("invoices")).isTrue();
		assertThat(database.query("SELECT revision FROM migrations_revisions ORDER BY 1")).containsExactly("a1", "b2",
				"c3");
	}

	@Test
	void aRangeWithoutSqlSaysThatOnlySqlTakesOne() {
		CliRun run = this.cli.run("upgrade", "base:head");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: 'base:head' is a range (FROM:TO), which only --sql takes.\n"
				+ "hint: Run 'migrations upgrade --sql base:head' to print its SQL, or name one target, such as "
				+ "'head'.\n");
		assertThat(this.cli.run("downgrade", "head:-1").err()).startsWith(
				"error: 'head:-1' is a range (FROM:TO), which only --sql takes.\nhint: Run 'migrations downgrade --sql");
	}

	@Test
	void downgradeSqlWithoutADatabaseNeedsARange() {
		CliRun run = this.cli.run("downgrade", "--sql", "-1");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEqualTo("error: 'downgrade --sql -1' starts from where the database stands, and no "
				+ "database URL is configured.\n"
				+ "hint: Give the range as FROM:TO, for example 'migrations downgrade --sql head:-1', or pass --url.\n");
		CliRun range = this.cli.run("downgrade", "--sql", "head:-1");
		assertThat(range.code()).isZero();
		assertThat(range.out()).contains("DROP TABLE invoices;").doesNotContain("DROP TABLE orders;");
	}

	@Test
	void commandsThatReadOnlyTheScriptsNeverConnectEvenWhenAnUnreachableDatabaseIsConfigured() throws IOException {
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		this.cli.environment().put("DATABASE_URL", "postgresql://nobody:secret@127.0.0.1:1/nowhere");
		String[][] commands = { { "heads" }, { "heads", "--verbose" }, { "branches" }, { "history" },
				{ "history", "--verbose", "-r", "a1:" }, { "history", "--json" }, { "show", "c3" }, { "show", "heads" },
				{ "show", "base" }, { "upgrade", "--sql", "base:heads" }, { "downgrade", "--sql", "c3:b2" },
				{ "revision", "-m", "add payments", "--head", "c3", "--rev-id", "d4" },
				{ "merge", "-m", "merge heads", "heads", "--rev-id", "m9" } };
		for (String[] command : commands) {
			CliRun run = this.cli.run(command);
			assertThat(run.code()).as(String.join(" ", command) + ": " + run.err()).isZero();
			assertThat(run.err()).as(String.join(" ", command)).isEmpty();
		}
		assertThat(this.cli.run("heads").out()).isEqualTo("m9 (head)\n");
		CliRun current = this.cli.run("current");
		assertThat(current.code()).isEqualTo(1);
		assertThat(current.err()).contains("127.0.0.1:1").doesNotContain("secret");
	}

	private void useDatabase(TestDatabase.Database database) {
		this.cli.environment().putAll(CliRun.databaseEnvironment(database));
	}

	private String verbose(String id, String tags, String parent, String message) {
		return "Rev: %s%s\nParent: %s\nPath: %s\n\n    %s\n".formatted(id, tags, parent, source(id), message);
	}

	private String source(String id) {
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			return files.filter((file) -> file.getFileName().toString().startsWith(id + "_"))
				.findFirst()
				.orElseThrow()
				.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
