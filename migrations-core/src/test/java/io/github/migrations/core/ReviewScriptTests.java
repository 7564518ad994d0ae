package io.github.migrations.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is reviewed is what runs: the {@code --sql} script, run with
 * {@code psql -v ON_ERROR_STOP=1} on one database, and a real run on another leave the
 * same schema, the same version-store rows, and showed each revision the same settings.
 */
class ReviewScriptTests {

	/**
	 * What each revision saw: recorded by the revision itself.
	 */
	private static final String OBSERVE = "INSERT INTO observed VALUES ('%s', current_setting('lock_timeout'), "
			+ "current_setting('statement_timeout'), current_setting('search_path'));\n";

	private final TestDatabase.Database reviewed = TestDatabase.shared().freshDatabase();

	private final TestDatabase.Database run = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	@TempDir
	Path scripts;

	private RevisionFiles files;

	@BeforeEach
	void corpus() {
		this.files = new RevisionFiles(this.folder);
		this.files.write("a1_base.sql", """
				-- revision: a1
				-- down_revision: base
				-- message: base tables, it's the first
				-- +upgrade
				CREATE TABLE observed (revision text, lock_timeout text, statement_timeout text, search_path text);
				CREATE TABLE ${table} (id bigint PRIMARY KEY, note text);
				%s
				-- +downgrade
				DROP TABLE ${table};
				DROP TABLE observed;
				""".formatted(OBSERVE.formatted("a1")));
		this.files.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- transactional: false
				-- lock_timeout: 5s
				-- +upgrade
				%s
				CREATE INDEX CONCURRENTLY accounts_note ON accounts (note);
				-- +downgrade
				%s
				DROP INDEX CONCURRENTLY accounts_note;
				""".formatted(OBSERVE.formatted("b2 up"), OBSERVE.formatted("b2 down")));
		this.files.write("c3_ordinary.sql", """
				-- revision: c3
				-- down_revision: b2
				-- branch_labels: shop
				-- +upgrade
				%s
				CREATE TABLE orders (id bigint PRIMARY KEY, account bigint REFERENCES accounts);
				-- +downgrade
				%s
				DROP TABLE orders;
				""".formatted(OBSERVE.formatted("c3 up"), OBSERVE.formatted("c3 down")));
		this.files.write("d4_slow.sql", """
				-- revision: d4
				-- down_revision: b2
				-- statement_timeout: 7s
				-- +upgrade
				%s
				CREATE VIEW notes AS SELECT note FROM accounts;
				-- +downgrade
				%s
				DROP VIEW notes;
				""".formatted(OBSERVE.formatted("d4 up"), OBSERVE.formatted("d4 down")));
		this.files.write("e5_merge.sql", """
				-- revision: e5
				-- down_revision: c3, d4
				-- message: merge
				-- +upgrade
				%s
				-- +downgrade
				%s
				""".formatted(OBSERVE.formatted("e5 up"), OBSERVE.formatted("e5 down")));
	}

	private Migrator migrator(TestDatabase.Database database, TransactionMode mode) {
		return migrator(database, settings(mode));
	}

	private static Migrator migrator(TestDatabase.Database database, MigratorSettings settings) {
		return Migrator.builder(database.dataSource()).settings(settings).build();
	}

	private MigratorSettings settings(TransactionMode mode) {
		return MigratorSettings.defaults()
			.toBuilder()
			.locations(List.of(this.files.location()))
			.schema("app")
			.transactionMode(mode)
			.lockTimeout(Duration.ofSeconds(3))
			.placeholders(Map.of("table", "accounts"))
			.build();
	}

	@Test
	void upgradeScriptAndRunLeaveTheSameDatabase() throws Exception {
		psql(this.reviewed, migrator(this.reviewed, TransactionMode.PER_REVISION).sql(Direction.UPGRADE, Target.base(),
				Target.head()));
		migrator(this.run, TransactionMode.PER_REVISION).upgrade(Target.head());
		assertSame();
		assertThat(
				this.run.query("SELECT revision || ' ' || lock_timeout || ' ' || statement_timeout FROM app.observed"))
			.contains("b2 up 5s 0", "c3 up 3s 0", "d4 up 3s 7s");
	}

	@Test
	void downgradeScriptAndRunLeaveTheSameDatabase() throws Exception {
		migrator(this.reviewed, TransactionMode.PER_REVISION).upgrade(Target.head());
		migrator(this.run, TransactionMode.PER_REVISION).upgrade(Target.head());
		psql(this.reviewed, migrator(this.reviewed, TransactionMode.PER_REVISION).sql(Direction.DOWNGRADE, null,
				Target.parse("b2")));
		migrator(this.run, TransactionMode.PER_REVISION).downgrade(Target.parse("b2"));
		assertSame();
	}

	@Test
	void scriptOfARunThatIsOneTransactionLeavesTheSameDatabase() throws Exception {
		this.files.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- lock_timeout: 5s
				-- +upgrade
				%s
				CREATE INDEX accounts_note ON accounts (note);
				-- +downgrade
				DROP INDEX accounts_note;
				""".formatted(OBSERVE.formatted("b2 up")));
		psql(this.reviewed,
				migrator(this.reviewed, TransactionMode.ALL).sql(Direction.UPGRADE, Target.base(), Target.head()));
		migrator(this.run, TransactionMode.ALL).upgrade(Target.head());
		assertSame();
	}

	@Test
	void upgradeScriptOfADatabaseAlembicMigratedAdoptsItAsTheRunDoes() throws Exception {
		for (TestDatabase.Database database : List.of(this.reviewed, this.run)) {
			appliedByHand(database);
			database.execute("CREATE TABLE public.alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY); "
					+ "INSERT INTO public.alembic_version VALUES ('a1')");
		}
		MigratorSettings adopting = settings(TransactionMode.PER_REVISION).toBuilder()
			.adoptAlembicVersion(true)
			.build();
		String script = migrator(this.reviewed, adopting).sql(Direction.UPGRADE, null, Target.parse("heads"));
		assertThat(script).contains("adopts Alembic's public.alembic_version, which holds 'a1'");
		psql(this.reviewed, script);
		migrator(this.run, adopting).upgrade(Target.parse("heads"));
		assertSame();
		assertThat(this.run.query("SELECT revision || ' ' || action FROM app.migrations_log ORDER BY id").get(0))
			.isEqualTo("a1 stamp");
	}

	@Test
	void upgradeScriptOfADatabaseWithTablesStampsTheBaselineAsTheRunDoes() throws Exception {
		for (TestDatabase.Database database : List.of(this.reviewed, this.run)) {
			appliedByHand(database);
		}
		MigratorSettings baseline = settings(TransactionMode.PER_REVISION).toBuilder().baseline("a1").build();
		String script = migrator(this.reviewed, baseline).sql(Direction.UPGRADE, null, Target.parse("heads"));
		assertThat(script).contains("stamps the baseline 'a1'").doesNotContain("CREATE TABLE accounts");
		psql(this.reviewed, script);
		migrator(this.run, baseline).upgrade(Target.parse("heads"));
		assertSame();
		assertThat(this.run.query("SELECT revision || ' ' || action FROM app.migrations_log ORDER BY id").get(0))
			.isEqualTo("a1 stamp");
	}

	/**
	 * What revision a1 creates, made by hand (by Alembic, or an init script).
	 */
	private static void appliedByHand(TestDatabase.Database database) {
		database.execute("CREATE SCHEMA app; "
				+ "CREATE TABLE app.observed (revision text, lock_timeout text, statement_timeout text, search_path text); "
				+ "CREATE TABLE app.accounts (id bigint PRIMARY KEY, note text)");
	}

	private void assertSame() {
		for (String query : List.of(
				"SELECT revision, lock_timeout, statement_timeout, search_path FROM app.observed ORDER BY 1",
				"SELECT revision, down_revisions, checksum, state FROM app.migrations_revisions ORDER BY 1",
				"SELECT revision, action, checksum, message, success FROM app.migrations_log ORDER BY id", """
						SELECT c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod)
						FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
						LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
						WHERE n.nspname = 'app' ORDER BY 1, 3""",
				"SELECT indexdef FROM pg_indexes WHERE schemaname = 'app' ORDER BY 1",
				"SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
			assertThat(this.reviewed.query(query)).as(query).isEqualTo(this.run.query(query)).isNotEmpty();
		}
	}

	private void psql(TestDatabase.Database database, String script) throws Exception {
		// beside the revisions, not among them
		Psql.runOrFail(database, script, this.scripts);
	}

}
