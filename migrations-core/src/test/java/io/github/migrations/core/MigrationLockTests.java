package io.github.migrations.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.LockTimeoutException;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Instances that start together migrate one at a time.
 */
class MigrationLockTests {

	/**
	 * The default version store, as the migrators under test name it.
	 */
	private static final VersionStore STORE = new PostgresVersionStore(null, true, "migrations_revisions",
			"migrations_log", "migrations_fingerprint");

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	@Test
	void racingMigratorsApplyEachRevisionExactlyOnceAndLosersFindNothingPending() throws Exception {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		files.write("b2_slow.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				SELECT pg_sleep(0.3);
				CREATE TABLE orders (id bigint PRIMARY KEY);
				-- +downgrade
				DROP TABLE orders;
				""");
		files.table("c3", "b2", "invoices");
		int instances = 6;
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MigrationResult>> results = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return Migrator.builder(this.database.dataSource())
					.locations(files.location())
					.build()
					.upgrade(Target.head());
			}));
		}
		start.countDown();
		int applied = 0;
		for (Future<MigrationResult> result : results) {
			MigrationResult outcome = result.get();
			applied += outcome.steps().size();
			assertThat(outcome.to()).extracting(Object::toString).containsExactly("c3");
		}
		pool.shutdown();
		assertThat(applied).isEqualTo(3);
		assertThat(this.database.query("SELECT revision FROM migrations_log WHERE action = 'upgrade' ORDER BY id"))
			.containsExactly("a1", "b2", "c3");
		assertThat(this.database.query("SELECT count(*) FROM migrations_revisions")).containsExactly("3");
	}

	/**
	 * The data source of another instance, 'orders-api'.
	 */
	private PGSimpleDataSource ordersApi() {
		PGSimpleDataSource holderSource = (PGSimpleDataSource) this.database.dataSource();
		holderSource.setApplicationName("orders-api");
		return holderSource;
	}

	/**
	 * A migrator of one revision that waits 300 ms for the migration lock.
	 */
	private Migrator waitingShortly() {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		return Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(300)))
			.build();
	}

	@Test
	void shortWaitFailsNamingTheHolder() throws SQLException {
		PGSimpleDataSource holderSource = ordersApi();
		Migrator migrator = waitingShortly();
		try (Connection session = holderSource.getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
				.withMessageMatching("Could not take the migration lock for \"migrations_revisions\" within 300ms; "
						+ "it is held by PostgreSQL backend \\d+ \\('orders-api', user .*\\), connected for \\d+ s, idle, "
						+ "last query: SELECT pg_try_advisory_lock\\(\\$1\\)\\. Another instance is migrating; wait for it, "
						+ "or raise the lock wait timeout\\. \\(setting 'lock-wait-timeout'\\)");
		}
		assertThat(this.database.tableExists("customers")).isFalse();
		assertThat(migrator.upgrade(Target.head()).steps()).hasSize(1);
	}

	@Test
	void aRunThatFindsTheLockHeldTellsItsListenerWhoHoldsItBeforeWaiting() throws SQLException {
		PGSimpleDataSource holderSource = ordersApi();
		List<String> told = new CopyOnWriteArrayList<>();
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(300)))
			.listener(new MigrationListener() {

				@Override
				public void waitingForLock(String message) {
					told.add(message);
				}

			})
			.build();
		try (Connection session = holderSource.getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade(Target.head()));
		}
		assertThat(told).singleElement()
			.asString()
			.matches("Waiting up to 300ms for the migration lock of \"migrations_revisions\", held by PostgreSQL "
					+ "backend \\d+ \\('orders-api', user .*\\), connected for \\d+ s, idle, last query: .*");
		told.clear();
		migrator.upgrade(Target.head());
		assertThat(told).as("a lock that is free is taken without a word").isEmpty();
	}

	@Test
	void aRevisionMarkedUpgradingWhileAnotherSessionHoldsTheLockIsInProgressNotInterrupted() throws SQLException {
		Migrator migrator = waitingShortly();
		migrator.upgrade(Target.head());
		this.database.execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = 'a1'");
		try (Connection session = ordersApi().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThat(migrator.migrationInProgress()).startsWith("PostgreSQL backend ")
				.contains("('orders-api', user ");
			assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(migrator::validate)
				.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
					assertThat(problem.description()).startsWith("Revision 'a1' is being upgraded right now, outside a "
							+ "transaction (transactional: false), by the run that holds the migration lock: "
							+ "PostgreSQL backend ");
					assertThat(problem.hint()).isEqualTo("Wait for that run to end, then check again; do not stamp the "
							+ "revision or undo its work while it runs.");
				}));
		}
		assertThat(migrator.migrationInProgress()).isNull();
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(migrator::validate)
			.withMessageContaining("was interrupted during upgrade");
	}

	@Test
	void statusAndPlanTellARevisionMarkedDowngradingWhileAnotherSessionHoldsTheLockAsInProgressInTheWordsOfValidate()
			throws SQLException {
		Migrator migrator = waitingShortly();
		migrator.upgrade(Target.head());
		this.database.execute("UPDATE migrations_revisions SET state = 'DOWNGRADING' WHERE revision = 'a1'");
		try (Connection session = ordersApi().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			HistoryMismatchException validated = catchThrowableOfType(HistoryMismatchException.class,
					migrator::validate);
			for (Runnable read : List.<Runnable>of(() -> migrator.status(Target.head()),
					() -> migrator.plan(Target.head()))) {
				assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(read::run).satisfies((ex) -> {
					assertThat(ex.inProgress()).isTrue();
					assertThat(ex.problems()).singleElement().satisfies((problem) -> {
						assertThat(problem.inProgress()).isTrue();
						assertThat(problem.description()).startsWith("Revision 'a1' is being downgraded right now, "
								+ "outside a transaction (transactional: false), by the run that holds the migration "
								+ "lock: PostgreSQL backend ")
							.contains("('orders-api', user ");
						assertThat(problem.hint()).isEqualTo("Wait for that run to end, then check again; do not "
								+ "stamp the revision or undo its work while it runs.");
					});
					assertThat(ex.getMessage()).isEqualTo(validated.getMessage());
				});
			}
		}
		assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator.status(Target.head()))
			.satisfies((ex) -> assertThat(ex.inProgress()).isFalse())
			.withMessageContaining("Revision 'a1' (")
			.withMessageContaining("was interrupted during downgrade")
			.withMessageContaining("'migrations stamp a1' if it is applied, or 'migrations stamp base' if it is not.");
	}

	@Test
	void unfinishedTellsARevisionMarkedRunningInProgressWhileTheLockIsHeldElsewhereAndInterruptedOnceItIsNot()
			throws SQLException {
		Migrator migrator = waitingShortly();
		migrator.upgrade(Target.head());
		assertThat(migrator.unfinished()).isEmpty();
		this.database.execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = 'a1'");
		try (Connection session = ordersApi().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			HistoryMismatchException validated = catchThrowableOfType(HistoryMismatchException.class,
					migrator::validate);
			assertThat(migrator.unfinished()).as("in the words of validate")
				.containsExactlyElementsOf(validated.problems())
				.singleElement()
				.satisfies((problem) -> assertThat(problem.inProgress()).isTrue());
		}
		assertThat(migrator.unfinished()).singleElement().satisfies((problem) -> {
			assertThat(problem.inProgress()).isFalse();
			assertThat(problem.hint()).contains("'migrations stamp a1' if it is applied");
		});
	}

	@Test
	void aChangedChecksumBesideARevisionInProgressIsNotInProgress() throws SQLException {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		files.table("b2", "a1", "orders");
		Migrator migrator = Migrator.builder(this.database.dataSource()).locations(files.location()).build();
		migrator.upgrade(Target.head());
		this.database.execute("UPDATE migrations_revisions SET checksum = 'edited' WHERE revision = 'a1'");
		this.database.execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = 'b2'");
		try (Connection session = ordersApi().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator.status(Target.head()))
				.satisfies((ex) -> {
					assertThat(ex.inProgress()).as("the edited file is still to repair").isFalse();
					assertThat(ex.problems()).extracting(HistoryMismatchException.Problem::inProgress)
						.containsExactly(false, true);
				});
		}
	}

	@Test
	void shortWaitFailsSayingWhatTheHolderIsRunning() throws Exception {
		PGSimpleDataSource holderSource = ordersApi();
		Migrator migrator = waitingShortly();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection session = holderSource.getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			// the holder runs a long statement, as an instance building an index does
			Statement working = session.createStatement();
			Future<?> work = pool.submit(() -> working.execute("SELECT pg_sleep(60)"));
			await().atMost(Duration.ofSeconds(5))
				.until(() -> !this.database
					.query("SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query = 'SELECT pg_sleep(60)'")
					.isEmpty());
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
				.withMessageContaining("('orders-api', user ")
				.withMessageContaining(", active, running: SELECT pg_sleep(60).");
			working.cancel();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> work.get(10, TimeUnit.SECONDS));
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void theLockIsFreeAgainAfterAFailedRun() {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.write("a1_broken.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE broken (id no_such_type);
				-- +downgrade
				""");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(200)))
			.build();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.upgrade(Target.head()));
		assertThat(this.database.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
			.containsExactly("0");
	}

	@Test
	void anUpToDateDatabaseIsCheckedWithoutWaitingForTheLock() throws SQLException {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(100)))
			.build();
		migrator.upgrade(Target.head());
		try (Connection session = this.database.dataSource().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThat(migrator.upgrade(Target.head()).steps()).isEmpty();
			files.table("b2", "a1", "orders");
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade(Target.head()));
		}
	}

	@Test
	void instancesThatNameTheSameSchemaDifferentlyTakeTheSameLock() throws SQLException {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		Migrator unnamed = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(200)))
			.build();
		VersionStore named = new PostgresVersionStore("public", true, "migrations_revisions", "migrations_log",
				"migrations_fingerprint");
		try (Connection session = this.database.dataSource().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, named, Duration.ofSeconds(1))) {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> unnamed.upgrade(Target.head()));
		}
		Migrator publicSchema = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withSchema("public")
				.withLockWaitTimeout(Duration.ofMillis(200)))
			.build();
		try (Connection session = this.database.dataSource().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> publicSchema.upgrade(Target.head()));
		}
		assertThat(this.database.tableExists("customers")).isFalse();
	}

	@Test
	void instancesWithTheSchemaNamedAndUnnamedRacingApplyEachRevisionOnce() throws Exception {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.write("r00_audit.sql", """
				-- revision: r00
				-- down_revision: base
				-- +upgrade
				CREATE TABLE audit (revision text);
				-- +downgrade
				""");
		for (int i = 1; i <= 10; i++) {
			files.write("r%02d_step.sql".formatted(i), """
					-- revision: r%02d
					-- down_revision: r%02d
					-- +upgrade
					INSERT INTO audit VALUES ('r%02d');
					SELECT pg_sleep(0.02);
					-- +downgrade
					""".formatted(i, i - 1, i));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<Future<MigrationResult>> runs = new ArrayList<>();
			for (String schema : new String[] { "public", null }) {
				Migrator migrator = Migrator.builder(this.database.dataSource())
					.settings(MigratorSettings.defaults().withLocations(files.location()).withSchema(schema))
					.build();
				runs.add(instances.submit(() -> {
					start.await();
					return migrator.upgrade(Target.head());
				}));
			}
			start.countDown();
			int applied = 0;
			for (Future<MigrationResult> run : runs) {
				applied += run.get(60, TimeUnit.SECONDS).steps().size();
			}
			assertThat(applied).isEqualTo(11);
		}
		finally {
			instances.shutdownNow();
		}
		// each of the ten inserts ran once, whichever instance ran it
		assertThat(this.database.query("SELECT count(*) FROM audit")).containsExactly("10");
		assertThat(this.database.query("SELECT count(DISTINCT revision) FROM audit")).containsExactly("10");
	}

	@Test
	void losingTheLockSessionStopsTheRunAndTheWaitingInstanceAppliesEachRevisionOnce() throws Exception {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.write("r1_audit.sql", """
				-- revision: r1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE audit (revision text);
				INSERT INTO audit VALUES ('r1');
				-- +downgrade
				""");
		files.write("r2_slow.sql", """
				-- revision: r2
				-- down_revision: r1
				-- +upgrade
				INSERT INTO audit VALUES ('r2');
				SELECT pg_sleep(${sleep});
				-- +downgrade
				""");
		files.write("r3_audit.sql", """
				-- revision: r3
				-- down_revision: r2
				-- +upgrade
				INSERT INTO audit VALUES ('r3');
				-- +downgrade
				""");
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = instances.submit(() -> migrator(files, "first", "30").upgrade(Target.head()));
			String sleeper = "SELECT pid FROM pg_stat_activity WHERE application_name = 'first' AND query LIKE "
					+ "'SELECT pg_sleep%'";
			awaitRow(sleeper);
			Future<MigrationResult> second = instances
				.submit(() -> migrator(files, "second", "0").upgrade(Target.head()));
			awaitRow("SELECT pid FROM pg_stat_activity WHERE application_name = 'second' AND query LIKE "
					+ "'%pg_try_advisory_lock%'");
			this.database.execute("SELECT pg_terminate_backend(pid) FROM (" + sleeper + ") s");
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> first.get(30, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(MigrationFailedException.class)
				.withMessageContaining("r2_slow.sql:5: revision 'r2' failed")
				.withMessageContaining("nothing after revision 'r1' was applied");
			assertThat(second.get(30, TimeUnit.SECONDS).revisions()).map(Object::toString).containsExactly("r2", "r3");
		}
		finally {
			instances.shutdownNow();
		}
		assertThat(this.database.query("SELECT revision || ' ' || count(*) FROM audit GROUP BY revision ORDER BY 1"))
			.containsExactly("r1 1", "r2 1", "r3 1");
	}

	private Migrator migrator(RevisionFiles files, String application, String sleep) {
		PGSimpleDataSource dataSource = (PGSimpleDataSource) this.database.dataSource();
		dataSource.setApplicationName(application);
		return Migrator.builder(dataSource)
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withPlaceholders(java.util.Map.of("sleep", sleep)))
			.build();
	}

	private void awaitRow(String query) {
		await("waiting for: " + query).atMost(Duration.ofSeconds(30))
			.until(() -> !this.database.query(query).isEmpty());
	}

}
