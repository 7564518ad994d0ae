package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift}: the database against the schema its applied revisions produce.
 */
class DriftCommandTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void migrated() throws IOException {
		this.cli.write("a1_customers.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
				""");
		this.cli.write("b2_orders.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE orders (id bigint PRIMARY KEY);
				""");
		assertThat(this.cli.run("upgrade", "a1").code()).isZero();
	}

	@Test
	void aDatabaseAsItsRevisionsLeftItHasNoDrift() {
		CliRun drift = this.cli.run("drift");
		assertThat(drift.code()).as(drift.err()).isZero();
		assertThat(drift.out()).isEqualTo("No drift: the database's schema is what its 1 applied revision produces.\n");
	}

	@Test
	void whatWasChangedOutOfBandIsPrintedAsTheSqlThatUndoesIt() throws Exception {
		this.cli.database()
			.execute("ALTER TABLE customers ADD COLUMN nickname text; CREATE INDEX customers_name ON customers (name)");
		CliRun drift = this.cli.run("drift");
		assertThat(drift.code()).isEqualTo(1);
		assertThat(drift.out())
			.startsWith("-- Drift: the database differs from the schema its 1 applied revision produces.")
			.contains("nickname")
			.contains("customers_name")
			.doesNotContain("orders");
		DiffCommandTests.psql(this.cli.database(), drift.out());
		CliRun again = this.cli.run("drift");
		assertThat(again.code()).as(again.out()).isZero();
		assertThat(
				this.cli.database()
					.query("SELECT column_name FROM information_schema.columns "
							+ "WHERE table_name = 'customers' ORDER BY ordinal_position"))
			.containsExactly("id", "name");
	}

	@Test
	void objectsConfiguredAsIgnoredAreNotDrift() throws IOException {
		this.cli.database()
			.execute("CREATE EXTENSION pg_stat_statements; CREATE TABLE heartbeat (beat timestamptz PRIMARY KEY)");
		CliRun drift = this.cli.run("drift");
		assertThat(drift.code()).isEqualTo(1);
		assertThat(drift.out()).contains("DROP EXTENSION pg_stat_statements", "DROP TABLE public.heartbeat");
		Path config = Files.writeString(this.cli.folder().resolve("application.yml"), """
				app:
				  migrations:
				    ignored-objects:
				      - extension:pg_stat_statements
				      - table:public.heartbeat
				""");
		CliRun ignoring = this.cli.run("--config", config.toString(), "drift");
		assertThat(ignoring.code()).as(ignoring.out() + ignoring.err()).isZero();
		this.cli.environment().put("APP_MIGRATIONS_IGNOREDOBJECTS", "extension:pg_stat_statements");
		CliRun fromEnvironment = this.cli.run("drift");
		assertThat(fromEnvironment.code()).isEqualTo(1);
		assertThat(fromEnvironment.out()).doesNotContain("pg_stat_statements").contains("DROP TABLE public.heartbeat");
		this.cli.environment().put("APP_MIGRATIONS_IGNOREDOBJECTS", "pg_stat_statements");
		CliRun mistyped = this.cli.run("drift");
		assertThat(mistyped.code()).isEqualTo(2);
		assertThat(mistyped.err())
			.startsWith("error: Ignored object 'pg_stat_statements' is not of the form KIND:NAME.")
			.contains("Setting: 'app.migrations.ignored-objects'");
	}

	@Test
	void jsonKeepsTheReviewNotesOfTheStatementsThatMayLoseData() {
		this.cli.database()
			.execute("ALTER TABLE customers ADD COLUMN nickname text; CREATE INDEX customers_name ON customers (name)");
		CliRun drift = this.cli.run("drift", "--json");
		assertThat(drift.code()).isEqualTo(1);
		assertThat(drift.out()).startsWith("{\"drift\":true,\"statements\":[")
			.contains("\"review\":[{\"statement\":\"ALTER TABLE public.customers DROP COLUMN nickname\","
					+ "\"note\":\"drops column public.customers.nickname and its data\"}]")
			.doesNotContain("\"statement\":\"DROP INDEX");
	}

	@Test
	void aVersionStoreLookedForInAnotherSchemaIsNamedRatherThanEveryObjectCalledDrift() {
		CliRun drift = this.cli.run("--schema", "elsewhere", "drift");
		assertThat(drift.code()).isEqualTo(1);
		assertThat(drift.out()).contains("DROP TABLE public.customers");
		assertThat(drift.err()).contains("note: no revision is recorded in this database's version store (in schema "
				+ "'elsewhere'), so everything in it counts as drift. If the revisions are recorded in another schema, "
				+ "pass --schema");
	}

	@Test
	void driftNeedsADatabase() {
		this.cli.environment().clear();
		CliRun drift = this.cli.run("drift");
		assertThat(drift.code()).isEqualTo(2);
		assertThat(drift.err()).startsWith("error: 'drift' reads the database, and no database URL is configured.");
	}

}
