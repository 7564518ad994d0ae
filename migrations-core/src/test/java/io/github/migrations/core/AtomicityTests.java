package io.github.migrations.core;

import java.nio.file.Path;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.core.script.ScriptException;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A transactional revision either fully happens or leaves no trace, whatever its size,
 * and a failing revision runs each of its statements at most once.
 */
class AtomicityTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private RevisionFiles files;

	@BeforeEach
	void base() {
		this.files = new RevisionFiles(this.folder);
		this.files.write("a1_sequence.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL);
				CREATE SEQUENCE receipts;
				-- +downgrade
				DROP SEQUENCE receipts;
				DROP TABLE accounts;
				""");
	}

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).locations(this.files.location()).build();
	}

	@Test
	void createIndexConcurrentlyInATransactionalRevisionIsRefusedBeforeAnythingRuns() {
		this.files.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE ledger (id bigint);

				CREATE INDEX CONCURRENTLY ledger_id ON ledger (id);
				INSERT INTO missing_table VALUES (1);
				-- +downgrade
				""");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_index.sql:6: 'CREATE INDEX CONCURRENTLY' cannot run inside a transaction, "
					+ "and revision 'b2' runs in one")
			.withMessageContaining("Mark the revision '-- transactional: false'");
		assertThat(this.database.tableExists("accounts")).isFalse();
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void createIndexConcurrentlyRunsInARevisionMarkedNonTransactional() {
		this.files.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- transactional: false
				-- +upgrade
				CREATE INDEX CONCURRENTLY accounts_balance ON accounts (balance);
				-- +downgrade
				DROP INDEX CONCURRENTLY accounts_balance;
				""");
		migrator().upgrade(Target.head());
		assertThat(
				this.database.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_balance'::regclass"))
			.containsExactly("t");
	}

	@Test
	void transactionControlInARevisionIsRefusedBeforeAnythingRuns() {
		this.files.write("b2_rollback.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE b (id int);
				ROLLBACK;
				-- +downgrade
				""");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_rollback.sql:5: 'ROLLBACK' in revision 'b2' would end or change the "
					+ "transaction the migrator runs it in");
		assertThat(this.database.tableExists("accounts")).isFalse();
	}

	@Test
	void aRevisionOfAThousandStatementsIsOneTransactionAndReportsTheStatementThatFailed() {
		StringBuilder revision = new StringBuilder("""
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE t (id int);
				""");
		for (int i = 0; i < 1000; i++) {
			revision.append("INSERT INTO t VALUES (").append(i).append(");\n");
		}
		revision.append("SELECT 1/0;\n-- +downgrade\n");
		this.files.write("b2_bulk.sql", revision.toString());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_bulk.sql:1005: revision 'b2' failed: division by zero (SQLSTATE 22012)")
			.withMessageContaining("The revision was rolled back and is not recorded as applied.");
		assertThat(this.database.tableExists("t")).isFalse();
		assertThat(this.database.query("SELECT revision FROM migrations_revisions")).containsExactly("a1");
	}

	@Test
	void aFailingRevisionRunsEachOfItsStatementsOnce() {
		this.files.write("b2_receipt.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				SELECT nextval('receipts');
				INSERT INTO accounts VALUES (1, 100);
				UPDATE accounts SET balance = balance / 0;
				-- +downgrade
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_receipt.sql:6: revision 'b2' failed: division by zero");
		// a sequence is not transactional: it shows how often nextval ran
		assertThat(this.database.query("SELECT last_value FROM receipts")).containsExactly("1");
		assertThat(this.database.query("SELECT count(*) FROM accounts")).containsExactly("0");
	}

	@Test
	void aFailingRevisionInARunThatIsOneTransactionRunsItsStatementsOnce() {
		this.database.execute("CREATE SEQUENCE calls");
		this.files.write("b2_receipt.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				SELECT nextval('calls');
				SELECT 1/0;
				-- +downgrade
				""");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(this.files.location())
				.withTransactionMode(TransactionMode.ALL))
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
			.withMessageContaining("b2_receipt.sql:5: revision 'b2' failed: division by zero")
			.withMessageContaining("The whole run was one transaction");
		assertThat(this.database.query("SELECT last_value FROM calls")).containsExactly("1");
		assertThat(this.database.tableExists("accounts")).isFalse();
	}

	@Test
	void aNonTransactionalRevisionStopsAtItsFailingStatementHavingRunEachOnce() {
		this.files.write("b2_backfill.sql", """
				-- revision: b2
				-- down_revision: a1
				-- transactional: false
				-- +upgrade
				SELECT nextval('receipts');
				SELECT 1/0;
				-- +downgrade
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_backfill.sql:6: revision 'b2' failed: division by zero")
			.withMessageContaining("the statements before the failing one took effect and stay (line 5), "
					+ "and it is marked as interrupted")
			.withMessageContaining("record the outcome with a stamp: revision 'b2' once you finish its upgrade by "
					+ "hand, or revision 'a1' once you undo what ran; then run again.")
			.satisfies((ex) -> {
				assertThat(ex.interrupted().ran()).extracting(ScriptLocation::line).containsExactly(5);
				assertThat(ex.interrupted().stampIfFinished()).containsExactly("b2");
				assertThat(ex.interrupted().stampIfUndone()).containsExactly("a1");
			});
		assertThat(this.database.query("SELECT last_value FROM receipts")).containsExactly("1");
		assertThat(this.database.query("SELECT state FROM migrations_revisions WHERE revision = 'b2'"))
			.containsExactly("UPGRADING");
	}

	@Test
	void aDeferredConstraintThatFailsAtTheCommitRollsTheRevisionBack() {
		this.files.write("b2_deferred.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE entries (account bigint REFERENCES accounts DEFERRABLE INITIALLY DEFERRED);
				INSERT INTO entries VALUES (42);
				-- +downgrade
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_deferred.sql: revision 'b2' failed: insert or update on table \"entries\"")
			.withMessageContaining("while committing")
			.withMessageContaining("The revision was rolled back and is not recorded as applied.");
		assertThat(this.database.tableExists("entries")).isFalse();
		assertThat(this.database.query("SELECT revision FROM migrations_revisions")).containsExactly("a1");
	}

}
