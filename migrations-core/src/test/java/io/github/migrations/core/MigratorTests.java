package io.github.migrations.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.JavaRevision;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.api.UnknownRevisionPolicy;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetException;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.script.ScriptException;
import io.github.migrations.test.database.TestDatabase;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The seeds' Alembic workflows, on a real PostgreSQL.
 */
class MigratorTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private RevisionFiles files;

	@BeforeEach
	void line() {
		this.files = new RevisionFiles(this.folder);
		this.files.table("a1", "base", "customers");
		this.files.table("b2", "a1", "orders");
		this.files.table("c3", "b2", "invoices");
	}

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).locations(this.files.location()).build();
	}

	private Migrator oneTransactionMigrator() {
		return Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(this.files.location())
				.withTransactionMode(TransactionMode.ALL))
			.build();
	}

	private static List<String> ids(List<RevisionId> ids) {
		return ids.stream().map(RevisionId::value).toList();
	}

	@Test
	void upgradeHeadAppliesEveryRevisionInOrderAndRecordsThem() {
		MigrationResult result = migrator().upgrade(Target.head());
		assertThat(ids(result.revisions())).containsExactly("a1", "b2", "c3");
		assertThat(ids(result.to())).containsExactly("c3");
		assertThat(this.database.tableExists("invoices")).isTrue();
		assertThat(migrator().current()).containsExactly("c3");
		assertThat(migrator().appliedRevisions()).extracting(AppliedRevision::revision)
			.containsExactlyInAnyOrder("a1", "b2", "c3");
		assertThat(migrator().history()).extracting(LogEntry::revision, LogEntry::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "upgrade"),
					org.assertj.core.groups.Tuple.tuple("b2", "upgrade"),
					org.assertj.core.groups.Tuple.tuple("c3", "upgrade"));
		assertThat(result.summary()).startsWith("Upgraded from base to 'c3' (3 revisions) in ");
	}

	@Test
	void aDatabaseThatDoesNotExistIsNamedWithWhatToDo() {
		org.postgresql.ds.PGSimpleDataSource missing = new org.postgresql.ds.PGSimpleDataSource();
		missing.setUrl(this.database.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_database$1"));
		missing.setUser(this.database.username());
		missing.setPassword(this.database.password());
		Migrator migrator = Migrator.builder(missing).locations(this.files.location()).build();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::current)
			.withMessageStartingWith("Could not connect: FATAL: database \"no_such_database\" does not exist")
			.withMessageContaining("(SQLSTATE 3D000)")
			.withMessageContaining("Create the database, or fix the database name in the URL.")
			.withMessageNotContaining("while migrating");
	}

	@Test
	void aRoleThatDoesNotExistIsNamedWithWhatToDo() {
		org.postgresql.ds.PGSimpleDataSource unknown = new org.postgresql.ds.PGSimpleDataSource();
		unknown.setUrl(this.database.url());
		unknown.setUser("no_such_role");
		Migrator migrator = Migrator.builder(unknown).locations(this.files.location()).build();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(migrator::current)
			.withMessageStartingWith("Could not connect: FATAL: role \"no_such_role\" does not exist")
			.withMessageContaining("Check the user name and password");
	}

	@Test
	void secondUpgradeFindsNothingPending() {
		migrator().upgrade(Target.head());
		MigrationResult again = migrator().upgrade(Target.head());
		assertThat(again.steps()).isEmpty();
		assertThat(again.summary()).startsWith("Database is up to date at 'c3'");
		assertThat(migrator().pending(Target.head())).isEmpty();
	}

	@Test
	void upgradePlusOneThenDowngradeMinusOne() {
		assertThat(ids(migrator().upgrade(Target.parse("+1")).revisions())).containsExactly("a1");
		assertThat(ids(migrator().upgrade(Target.parse("+1")).revisions())).containsExactly("b2");
		assertThat(ids(migrator().downgrade(Target.parse("-1")).revisions())).containsExactly("b2");
		assertThat(this.database.tableExists("orders")).isFalse();
		assertThat(migrator().current()).containsExactly("a1");
	}

	@Test
	void listenerHearsEachStepAndTheRunOnce() {
		List<String> heard = new java.util.ArrayList<>();
		MigrationListener listener = new MigrationListener() {

			@Override
			public void afterStep(MigrationStep step, Duration duration) {
				heard.add("step " + step.revision().id());
			}

			@Override
			public void afterRun(MigrationResult result) {
				heard.add("run of " + result.steps().size());
			}

		};
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.listener(listener)
			.build();
		migrator.upgrade(Target.head());
		migrator.upgrade(Target.head());
		assertThat(heard).containsExactly("step a1", "step b2", "step c3", "run of 3", "run of 0");
	}

	@Test
	void listenersAddedToTheBuilderAllHearEveryCallbackInOrder() {
		List<String> heard = new java.util.ArrayList<>();
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.listener(recording("first", heard))
			.listener(recording("second", heard))
			.build();
		migrator.upgrade(Target.parse("+1"));
		assertThat(heard).containsExactly("first before upgrade", "second before upgrade", "first step a1",
				"second step a1", "first run of 1", "second run of 1");
	}

	@Test
	void aFailedRunIsHeardAfterItsLastStepBeganWithTheFailure() {
		this.files.write("d4_broken.sql", """
				-- revision: d4
				-- down_revision: c3

				-- +upgrade
				SELECT no_such_column FROM customers;
				""");
		List<String> heard = new java.util.ArrayList<>();
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.listener(recording("only", heard))
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()));
		assertThat(heard).containsExactly("only before upgrade", "only step a1", "only step b2", "only step c3",
				"only began d4", "only failed upgrade: MigrationFailedException");
	}

	@Test
	void lastLogEntryIsTheNewestStepAndNullBeforeTheFirstRun() {
		Migrator migrator = migrator();
		assertThat(migrator.lastLogEntry()).isNull();
		migrator.upgrade(Target.head());
		migrator.downgrade(Target.parse("-1"));
		LogEntry last = migrator.lastLogEntry();
		assertThat(last).isNotNull();
		assertThat(last.revision()).isEqualTo("c3");
		assertThat(last.action()).isEqualTo("downgrade");
		assertThat(last).isEqualTo(migrator.history().get(migrator.history().size() - 1));
	}

	private static MigrationListener recording(String name, List<String> heard) {
		return new MigrationListener() {

			@Override
			public void beforeRun(Direction direction) {
				heard.add(name + " before " + direction.label());
			}

			@Override
			public void beforeStep(MigrationStep step) {
				if (step.revision().id().value().equals("d4")) {
					heard.add(name + " began d4");
				}
			}

			@Override
			public void afterStep(MigrationStep step, Duration duration) {
				heard.add(name + " step " + step.revision().id());
			}

			@Override
			public void afterRun(MigrationResult result) {
				heard.add(name + " run of " + result.steps().size());
			}

			@Override
			public void afterFailure(Direction direction, RuntimeException failure) {
				heard.add(name + " failed " + direction.label() + ": " + failure.getClass().getSimpleName());
			}

		};
	}

	@Test
	void fullCycleBaseHeadBaseHead() {
		migrator().upgrade(Target.head());
		MigrationResult down = migrator().downgrade(Target.base());
		assertThat(ids(down.revisions())).containsExactly("c3", "b2", "a1");
		assertThat(this.database.tableExists("customers")).isFalse();
		assertThat(migrator().current()).isEmpty();
		migrator().upgrade(Target.head());
		assertThat(migrator().current()).containsExactly("c3");
		assertThat(migrator().history()).extracting(LogEntry::action)
			.containsExactly("upgrade", "upgrade", "upgrade", "downgrade", "downgrade", "downgrade", "upgrade",
					"upgrade", "upgrade");
	}

	@Test
	void upgradeToARevisionThenDowngradeToAnother() {
		migrator().upgrade(Target.parse("b2"));
		assertThat(migrator().current()).containsExactly("b2");
		assertThat(this.database.tableExists("invoices")).isFalse();
		migrator().upgrade(Target.head());
		assertThat(ids(migrator().downgrade(Target.parse("a1")).revisions())).containsExactly("c3", "b2");
		assertThat(migrator().current()).containsExactly("a1");
	}

	@Test
	void stampRecordsADatabaseCreatedByAnInitScriptWithoutRunningAnything() {
		this.database
			.execute("CREATE TABLE customers (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY);"
					+ " CREATE TABLE invoices (id bigint PRIMARY KEY)");
		migrator().stamp(List.of(Target.head()), false);
		assertThat(migrator().current()).containsExactly("c3");
		assertThat(migrator().upgrade(Target.head()).steps()).isEmpty();
		this.files.table("d4", "c3", "payments");
		assertThat(ids(migrator().upgrade(Target.head()).revisions())).containsExactly("d4");
		assertThat(migrator().history()).extracting(LogEntry::action)
			.containsExactly("stamp", "stamp", "stamp", "upgrade");
	}

	@Test
	void stampDownRemovesRecordsButKeepsTables() {
		migrator().upgrade(Target.head());
		migrator().stamp(List.of(Target.parse("a1")), false);
		assertThat(migrator().current()).containsExactly("a1");
		assertThat(this.database.tableExists("invoices")).isTrue();
	}

	@Test
	void threeBranchesMergeAndTheMergeRunsLast() {
		this.files.table("x1", "a1", "meetings");
		this.files.table("y1", "a1", "statements");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("there are 3 heads ('c3', 'x1', 'y1')");
		this.files.write("m9_merge.sql", """
				-- revision: m9
				-- down_revision: c3, x1, y1
				-- message: merge heads

				-- +upgrade

				-- +downgrade
				""");
		MigrationResult result = migrator().upgrade(Target.head());
		assertThat(ids(result.revisions())).containsExactly("a1", "b2", "c3", "x1", "y1", "m9");
		assertThat(migrator().current()).containsExactly("m9");
		assertThat(ids(migrator().downgrade(Target.parse("-1")).revisions())).containsExactly("m9");
		assertThat(migrator().current()).containsExactly("c3", "x1", "y1");
	}

	@Test
	void dependsOnAcrossBranchesAppliesTheDependencyFirst() {
		this.files.write("p1_payments.sql", """
				-- revision: p1
				-- down_revision: base
				-- branch_labels: payments
				-- depends_on: b2

				-- +upgrade
				CREATE TABLE payments (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));

				-- +downgrade
				DROP TABLE payments;
				""");
		assertThat(ids(migrator().upgrade(Target.parse("payments@head")).revisions())).containsExactly("a1", "b2",
				"p1");
		assertThat(ids(migrator().downgrade(Target.parse("a1")).revisions())).containsExactly("p1", "b2");
	}

	@Test
	void failedRevisionRollsBackAndRecordsNothing() {
		this.files.write("d4_broken.sql", """
				-- revision: d4
				-- down_revision: c3

				-- +upgrade
				CREATE TABLE payments (id bigint PRIMARY KEY);
				INSERT INTO payments (id, placed_on)
				VALUES (1, now());

				-- +downgrade
				DROP TABLE payments;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining(
					"d4_broken.sql:6: revision 'd4' failed: column \"placed_on\" of relation \"payments\" "
							+ "does not exist (SQLSTATE 42703). The revision was rolled back and is not recorded as applied. "
							+ "Fix the statement and start again.")
			.satisfies((ex) -> assertThat(ex.revision()).isEqualTo("d4"));
		assertThat(this.database.tableExists("payments")).isFalse();
		assertThat(this.database.tableExists("invoices")).isTrue();
		assertThat(migrator().current()).containsExactly("c3");
		assertThat(migrator().history()).filteredOn((entry) -> !entry.success())
			.extracting(LogEntry::revision)
			.containsExactly("d4");
	}

	@Test
	void aServerErrorQuotingAUrlWithAPasswordIsMaskedInTheErrorAndTheLog() {
		this.files.write("d4_reach.sql", """
				-- revision: d4
				-- down_revision: c3

				-- +upgrade
				DO $$ BEGIN
				  RAISE EXCEPTION 'cannot reach postgresql://app:Leak/Me_Q7w@db.example.com:5432/orders';
				END $$;

				-- +downgrade
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_reach.sql:5: revision 'd4' failed: cannot reach "
					+ "postgresql://app:***@db.example.com:5432/orders (SQLSTATE P0001)")
			.withMessageNotContaining("Leak")
			.withMessageNotContaining("Q7w");
		assertThat(migrator().history()).filteredOn((entry) -> !entry.success())
			.extracting(LogEntry::error)
			.singleElement()
			.asString()
			.contains("postgresql://app:***@db.example.com:5432/orders")
			.doesNotContain("Leak")
			.doesNotContain("Q7w");
	}

	@Test
	void errorPositionMovesTheReportedLineToTheFailingToken() {
		StringBuilder sql = new StringBuilder("-- revision: e5\n-- down_revision: base\n-- +upgrade\nSELECT 1,\n");
		for (int line = 5; line < 40; line++) {
			sql.append("  ").append(line).append(",\n");
		}
		sql.append("  no_such_column;\n-- +downgrade\n");
		this.files.write("e5_long.sql", sql.toString());
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator().upgrade(Target.parse("e5")))
			.satisfies((ex) -> assertThat(ex.location().line()).isEqualTo(40))
			.withMessageContaining("e5_long.sql:40: revision 'e5' failed: column \"no_such_column\" does not exist");
	}

	@Test
	void editedAppliedFileFailsNamingFileAndRevisionUntilRepaired() {
		migrator().upgrade(Target.head());
		this.files.write("b2_orders.sql", """
				-- revision: b2
				-- down_revision: a1

				-- +upgrade
				CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);

				-- +downgrade
				DROP TABLE orders;
				""");
		this.files.table("d4", "c3", "payments");
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("b2_orders.sql: revision 'b2' was applied with checksum ")
			.withMessageContaining("it was edited after it was applied")
			.withMessageContaining("run 'migrations repair'");
		assertThat(this.database.tableExists("payments")).isFalse();
		assertThat(migrator().repair()).containsExactly("b2");
		assertThat(ids(migrator().upgrade(Target.head()).revisions())).containsExactly("d4");
	}

	@Test
	void lineEndingsTrailingSpacesAndBomDoNotChangeAChecksum() {
		migrator().upgrade(Target.head());
		String original = """
				-- revision: b2
				-- down_revision: a1
				-- message: create orders

				-- +upgrade
				CREATE TABLE orders (id bigint PRIMARY KEY);

				-- +downgrade
				DROP TABLE orders;
				""";
		this.files.write("b2_orders.sql", "\uFEFF" + original.replace("\n", "  \r\n"));
		migrator().validate();
		assertThat(migrator().upgrade(Target.head()).steps()).isEmpty();
	}

	@Test
	void aFailingRevisionSaysWhatTheRunAppliedBeforeItAndKeeps() {
		this.files.write("d4_broken.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				SELECT 1/0;
				-- +downgrade
				SELECT 1;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageEndingWith("The revisions this run applied before it stay applied, the last being 'c3'.");
		assertThat(migrator().current()).containsExactly("c3");
		migrator().downgrade(Target.base());
		Migrator oneTransaction = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(this.files.location())
				.withTransactionMode(TransactionMode.ALL))
			.build();
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> oneTransaction.upgrade(Target.head()))
			.withMessageNotContaining("stay applied");
		assertThat(migrator().current()).isEmpty();
	}

	@Test
	void anAppliedRevisionThatNoScriptDeclaresAsksWhetherItWasRenamedToAScriptOnTheSameParents() {
		this.files.table("d4", "c3", "payments");
		migrator().upgrade(Target.head());
		new java.io.File(this.folder.toFile(), "d4_payments.sql").delete();
		this.files.table("d9", "c3", "payments");
		Migrator strict = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(this.files.location())
				.withUnknownRevisions(UnknownRevisionPolicy.FAIL))
			.build();
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> strict.upgrade(Target.head()))
			.withMessageContaining("but no script declares it. Was it renamed to 'd9' (")
			.withMessageContaining("d9_payments.sql)? Then give it its applied id back: under the new one it would run "
					+ "a second time.");
		Logger logger = (Logger) LoggerFactory.getLogger("io.github.migrations.core.Migrator");
		ListAppender<ILoggingEvent> warnings = new ListAppender<>();
		warnings.start();
		logger.addAppender(warnings);
		try {
			// left alone by default: d9 runs, and here fails on the table d4 made
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> migrator().upgrade(Target.head()));
			assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage)
				.anySatisfy((message) -> assertThat(message).startsWith("The database has revision 'd4' applied")
					.contains("Was it renamed to 'd9' ("));
		}
		finally {
			logger.detachAppender(warnings);
		}
	}

	@Test
	void anAppliedRevisionThatNoScriptDeclaresNamesEveryScriptOnTheSameParentsItMayHaveBeenRenamedTo() {
		this.files.table("d4", "c3", "payments");
		migrator().upgrade(Target.head());
		new java.io.File(this.folder.toFile(), "d4_payments.sql").delete();
		// the renamed revision, and another branch's on the same parent
		this.files.table("d9", "c3", "payments");
		this.files.table("d8", "c3", "refunds");
		Migrator strict = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(this.files.location())
				.withUnknownRevisions(UnknownRevisionPolicy.FAIL))
			.build();
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> strict.upgrade(Target.head()))
			.withMessageContaining("but no script declares it. Was it renamed to 'd8' (")
			.withMessageContaining("d8_refunds.sql) or 'd9' (")
			.withMessageContaining("d9_payments.sql)? Then give it its applied id back");
	}

	@Test
	void unknownAppliedRevisionIsLeftAloneOnUpgradeButStopsADowngradeThroughIt() {
		this.files.table("d4", "c3", "payments");
		migrator().upgrade(Target.head());
		this.files.write("d4_payments.sql", "-- not a revision any more\n");
		new java.io.File(this.folder.toFile(), "d4_payments.sql").delete();
		assertThat(migrator().upgrade(Target.head()).steps()).isEmpty();
		// d4, which no script declares, builds on c3: the database stands at d4
		assertThat(migrator().current()).containsExactly("d4");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.parse("b2")))
			.withMessage("Cannot downgrade revision 'c3': the database has revision 'd4' on top of it, which no script "
					+ "declares. Downgrade with the build that has revision 'd4' first.");
		Migrator strict = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(this.files.location())
				.withUnknownRevisions(UnknownRevisionPolicy.FAIL))
			.build();
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> strict.upgrade(Target.head()))
			.withMessageStartingWith("The database has revision 'd4' applied (on ")
			.withMessageContaining("but no script declares it");
	}

	@Test
	void aRevisionRenamedAfterItWasAppliedStopsTheRunInsteadOfRunningAgainUnderItsNewId() {
		this.files.write("d4_events.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE events (note text);
				-- +downgrade
				DROP TABLE events;
				""");
		this.files.write("e5_seed.sql", """
				-- revision: e5
				-- down_revision: d4
				-- +upgrade
				INSERT INTO events VALUES ('seeded');
				-- +downgrade
				DELETE FROM events;
				""");
		this.files.table("f6", "e5", "refunds");
		migrator().upgrade(Target.head());
		// renumbered after a database applied it, and its child follows; the edit is
		// repaired
		new java.io.File(this.folder.toFile(), "e5_seed.sql").delete();
		this.files.write("e7_seed.sql", """
				-- revision: e7
				-- down_revision: d4
				-- +upgrade
				INSERT INTO events VALUES ('seeded');
				-- +downgrade
				DELETE FROM events;
				""");
		this.files.table("f6", "e7", "refunds");
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("revision 'f6' was applied with checksum");
		migrator().repair();
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageStartingWith("Revision 'e7' (")
			.withMessageContaining("e7_seed.sql) is not applied, but revision 'f6' (")
			.withMessageContaining("It was applied on 'e5', which the database has but no file declares: 'e5' was "
					+ "probably renamed to 'e7'. Restore the revision ids and down_revision lines as they were applied");
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().downgrade(Target.base()));
		assertThat(this.database.query("SELECT note FROM events")).containsExactly("seeded");
		assertThat(migrator().current()).containsExactly("f6", "e5");
	}

	@Test
	void upgradeOfADatabaseAheadOfTheFilesSaysWhereTheDatabaseStands() {
		this.files.table("d4", "c3", "payments");
		migrator().upgrade(Target.head());
		new java.io.File(this.folder.toFile(), "d4_payments.sql").delete();
		MigrationResult result = migrator().upgrade(Target.head());
		assertThat(result.steps()).isEmpty();
		assertThat(result.to()).containsExactly(RevisionId.of("c3"));
		assertThat(result.current()).containsExactly("d4");
		assertThat(result.unknown()).containsExactly("d4");
		assertThat(result.summary()).startsWith("Database is at 'd4', which no revision file declares (ahead of these "
				+ "files' head 'c3'); nothing to upgrade (checked in ");
	}

	@Test
	void downgradeOfARevisionWithoutDowngradeSectionIsRefusedBeforeAnythingRuns() {
		this.files.write("d4_irreversible.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE payments (id bigint);
				""");
		migrator().upgrade(Target.head());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().downgrade(Target.parse("b2")))
			.withMessageContaining("Revision 'd4' (")
			.withMessageContaining(
					"cannot be downgraded: the file has no '-- +downgrade' section. Nothing was changed.");
		assertThat(migrator().current()).containsExactly("d4");
		assertThat(this.database.tableExists("invoices")).isTrue();
	}

	@Test
	void createIndexConcurrentlyRunsOutsideATransactionWhileTheLockIsHeld() {
		this.files.write("d4_index.sql", """
				-- revision: d4
				-- down_revision: c3
				-- transactional: false

				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_id_idx ON invoices (id);

				-- +downgrade
				DROP INDEX CONCURRENTLY invoices_id_idx;
				""");
		org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> migrator().upgrade(Target.head()));
		assertThat(this.database.query("SELECT indexname FROM pg_indexes WHERE indexname = 'invoices_id_idx'"))
			.hasSize(1);
		migrator().downgrade(Target.parse("-1"));
		assertThat(this.database.query("SELECT indexname FROM pg_indexes WHERE indexname = 'invoices_id_idx'"))
			.isEmpty();
	}

	@Test
	void interruptedNonTransactionalMergeNamesAllItsParentsAsTheStateToStampIfItDidNotApply() {
		this.files.table("x2", "a1", "payments");
		this.files.write("m4_merge.sql", """
				-- revision: m4
				-- down_revision: c3, x2
				-- transactional: false

				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_id_idx ON invoices (id);
				CREATE INDEX CONCURRENTLY broken_idx ON no_such_table (id);

				-- +downgrade
				DROP INDEX CONCURRENTLY invoices_id_idx;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()));
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("'migrations stamp m4' if it is applied, or 'migrations stamp c3 x2' if it is not.");
		migrator().stamp(List.of(Target.parse("c3"), Target.parse("x2")), true);
		assertThat(migrator().current()).containsExactlyInAnyOrder("c3", "x2");
	}

	@Test
	void interruptedNonTransactionalRevisionIsReportedOnTheNextRunWithTheWayOut() {
		this.files.write("d4_index.sql", """
				-- revision: d4
				-- down_revision: c3
				-- transactional: false

				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_id_idx ON invoices (id);
				CREATE INDEX CONCURRENTLY broken_idx ON no_such_table (id);

				-- +downgrade
				DROP INDEX CONCURRENTLY invoices_id_idx;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_index.sql:7: revision 'd4' failed: relation \"no_such_table\" does not exist")
			.withMessageContaining("statements before the failing one took effect")
			.satisfies((ex) -> assertThat(ex.hint()).as("the failing index was never made, so none is left")
				.doesNotContain("INVALID"));
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("Revision 'd4' (")
			.withMessageContaining("was interrupted during upgrade while running outside a transaction")
			.withMessageContaining("'migrations stamp d4' if it is applied, or 'migrations stamp c3' if it is not.");
		migrator().stamp(List.of(Target.parse("c3")), false);
		this.database.execute("DROP INDEX invoices_id_idx");
		this.files.write("d4_index.sql", """
				-- revision: d4
				-- down_revision: c3
				-- transactional: false

				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_id_idx ON invoices (id);

				-- +downgrade
				DROP INDEX CONCURRENTLY invoices_id_idx;
				""");
		assertThat(ids(migrator().upgrade(Target.head()).revisions())).containsExactly("d4");
	}

	@Test
	void aNonTransactionalRevisionWhoseFirstStatementFailsWithoutEffectIsNotMarkedAndRunsAgainOnceFixed() {
		for (String first : List.of("ALTER TABLE no_such_table ADD COLUMN note text;",
				"CREATE INDEX CONCURRENTLY invoices_id_idx ON no_such_table (id);")) {
			this.files.write("d4_index.sql", """
					-- revision: d4
					-- down_revision: c3
					-- transactional: false

					-- +upgrade
					%s
					CREATE INDEX CONCURRENTLY invoices_number_idx ON invoices (id);

					-- +downgrade
					DROP INDEX CONCURRENTLY invoices_number_idx;
					""".formatted(first));
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> migrator().upgrade(Target.head()))
				.withMessageContaining(
						"d4_index.sql:6: revision 'd4' failed: relation \"no_such_table\" does not exist")
				.satisfies((ex) -> assertThat(ex.hint()).startsWith("The revision runs outside a transaction "
						+ "(transactional: false); its first statement failed without taking effect, so it is not "
						+ "recorded as applied. Fix the statement and start again."))
				.satisfies((ex) -> assertThat(ex.interrupted()).isNull());
			assertThat(migrator().current()).containsExactly("c3");
			assertThat(migrator().appliedRevisions()).extracting(AppliedRevision::revision)
				.containsExactly("a1", "b2", "c3");
		}
		this.files.write("d4_index.sql", """
				-- revision: d4
				-- down_revision: c3
				-- transactional: false

				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_number_idx ON invoices (id);

				-- +downgrade
				DROP INDEX CONCURRENTLY invoices_number_idx;
				""");
		assertThat(ids(migrator().upgrade(Target.head()).revisions())).containsExactly("d4");
	}

	@Test
	void aNonTransactionalRevisionWhoseFirstStatementMayHaveCommittedPartIsStillInterrupted() {
		this.files.write("d4_call.sql", """
				-- revision: d4
				-- down_revision: c3
				-- transactional: false

				-- +upgrade
				DO $$ BEGIN CREATE TABLE half (id int); COMMIT; PERFORM 1 / 0; END $$;

				-- +downgrade
				DROP TABLE half;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("division by zero")
			.satisfies((ex) -> assertThat(ex.interrupted()).isNotNull());
		assertThat(this.database.tableExists("half")).as("committed by the block before it failed").isTrue();
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("was interrupted during upgrade");
	}

	@Test
	void aCreateIndexConcurrentlyThatStopsHalfwayNamesTheInvalidIndexItLeavesAndHowToUndoOrFinishIt() {
		this.database.execute("CREATE TABLE emails (address text); INSERT INTO emails VALUES ('a@x'), ('a@x')");
		this.files.write("d4_unique.sql", """
				-- revision: d4
				-- down_revision: c3
				-- transactional: false

				-- +upgrade
				CREATE UNIQUE INDEX CONCURRENTLY emails_address_key ON emails (address);

				-- +downgrade
				DROP INDEX CONCURRENTLY emails_address_key;
				""");
		String leftover = "d4_unique.sql:6: a CREATE INDEX CONCURRENTLY that stops halfway leaves index "
				+ "emails_address_key INVALID; to undo it, run DROP INDEX CONCURRENTLY IF EXISTS emails_address_key; "
				+ "to finish it, REINDEX INDEX CONCURRENTLY emails_address_key";
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_unique.sql:6: revision 'd4' failed: could not create unique index")
			.satisfies((ex) -> assertThat(ex.hint()).contains(leftover));
		assertThat(this.database.query("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"))
			.as("what the hint says is there")
			.containsExactly("emails_address_key");
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.satisfies((ex) -> assertThat(ex.hint()).contains("'migrations stamp d4' if it is applied")
				.contains(leftover));
		// following the hint: fix the data, finish the index, record it
		this.database.execute("DELETE FROM emails WHERE ctid = (SELECT max(ctid) FROM emails)");
		this.database.execute("REINDEX INDEX CONCURRENTLY emails_address_key");
		migrator().stamp(List.of(Target.parse("d4")), false);
		assertThat(this.database.query("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"))
			.isEmpty();
		assertThat(migrator().upgrade(Target.head()).revisions()).isEmpty();
		assertThat(migrator().current()).containsExactly("d4");
	}

	@Test
	void transactionModeAllRecordsEachRevisionWithItsOwnTimeInTheOrderTheyRan() {
		this.files.write("0d4_slow.sql", """
				-- revision: 0d4
				-- down_revision: c3
				-- message: slow on purpose
				-- +upgrade
				SELECT pg_sleep(0.3);
				-- +downgrade
				""");
		this.files.write("0e5_quick.sql", """
				-- revision: 0e5
				-- down_revision: 0d4
				-- +upgrade
				CREATE TABLE quick (id int);
				-- +downgrade
				DROP TABLE quick;
				""");
		Migrator all = oneTransactionMigrator();
		all.upgrade(Target.head());
		List<AppliedRevision> applied = all.appliedRevisions();
		assertThat(applied).extracting(AppliedRevision::revision).containsExactly("a1", "b2", "c3", "0d4", "0e5");
		assertThat(applied).extracting(AppliedRevision::appliedAt).isSorted().doesNotHaveDuplicates();
		assertThat(applied).filteredOn((row) -> row.revision().equals("0d4"))
			.singleElement()
			.satisfies((row) -> assertThat(row.executionMs()).isGreaterThanOrEqualTo(300));
		assertThat(applied).filteredOn((row) -> row.revision().equals("0e5"))
			.singleElement()
			.satisfies((row) -> assertThat(row.executionMs()).isLessThan(300));
		assertThat(all.history()).extracting(LogEntry::revision, LogEntry::action, LogEntry::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "upgrade", "create customers"),
					org.assertj.core.groups.Tuple.tuple("b2", "upgrade", "create orders"),
					org.assertj.core.groups.Tuple.tuple("c3", "upgrade", "create invoices"),
					org.assertj.core.groups.Tuple.tuple("0d4", "upgrade", "slow on purpose"),
					org.assertj.core.groups.Tuple.tuple("0e5", "upgrade", null));
		assertThat(all.history()).allSatisfy((entry) -> assertThat(entry.checksum()).hasSize(64));

		all.downgrade(Target.parse("b2"));
		assertThat(all.current()).containsExactly("b2");
		assertThat(this.database.tableExists("quick")).isFalse();
		assertThat(all.history()).extracting(LogEntry::revision, LogEntry::action)
			.endsWith(org.assertj.core.groups.Tuple.tuple("0e5", "downgrade"),
					org.assertj.core.groups.Tuple.tuple("0d4", "downgrade"),
					org.assertj.core.groups.Tuple.tuple("c3", "downgrade"));
	}

	@Test
	void validateReportsTheFirstBrokenFileInFileOrder() {
		for (String id : List.of("d4", "e5", "f6", "g7", "h8", "i9")) {
			this.files.write(id + "_broken.sql", """
					-- revision: %s
					-- down_revision: c3
					-- +upgrade
					SELECT 'never closed;
					""".formatted(id));
		}
		assertThatExceptionOfType(ScriptException.class).isThrownBy(migrator()::validate)
			.satisfies((ex) -> assertThat(ex.location().file()).endsWith("d4_broken.sql"));
	}

	@Test
	void aRevisionCreatingWhatExistsAlreadyPointsToTheBaselineAndStamp() {
		this.database.execute("CREATE TABLE customers (id bigint PRIMARY KEY)");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("revision 'a1' failed: relation \"customers\" already exists (SQLSTATE 42P07)")
			.withMessageContaining("The database already holds what the statement creates.")
			.withMessageContaining("(the baseline setting on a database with no history, or stamp)");
		assertThat(migrator().current()).isEmpty();
	}

	@Test
	void aConstraintThatRowsBreakSaysToFixTheRowsNotTheStatement() {
		this.files.write("d4_positive.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric NOT NULL);
				INSERT INTO payments VALUES (1, 10), (2, -5);
				ALTER TABLE payments ADD CONSTRAINT payments_amount_positive CHECK (amount > 0);
				-- +downgrade
				DROP TABLE payments;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_positive.sql:6: revision 'd4' failed: check constraint "
					+ "\"payments_amount_positive\" of relation \"payments\" is violated by some row (SQLSTATE 23514)")
			.withMessageContaining("Rows in the database break the constraint the statement checks")
			.withMessageContaining("a statement before this one in the revision (a data migration)")
			.withMessageNotContaining("Fix the statement");
		assertThat(this.database.tableExists("payments")).isFalse();
	}

	@Test
	void rowsAStatementWritesThatBreakAConstraintSayToFixTheStatementsData() {
		this.files.write("d4_currencies.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE currencies (code text PRIMARY KEY);
				INSERT INTO currencies VALUES ('USD'), ('EUR'), ('USD');
				-- +downgrade
				DROP TABLE currencies;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_currencies.sql:5: revision 'd4' failed: duplicate key value violates unique "
					+ "constraint \"currencies_pkey\"")
			.withMessageContaining("The rows the statement writes break a constraint (the server's message names it): "
					+ "fix the statement's data, or the rows already there that it conflicts with")
			.withMessageNotContaining("a data migration");
		assertThat(this.database.tableExists("currencies")).isFalse();
	}

	@Test
	void aRevisionDeniedAPrivilegeSaysToGrantIt() {
		String role = "owner_" + this.database.name();
		this.database.execute("CREATE ROLE " + role + " LOGIN; CREATE SCHEMA app AUTHORIZATION " + role
				+ "; GRANT CREATE ON DATABASE " + this.database.name() + " TO " + role);
		this.files.write("d4_audit.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE public.audit (id bigint);
				-- +downgrade
				DROP TABLE public.audit;
				""");
		org.postgresql.ds.PGSimpleDataSource asOwner = new org.postgresql.ds.PGSimpleDataSource();
		asOwner.setUrl(this.database.url().replaceAll("[?&]user=[^&]*", ""));
		asOwner.setUser(role);
		Migrator migrator = Migrator.builder(asOwner)
			.settings(MigratorSettings.defaults().withLocations(this.files.location()).withSchema("app"))
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
			.withMessageContaining("revision 'd4' failed: permission denied for schema public (SQLSTATE 42501)")
			.withMessageContaining("The user lacks a privilege the statement needs: grant it");
		assertThat(migrator.current()).containsExactly("c3");
	}

	@Test
	void aFailingDowngradeSaysTheRevisionIsStillApplied() {
		this.files.write("d4_payments.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE payments (id bigint);
				-- +downgrade
				DROP TABLE payments;
				SELECT no_such_function();
				""");
		migrator().upgrade(Target.head());
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator().downgrade(Target.parse("c3")))
			.withMessageContaining("d4_payments.sql:7: downgrade of revision 'd4' failed")
			.withMessageContaining("The downgrade was rolled back: revision 'd4' is still applied.")
			.withMessageNotContaining("not recorded as applied");
		assertThat(migrator().current()).containsExactly("d4");
		assertThat(this.database.tableExists("payments")).isTrue();
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> oneTransactionMigrator().downgrade(Target.base()))
			.withMessageContaining("it was rolled back, and every revision it was to downgrade is still applied")
			.withMessageNotContaining("nothing is recorded as applied");
		assertThat(migrator().current()).containsExactly("d4");
	}

	@Test
	void transactionModeAllRollsBackTheWholeRun() {
		this.files.write("d4_broken.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				SELECT no_such_function();
				-- +downgrade
				""");
		Migrator all = oneTransactionMigrator();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> all.upgrade(Target.head()))
			.withMessageContaining("d4_broken.sql:4: revision 'd4' failed")
			.withMessageContaining("it was rolled back and nothing is recorded as applied");
		assertThat(this.database.tableExists("customers")).isFalse();
		assertThat(all.current()).isEmpty();
	}

	@Test
	void anEnumValueUsedInTheTransactionThatAddedItSaysToCommitTheValueFirst() {
		this.files.write("d4_status.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TYPE status AS ENUM ('active');
				-- +downgrade
				DROP TYPE status;
				""");
		this.files.write("e5_suspend.sql", """
				-- revision: e5
				-- down_revision: d4
				-- +upgrade
				ALTER TYPE status ADD VALUE 'suspended';
				-- +downgrade
				""");
		this.files.write("f6_accounts.sql", """
				-- revision: f6
				-- down_revision: e5
				-- +upgrade
				CREATE TABLE accounts (id bigint, status status DEFAULT 'suspended');
				-- +downgrade
				DROP TABLE accounts;
				""");
		migrator().upgrade(Target.parse("d4"));
		Migrator all = oneTransactionMigrator();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> all.upgrade(Target.head()))
			.withMessageContaining("f6_accounts.sql:4: revision 'f6' failed: unsafe use of new value \"suspended\"")
			.withMessageContaining("(SQLSTATE 55P04)")
			.withMessageContaining("An enum value added in this transaction is used before it was committed, which "
					+ "PostgreSQL refuses: add the value in a revision of its own, which commits before the "
					+ "revision that uses it; with transaction mode 'all', upgrade to that revision first, then "
					+ "run again.");
		assertThat(all.current()).containsExactly("d4");
		assertThat(this.database.query("SELECT enum_range(NULL::status)::text")).containsExactly("{active}");
		all.upgrade(Target.parse("e5"));
		all.upgrade(Target.head());
		assertThat(all.current()).containsExactly("f6");
	}

	@Test
	void placeholdersAreReplacedAndAMissingOneFailsBeforeAnythingRuns() {
		this.files.write("d4_grant.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE ${table} (id bigint);
				-- +downgrade
				DROP TABLE ${table};
				""");
		assertThatExceptionOfType(io.github.migrations.core.script.ScriptException.class)
			.isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining(
					"d4_grant.sql:4: placeholder '${table}' has no value. Give the placeholder a value, or remove it. (setting 'placeholders.table')");
		assertThat(this.database.tableExists("customers")).isFalse();
		assertThat(this.database.tableExists("migrations_revisions")).as("the version store").isFalse();
		Migrator withValues = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(this.files.location())
				.withPlaceholders(java.util.Map.of("table", "payments")))
			.build();
		withValues.upgrade(Target.head());
		assertThat(this.database.tableExists("payments")).isTrue();
	}

	/**
	 * An empty Java revision above 'c3' with the given checksum.
	 */
	record ChecksummedRevision(@Nullable String checksum) implements JavaRevision {

		@Override
		public String id() {
			return "j4";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("c3");
		}

		@Override
		public void upgrade(java.sql.Connection connection) {
		}

		@Override
		public void downgrade(java.sql.Connection connection) {
		}

	}

	/**
	 * A Java revision above 'c3' that inserts a row, then throws.
	 */
	static final class FailingRevision implements JavaRevision {

		@Override
		public String id() {
			return "j4";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("c3");
		}

		@Override
		public void upgrade(java.sql.Connection connection) throws java.sql.SQLException {
			try (var statement = connection.createStatement()) {
				statement.execute("INSERT INTO customers VALUES (1)");
			}
			throw new IllegalStateException("no mapping for 'eu-west'");
		}

		@Override
		public void downgrade(java.sql.Connection connection) {
		}

	}

	private static JavaRevision seedRevision() {
		return new JavaRevision() {

			@Override
			public String id() {
				return "j4";
			}

			@Override
			public List<String> downRevisions() {
				return List.of("c3");
			}

			@Override
			public void upgrade(java.sql.Connection connection) throws java.sql.SQLException {
				try (var statement = connection.createStatement()) {
					statement.execute("INSERT INTO customers VALUES (1), (2)");
				}
			}

			@Override
			public void downgrade(java.sql.Connection connection) throws java.sql.SQLException {
				try (var statement = connection.createStatement()) {
					statement.execute("DELETE FROM customers");
				}
			}

		};
	}

	@Test
	void javaRevisionJoinsTheGraph() {
		JavaRevision seed = seedRevision();
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.javaRevisions(seed)
			.build();
		assertThat(ids(migrator.upgrade(Target.head()).revisions())).containsExactly("a1", "b2", "c3", "j4");
		assertThat(this.database.query("SELECT count(*) FROM customers")).containsExactly("2");
		migrator.downgrade(Target.parse("-1"));
		assertThat(this.database.query("SELECT count(*) FROM customers")).containsExactly("0");
	}

	@Test
	void javaRevisionWhoseChecksumChangedIsNamedWithHowToRepairIt() {
		Migrator applied = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.javaRevisions(new ChecksummedRevision("v1"))
			.build();
		applied.upgrade(Target.head());
		Migrator changed = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.javaRevisions(new ChecksummedRevision("v2"))
			.build();
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> changed.upgrade(Target.head()))
			.withMessageContaining("io.github.migrations.core.MigratorTests$ChecksummedRevision: revision 'j4' was "
					+ "applied with checksum v1, but its checksum() now returns v2: the revision was changed after it "
					+ "was applied.")
			.withMessageContaining("call Migrator.repair() to record the new checksum (the command line's "
					+ "'migrations repair' does not load Java revisions)");
		assertThat(changed.repair()).containsExactly("j4");
		changed.upgrade(Target.head());
		assertThat(changed.appliedRevisions()).filteredOn((row) -> row.revision().equals("j4"))
			.extracting(AppliedRevision::checksum)
			.containsExactly("v2");
	}

	@Test
	void javaRevisionThatStopsDeclaringAChecksumIsNoLongerValidated() {
		Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.javaRevisions(new ChecksummedRevision("v1"))
			.build()
			.upgrade(Target.head());
		Migrator withoutChecksum = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.javaRevisions(new ChecksummedRevision(null))
			.build();
		// nothing to compare with, and so nothing for repair() to record either
		assertThat(withoutChecksum.upgrade(Target.head()).steps()).isEmpty();
		assertThat(withoutChecksum.repair()).isEmpty();
	}

	@Test
	void javaRevisionThatThrowsAfterWritingIsRolledBackAndNamesTheLineOfItsCode() {
		JavaRevision failing = new FailingRevision();
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.javaRevisions(failing)
			.build();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
			.withMessageStartingWith("io.github.migrations.core.MigratorTests$FailingRevision: revision 'j4' failed: "
					+ "IllegalStateException: no mapping for 'eu-west' (at "
					+ "io.github.migrations.core.MigratorTests$FailingRevision.upgrade(MigratorTests.java:")
			.withMessageContaining("The revision was rolled back and is not recorded as applied. Fix the revision's "
					+ "code and start again.");
		assertThat(this.database.query("SELECT count(*) FROM customers")).containsExactly("0");
		assertThat(migrator.current()).containsExactly("c3");
	}

	@Test
	void sqlScriptRefusesAJavaRevisionRatherThanRecordItAsAppliedUnrun() {
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.locations(this.files.location())
			.javaRevisions(seedRevision())
			.build();
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator.sql(Direction.UPGRADE, Target.base(), Target.head()))
			.withMessageStartingWith("Revision 'j4' (io.github.migrations.core.MigratorTests$")
			.withMessageContaining("is written in Java: its work cannot be rendered as SQL, and a script that went "
					+ "past it would record it as applied without running it. Nothing was rendered.")
			.withMessageContaining("Render the script only up to 'c3', apply 'j4' with the migrator")
			.satisfies((ex) -> assertThat(ex.revision()).isEqualTo("j4"));
		assertThat(migrator.sql(Direction.UPGRADE, Target.base(), Target.parse("c3"))).contains("-- Upgrade c3")
			.doesNotContain("'j4'");
		migrator.upgrade(Target.head());
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> migrator.sql(Direction.DOWNGRADE, null, Target.base()))
			.withMessageContaining("Revision 'j4'")
			.withMessageContaining("Render the script only down to 'j4', downgrade 'j4' with the migrator "
					+ "(Migrator.revert), then render from 'c3' down.");
		assertThat(migrator.current()).containsExactly("j4");
		assertThat(this.database.query("SELECT count(*) FROM customers")).containsExactly("2");
	}

	@Test
	void configuredSchemaIsCreatedAndHoldsTablesAndVersionStore() {
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults().withLocations(this.files.location()).withSchema("billing"))
			.build();
		migrator.upgrade(Target.head());
		assertThat(this.database.tableExists("billing", "invoices")).isTrue();
		assertThat(this.database.tableExists("billing", "migrations_revisions")).isTrue();
		assertThat(this.database.tableExists("invoices")).isFalse();
		assertThat(migrator.current()).containsExactly("c3");
	}

	@Test
	void renderedSqlFromBaseNeedsNoDatabaseAndBuildsTheSameDatabase() {
		String sql = migrator().sql(Direction.UPGRADE, Target.base(), Target.head());
		assertThat(sql).contains("CREATE TABLE customers (id bigint PRIMARY KEY);")
			.contains("INSERT INTO \"migrations_revisions\"")
			.contains("BEGIN;");
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		this.database.execute(sql);
		assertThat(this.database.tableExists("invoices")).isTrue();
		assertThat(migrator().current()).containsExactly("c3");
		assertThat(migrator().upgrade(Target.head()).steps()).isEmpty();
		String down = migrator().sql(Direction.DOWNGRADE, Target.parse("c3"), Target.parse("a1"));
		assertThat(down).contains("DROP TABLE invoices;")
			.contains("DROP TABLE orders;")
			.doesNotContain("DROP TABLE customers");
	}

	@Test
	void aRangeWrittenTheWrongWayRoundIsRefusedWithTheCommandThatGoesThatWay() {
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> migrator().sql(Direction.UPGRADE, Target.parse("c3"), Target.parse("a1")))
			.withMessage("The range 'c3:a1' goes down. Use 'downgrade --sql c3:a1' for its SQL.");
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> migrator().sql(Direction.DOWNGRADE, Target.parse("a1"), Target.parse("c3")))
			.withMessage("The range 'a1:c3' goes up. Use 'upgrade --sql a1:c3' for its SQL.");
		assertThat(migrator().sql(Direction.UPGRADE, Target.parse("c3"), Target.parse("c3")))
			.doesNotContain("CREATE TABLE customers");
		assertThat(migrator().sql(Direction.DOWNGRADE, Target.parse("c3"), Target.parse("-1")))
			.contains("DROP TABLE invoices;");
	}

	@Test
	void upgradeHeadWithTwoHeadsFailsAndNamesBoth() {
		this.files.table("x2", "a1", "meetings");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessage(
					"Target 'head' is ambiguous: there are 2 heads ('c3', 'x2'). Merge them with 'migrations merge -m \"merge heads\" c3 x2', "
							+ "or use target 'heads' to apply all of them, or one head's id ('c3') for its branch.");
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		assertThat(ids(migrator().upgrade(Target.heads()).revisions())).containsExactly("a1", "b2", "c3", "x2");
	}

	@Test
	void brokenFileStopsTheRunBeforeAnythingRunsNamingFileAndLine() {
		this.files.write("d4_typo.sql", """
				-- revision: d4
				-- down_revison: c3
				-- +upgrade
				CREATE TABLE payments (id bigint);
				""");
		assertThatExceptionOfType(io.github.migrations.core.script.ScriptException.class)
			.isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_typo.sql:2: ")
			.withMessageContaining("down_revision");
		assertThat(this.database.tableExists("customers")).isFalse();
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void missingParentStopsTheRunBeforeAnythingRuns() {
		this.files.table("d4", "zz9", "payments");
		assertThatExceptionOfType(io.github.migrations.core.revision.RevisionGraphException.class)
			.isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("Revision 'd4' (")
			.withMessageContaining("has down_revision 'zz9', which no revision declares.");
		assertThat(this.database.tableExists("customers")).isFalse();
	}

	@Test
	void baselineStampsAfterAFailedFirstRunLeftEmptyVersionTables() {
		this.database
			.execute("CREATE TABLE customers (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY)");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("relation \"customers\" already exists");
		assertThat(this.database.tableExists("migrations_revisions")).isTrue();
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults().withLocations(this.files.location()).withBaseline("b2"))
			.build();
		assertThat(ids(migrator.upgrade(Target.head()).revisions())).containsExactly("c3");
	}

	@Test
	void locationsWithoutAnyRevisionWhileTheDatabaseHasAppliedOnesAreAnError(@TempDir Path empty) {
		migrator().upgrade(Target.head());
		Migrator mistyped = Migrator.builder(this.database.dataSource()).locations("filesystem:" + empty).build();
		String expected = "hold no revision, but the database has 3 applied (the newest is 'c3')";
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> mistyped.downgrade(Target.base()))
			.withMessageContaining(expected);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> mistyped.upgrade(Target.head()))
			.withMessageContaining(expected);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(mistyped::current)
			.withMessageContaining(expected);
		assertThat(this.database.tableExists("invoices")).isTrue();
	}

	@Test
	void baselineStampsADatabaseCreatedByAnInitScript() {
		this.database
			.execute("CREATE TABLE customers (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint PRIMARY KEY)");
		this.files.table("d4", "c3", "payments");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults().withLocations(this.files.location()).withBaseline("b2"))
			.build();
		assertThat(ids(migrator.upgrade(Target.head()).revisions())).containsExactly("c3", "d4");
		assertThat(migrator.history()).extracting(LogEntry::action)
			.containsExactly("stamp", "stamp", "upgrade", "upgrade");
	}

	@Test
	void aBaselineThatNamesNoRevisionIsTheBaselineSettingsErrorAndCreatesNothing() {
		this.database.execute("CREATE TABLE customers (id bigint PRIMARY KEY)");
		for (String baseline : List.of("zz9", "b2+")) {
			Migrator migrator = Migrator.builder(this.database.dataSource())
				.settings(MigratorSettings.defaults().withLocations(this.files.location()).withBaseline(baseline))
				.build();
			assertThatExceptionOfType(TargetException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
				.withMessageStartingWith("The baseline '%s' is not a revision to stamp: ".formatted(baseline))
				.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("baseline"));
			assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		}
	}

	@Test
	void revertRemovesExactlyOneRevisionAndLeavesOtherBranchesAlone() {
		this.files.table("x2", "a1", "meetings");
		migrator().upgrade(Target.heads());
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> migrator().revert("b2"))
			.withMessage(
					"Revision 'b2' cannot be reverted alone: applied revisions build on it ('c3'). Downgrade those first.");
		assertThat(ids(migrator().revert("c3").revisions())).containsExactly("c3");
		assertThat(ids(migrator().revert("b2").revisions())).containsExactly("b2");
		assertThat(migrator().current()).containsExactly("x2");
		assertThat(this.database.tableExists("meetings")).isTrue();
		assertThat(this.database.tableExists("orders")).isFalse();
	}

	@Test
	void unterminatedBodyInAPendingRevisionStopsTheRunBeforeAnythingIsCreated() {
		migrator().upgrade(Target.head());
		this.files.write("d4_broken.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				CREATE TABLE payments (id bigint);
				DO $$ BEGIN
				-- +downgrade
				DROP TABLE payments;
				""");
		TestDatabase.Database fresh = TestDatabase.shared().freshDatabase();
		Migrator onFresh = Migrator.builder(fresh.dataSource()).locations(this.files.location()).build();
		assertThatExceptionOfType(io.github.migrations.core.script.ScriptException.class)
			.isThrownBy(() -> onFresh.upgrade(Target.head()))
			.withMessageContaining("d4_broken.sql:5: unterminated dollar-quoted body '$$' that starts here.");
		assertThat(fresh.tableExists("customers")).isFalse();
		assertThat(fresh.tableExists("migrations_revisions")).isFalse();
		assertThatExceptionOfType(io.github.migrations.core.script.ScriptException.class)
			.isThrownBy(migrator()::validate)
			.withMessageContaining("d4_broken.sql:5:");
		assertThat(migrator().current()).containsExactly("c3");
	}

	@Test
	void transactionModeAllLocatesTheFailingStatementAndKeepsEachRevisionsTimeoutsToItself() {
		this.files.write("d4_timeout.sql", """
				-- revision: d4
				-- down_revision: c3
				-- lock_timeout: 1s
				-- +upgrade
				CREATE TABLE payments (id bigint);
				-- +downgrade
				DROP TABLE payments;
				""");
		this.files.write("e5_check.sql", """
				-- revision: e5
				-- down_revision: d4
				-- +upgrade
				DO $$ BEGIN
				    IF current_setting('lock_timeout') <> '0' THEN
				        RAISE EXCEPTION 'lock_timeout leaked: %', current_setting('lock_timeout');
				    END IF;
				END $$;
				-- +downgrade
				""");
		Migrator all = oneTransactionMigrator();
		assertThat(ids(all.upgrade(Target.head()).revisions())).containsExactly("a1", "b2", "c3", "d4", "e5");
		all.downgrade(Target.base());
		this.files.write("f6_broken.sql", """
				-- revision: f6
				-- down_revision: e5
				-- +upgrade
				CREATE TABLE refunds (id bigint);
				INSERT INTO refunds (id)
				SELECT no_such_column FROM payments;
				-- +downgrade
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> all.upgrade(Target.head()))
			.withMessageContaining("f6_broken.sql:6: revision 'f6' failed: column \"no_such_column\" does not exist")
			.withMessageContaining("it was rolled back and nothing is recorded as applied");
		assertThat(this.database.tableExists("customers")).isFalse();
		assertThat(all.current()).isEmpty();
	}

	@Test
	void aRevisionsStatementTimeoutStopsItsLongStatement() {
		this.files.write("d4_slow.sql", """
				-- revision: d4
				-- down_revision: c3
				-- statement_timeout: 200ms
				-- +upgrade
				CREATE TABLE payments (id bigint);
				SELECT pg_sleep(5);
				-- +downgrade
				DROP TABLE payments;
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_slow.sql:6: revision 'd4' failed: canceling statement due to statement timeout "
					+ "(SQLSTATE 57014)")
			.withMessageContaining("raise it in the revision's header")
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("statement-timeout"));
		assertThat(this.database.tableExists("payments")).isFalse();
		assertThat(this.database.query("SHOW statement_timeout")).containsExactly("0");
	}

	@Test
	void aStatementCancelledOtherwiseThanByItsTimeoutIsNotBlamedOnTheStatementTimeout() {
		this.files.write("d4_cancelled.sql", """
				-- revision: d4
				-- down_revision: c3
				-- +upgrade
				DO $$ BEGIN PERFORM pg_cancel_backend(pg_backend_pid()); PERFORM pg_sleep(5); END $$;
				-- +downgrade
				""");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.withMessageContaining("d4_cancelled.sql:4: revision 'd4' failed: canceling statement due to user request "
					+ "(SQLSTATE 57014)")
			.satisfies((ex) -> {
				assertThat(ex.hint()).doesNotContain("statement_timeout")
					.endsWith("Fix the statement and start again. The revisions this run applied before it stay "
							+ "applied, the last being 'c3'.");
				assertThat(ex.setting()).isNull();
			});
	}

	@Test
	void classPathRevisionsAreReadOnceAndFileSystemRevisionsEveryTime() {
		Migrator fromClassPath = Migrator.builder(this.database.dataSource())
			.locations("classpath:script-source/revisions")
			.build();
		assertThat(fromClassPath.graph()).isSameAs(fromClassPath.graph());
		Migrator fromFiles = migrator();
		assertThat(fromFiles.graph()).isNotSameAs(fromFiles.graph());
		this.files.table("d4", "c3", "payments");
		assertThat(ids(fromFiles.heads())).containsExactly("d4");
	}

}
