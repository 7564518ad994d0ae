package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving a database from Alembic: the commands on a database that Alembic migrated to
 * 'b2', whose tables exist and whose {@code alembic_version} says so, on a real
 * PostgreSQL.
 */
class StampFromAlembicTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void anAlembicDatabaseAtB2() throws IOException {
		this.cli.write("a1_customers.sql", CliRun.tableRevision("a1", "base", "customers"));
		this.cli.write("b2_orders.sql", CliRun.tableRevision("b2", "a1", "orders"));
		this.cli.write("c3_invoices.sql", CliRun.tableRevision("c3", "b2", "invoices"));
		this.cli.database().execute("""
				CREATE TABLE customers (id bigint PRIMARY KEY);
				CREATE TABLE orders (id bigint PRIMARY KEY);
				CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
				INSERT INTO alembic_version VALUES ('b2');
				""");
	}

	@Test
	void upgradeOnAnAlembicDatabaseStopsAndNamesStampFromAlembic() {
		CliRun run = this.cli.run("upgrade");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEqualTo("error: The database was migrated by Alembic: public.alembic_version holds "
				+ "'b2', and the version store \"migrations_revisions\" has recorded nothing yet, so every revision "
				+ "would run again on tables that exist. Nothing was changed.\n"
				+ "hint: Give each Alembic revision a revision file with the same id, then record what "
				+ "public.alembic_version holds without running anything: run 'migrations stamp --from-alembic', or "
				+ "let the upgrade do it by setting adopt-alembic-version to true. Setting: "
				+ "'app.migrations.adopt-alembic-version' in the --config file (or environment variable "
				+ "APP_MIGRATIONS_ADOPT_ALEMBIC_VERSION).\n");
		assertThat(this.cli.database().tableExists("invoices")).isFalse();
	}

	@Test
	void upgradeSqlFromAnAlembicDatabaseStopsInsteadOfRenderingFromBase() {
		CliRun run = this.cli.run("upgrade", "--sql");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err())
			.startsWith("error: The database was migrated by Alembic: public.alembic_version holds " + "'b2'");
		assertThat(this.cli.run("upgrade", "--sql", "b2:head").out()).contains("CREATE TABLE invoices")
			.doesNotContain("CREATE TABLE orders");
	}

	@Test
	void currentOnAnAlembicDatabaseSaysSoInsteadOfPrintingBase() {
		CliRun run = this.cli.run("current");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err())
			.startsWith("error: The database was migrated by Alembic: public.alembic_version holds " + "'b2'")
			.contains("hint: Give each Alembic revision a revision file with the same id");
	}

	@Test
	void stampFromAlembicRecordsItsRevisionsAndCheckPassesAfterTheUpgrade() {
		CliRun stamp = this.cli.run("stamp", "--from-alembic");
		assertThat(stamp).isEqualTo(new CliRun(0,
				"Stamped: the database is recorded at b2; nothing ran, and public.alembic_version is left as it was.\n",
				""));
		assertThat(this.cli.run("current").out()).isEqualTo("b2\n");
		CliRun upgrade = this.cli.run("upgrade", "--json");
		assertThat(upgrade.out().strip()).isEqualTo("{\"applied\":[\"c3\"],\"current\":[\"c3\"]}");
		assertThat(this.cli.run("check").code()).isZero();
		assertThat(this.cli.database().query("SELECT version_num FROM alembic_version")).containsExactly("b2");
	}

	@Test
	void afterStampFromAlembicDriftCheckAndAutogenerateLeaveAlembicVersionOut() throws IOException {
		assertThat(this.cli.run("stamp", "--from-alembic").code()).isZero();
		assertThat(this.cli.run("upgrade").code()).isZero();
		CliRun drift = this.cli.run("drift");
		assertThat(drift.code()).as(drift.out()).isZero();
		Path desired = Files.writeString(this.cli.folder().resolve("schema.sql"), """
				CREATE TABLE customers (id bigint PRIMARY KEY);
				CREATE TABLE orders (id bigint PRIMARY KEY);
				CREATE TABLE invoices (id bigint PRIMARY KEY);
				""");
		CliRun check = this.cli.run("check", "--desired", desired.toString());
		assertThat(check.code()).as(check.out() + check.err()).isZero();
		Files.writeString(desired, """
				CREATE TABLE customers (id bigint PRIMARY KEY, name text);
				CREATE TABLE orders (id bigint PRIMARY KEY);
				CREATE TABLE invoices (id bigint PRIMARY KEY);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "names", "--rev-id", "d4", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		try (var files = Files.list(this.cli.revisions())) {
			Path written = files.filter((file) -> file.getFileName().toString().contains("d4"))
				.findFirst()
				.orElseThrow();
			assertThat(Files.readString(written)).contains("ADD COLUMN name text").doesNotContain("alembic_version");
		}
		assertThat(this.cli.database().query("SELECT version_num FROM alembic_version")).containsExactly("b2");
	}

	@Test
	void driftLeavesOutAnAlembicVersionTableOfAnotherNameAsConfigured() throws IOException {
		this.cli.database()
			.execute("CREATE SCHEMA alembic; ALTER TABLE alembic_version SET SCHEMA alembic; "
					+ "ALTER TABLE alembic.alembic_version RENAME TO versions");
		Path config = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.alembic-version-table=alembic.versions\n");
		assertThat(this.cli.run("--config", config.toString(), "stamp", "--from-alembic").code()).isZero();
		CliRun drift = this.cli.run("--config", config.toString(), "drift");
		assertThat(drift.out()).contains("DROP SCHEMA alembic").doesNotContain("versions");
		this.cli.database().execute("CREATE TABLE versions (id bigint)");
		assertThat(this.cli.run("--config", config.toString(), "drift").out()).contains("DROP TABLE public.versions");
	}

	@Test
	void stampFromAlembicAgainHintsAStampThatWorksWhenPasted() {
		assertThat(this.cli.run("stamp", "--from-alembic").code()).isZero();
		CliRun again = this.cli.run("stamp", "--from-alembic");
		assertThat(again.code()).isEqualTo(1);
		java.util.regex.Matcher hint = java.util.regex.Pattern.compile("run 'migrations ([^']+)'").matcher(again.err());
		assertThat(hint.find()).as(again.err()).isTrue();
		CliRun pasted = this.cli.run(hint.group(1).split(" "));
		assertThat(pasted.code()).as(pasted.err()).isZero();
		assertThat(this.cli.run("current").out()).isEqualTo("c3 (head)\n");
	}

	@Test
	void stampFromAlembicNamesTheRevisionsThatHaveNoFile() {
		this.cli.database().execute("INSERT INTO alembic_version VALUES ('4f2e9a1c7b30')");
		CliRun run = this.cli.run("stamp", "--from-alembic");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).isEqualTo("error: public.alembic_version holds '4f2e9a1c7b30', which no revision file "
				+ "declares, so it cannot be adopted.\n"
				+ "hint: Port each of them from Alembic's versions/*.py to a revision file with the same id "
				+ "('-- revision: <id>'), then adopt again. Nothing was changed.\n");
		assertThat(this.cli.database().tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void stampTakesEitherTargetsOrFromAlembic() {
		for (String[] args : new String[][] { { "stamp" }, { "stamp", "head", "--from-alembic" },
				{ "stamp", "--from-alembic", "--purge" } }) {
			CliRun run = this.cli.run(args);
			assertThat(run.code()).isEqualTo(2);
			assertThat(run.err()).startsWith("error: Stamp either the revisions named as TARGET, or --from-alembic "
					+ "alone.\nhint: Run 'migrations stamp head', or 'migrations stamp --from-alembic'");
		}
		assertThat(this.cli.database().tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void adoptAlembicVersionInTheConfigFileLetsTheUpgradeAdopt() throws IOException {
		Path config = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.adopt-alembic-version=true\n");
		CliRun run = this.cli.run("--config", config.toString(), "upgrade", "--json");
		assertThat(run.code()).isZero();
		assertThat(run.out().strip()).isEqualTo("{\"applied\":[\"c3\"],\"current\":[\"c3\"]}");
	}

	@Test
	void anUpgradeThatAdoptsSaysWhatItRecordedWithoutRunning() throws IOException {
		Path config = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.adopt-alembic-version=true\n");
		CliRun run = this.cli.run("--config", config.toString(), "upgrade");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.err()).startsWith("Recorded a1, b2 as applied without running them: adopted from Alembic's "
				+ "alembic_version\nUpgrading to c3 ");
		assertThat(run.out()).startsWith("Upgraded from 'b2' to 'c3' (1 revision) in ");
	}

	@Test
	void anUpgradeThatStampsTheBaselineSaysWhatItRecordedWithoutRunning() throws IOException {
		this.cli.database().execute("DROP TABLE alembic_version");
		Path config = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.baseline=b2\n");
		CliRun run = this.cli.run("--config", config.toString(), "upgrade");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.err()).startsWith("Recorded a1, b2 as applied without running them: stamped as the baseline "
				+ "'b2', as the database had tables but no version store\nUpgrading to c3 ");
	}

	@Test
	void aVersionTableOfAnotherNameIsNamedByTheOptionOrTheConfigurationFile() throws IOException {
		this.cli.database()
			.execute("CREATE SCHEMA alembic; ALTER TABLE alembic_version SET SCHEMA alembic; "
					+ "ALTER TABLE alembic.alembic_version RENAME TO versions");
		CliRun missing = this.cli.run("stamp", "--from-alembic");
		assertThat(missing.code()).isEqualTo(1);
		assertThat(missing.err())
			.startsWith("error: No table 'alembic_version' is on the search path of this "
					+ "connection, so there is nothing of Alembic's to adopt.\n")
			.endsWith("Option: --alembic-version-table of 'stamp --from-alembic' (or "
					+ "'app.migrations.alembic-version-table' in the --config file, or environment variable "
					+ "APP_MIGRATIONS_ALEMBIC_VERSION_TABLE).\n");
		Path config = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.alembic-version-table=alembic.versions\n");
		CliRun upgrade = this.cli.run("--config", config.toString(), "upgrade");
		assertThat(upgrade.code()).isEqualTo(1);
		assertThat(upgrade.err())
			.startsWith("error: The database was migrated by Alembic: alembic.versions holds 'b2', and the version");
		assertThat(this.cli.database().tableExists("invoices")).isFalse();
		CliRun stamp = this.cli.run("stamp", "--from-alembic", "--alembic-version-table", "alembic.versions");
		assertThat(stamp).isEqualTo(new CliRun(0,
				"Stamped: the database is recorded at b2; nothing ran, and alembic.versions is left as it was.\n", ""));
		assertThat(this.cli.run("current").out()).isEqualTo("b2\n");
	}

	@Test
	void stampFromAlembicNamesTheTableItFoundOnTheSearchPathAsUpgradeDoes() {
		this.cli.database()
			.execute("CREATE SCHEMA other; ALTER TABLE alembic_version SET SCHEMA other; " + "ALTER DATABASE "
					+ this.cli.database().name() + " SET search_path = public, other");
		assertThat(this.cli.run("upgrade").err())
			.startsWith("error: The database was migrated by Alembic: other.alembic_version holds 'b2'");
		CliRun stamp = this.cli.run("stamp", "--from-alembic");
		assertThat(stamp).isEqualTo(new CliRun(0,
				"Stamped: the database is recorded at b2; nothing ran, and other.alembic_version is left as it was.\n",
				""));
		assertThat(this.cli.database().query("SELECT version_num FROM other.alembic_version")).containsExactly("b2");
	}

	@Test
	void aVersionTableOptionThatIsNotATableNameIsRefusedBeforeAnythingRuns() {
		CliRun run = this.cli.run("stamp", "--from-alembic", "--alembic-version-table", "x; DROP TABLE orders");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).startsWith("error: Alembic version table 'x; DROP TABLE orders' is not a table name.\n");
		assertThat(this.cli.database().tableExists("orders")).isTrue();
		assertThat(this.cli.run("stamp", "head", "--alembic-version-table", "versions").err())
			.startsWith("error: --alembic-version-table names the table that --from-alembic reads.\n");
	}

}
