package io.github.migrations.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A revision queued behind a long query gives way instead of stalling every query behind
 * it: a transactional revision waits at most its {@code lock_timeout} (two seconds by
 * default), is rolled back, and runs again after a wait that doubles from one second.
 */
class LockAwareExecutionTests {

	private static final Duration LOCK_TIMEOUT = Duration.ofMillis(500);

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private RevisionFiles files;

	@BeforeEach
	void invoices() {
		this.files = new RevisionFiles(this.folder);
		this.files.write("a1_invoices.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount int NOT NULL);
				INSERT INTO invoices (amount) SELECT g FROM generate_series(1, 100) g;
				-- +downgrade
				DROP TABLE invoices;
				""");
		migrator(MigratorSettings.defaults()).upgrade(Target.head());
	}

	private Migrator migrator(MigratorSettings settings) {
		return Migrator.builder(this.database.dataSource())
			.settings(settings.toBuilder().locations(List.of(this.files.location())).build())
			.build();
	}

	private void alterInvoices(boolean transactional) {
		this.files.write("b2_note.sql", """
				-- revision: b2
				-- down_revision: a1
				-- transactional: %s
				-- +upgrade
				ALTER TABLE invoices ADD COLUMN note text;
				-- +downgrade
				ALTER TABLE invoices DROP COLUMN note;
				""".formatted(transactional));
	}

	@Test
	void aRevisionBehindALongQueryGivesWayToReadersAndWritersAndSucceedsOnceTheQueryEnds() throws Exception {
		alterInvoices(true);
		try (Blocker blocker = Blocker.holdingAccessShareOnInvoices(this.database, Duration.ofSeconds(3));
				Traffic traffic = Traffic.on(this.database)) {
			long start = System.nanoTime();
			migrator(MigratorSettings.defaults().toBuilder().lockTimeout(LOCK_TIMEOUT).build()).upgrade(Target.head());
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(took).as("waited for the blocking query").isGreaterThan(Duration.ofMillis(2500));
			assertThat(blocker.ended()).isTrue();
			Duration longestWait = traffic.stop();
			assertThat(traffic.queries()).as("queries the readers and writers ran").isGreaterThan(10);
			assertThat(longestWait).as("the longest a reader or writer waited")
				.isLessThanOrEqualTo(LOCK_TIMEOUT.plusMillis(100));
		}
		assertThat(this.database.query("SELECT column_name FROM information_schema.columns "
				+ "WHERE table_name = 'invoices' AND column_name = 'note'"))
			.containsExactly("note");
		assertThat(this.database.query("SELECT count(*) FROM migrations_log WHERE revision = 'b2' AND NOT success"))
			.as("each attempt that gave way is logged")
			.containsExactly("2");
		List<String> pauses = this.database.query("""
				SELECT extract(epoch FROM performed_at - lag(performed_at) OVER (ORDER BY id)) * 1000
				FROM migrations_log WHERE revision = 'b2' ORDER BY id""");
		assertThat(Double.parseDouble(pauses.get(1))).as("ms from the first failed attempt to the second")
			.isGreaterThanOrEqualTo(1000 + LOCK_TIMEOUT.toMillis());
		assertThat(Double.parseDouble(pauses.get(2))).as("ms from the second failed attempt to the one that ran")
			.isGreaterThanOrEqualTo(2000);
	}

	@Test
	void aTransactionalRevisionIsRunAgainFiveTimesByDefault() {
		assertThat(MigratorSettings.defaults().lockRetries()).isEqualTo(5);
	}

	@Test
	void aRevisionThatTimesOutOnEveryAttemptFailsSayingHowOftenItRan() throws Exception {
		alterInvoices(true);
		try (Blocker blocker = Blocker.holdingAccessShareOnInvoices(this.database, Duration.ofSeconds(3))) {
			Migrator migrator = migrator(
					MigratorSettings.defaults().toBuilder().lockTimeout(Duration.ofMillis(200)).lockRetries(1).build());
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
				.withMessageContaining("revision 'b2' failed: canceling statement due to lock timeout (SQLSTATE 55P03)")
				.withMessageContaining("It was run 2 times over 1 s");
		}
		assertThat(this.database.query("SELECT revision FROM migrations_revisions")).containsExactly("a1");
	}

	@Test
	void aNonTransactionalRevisionIsNotRunAgain() throws Exception {
		alterInvoices(false);
		try (Blocker blocker = Blocker.holdingAccessShareOnInvoices(this.database, Duration.ofSeconds(2))) {
			Migrator migrator = migrator(MigratorSettings.defaults().toBuilder().lockTimeout(LOCK_TIMEOUT).build());
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
				.withMessageContaining("lock timeout")
				.withMessageNotContaining("It was run");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		}
	}

	@Test
	void aRevisionThatGivesWayNamesTheSessionHoldingTheLockAndHowToEndIt() throws Exception {
		alterInvoices(true);
		try (IdleSession report = idleInTransaction("nightly-report", "SELECT count(*) FROM invoices")) {
			int pid = report.pid();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(this::upgradeGivingWayAtOnce)
				.satisfies((ex) -> {
					assertThat(ex.lockHolders()).singleElement()
						.asString()
						.startsWith("PostgreSQL backend %d ('nightly-report', user ".formatted(pid))
						.contains(") holds ACCESS SHARE on invoices, in a transaction open for ")
						.endsWith(" s, idle in transaction, last query: SELECT count(*) FROM invoices");
					assertThat(ex.problem())
						.startsWith("revision 'b2' failed: canceling statement due to lock timeout (SQLSTATE 55P03); "
								+ ex.lockHolders().get(0));
					assertThat(this.database.query("SELECT error FROM migrations_log WHERE revision = 'b2'"))
						.as("another session's query is told, not kept")
						.containsExactly("canceling statement due to lock timeout (SQLSTATE 55P03)");
					assertThat(ex.hint()).contains("for a lock held by backend %d: let it finish, or end it "
						.formatted(pid)
							+ "(SELECT pg_terminate_backend(%d), as a superuser or a member of pg_signal_backend), and run "
								.formatted(pid)
							+ "again");
				});
		}
	}

	@Test
	void aRevisionCancelledByItsStatementTimeoutWhileWaitingForALockNamesTheSessionHoldingIt() throws Exception {
		alterInvoices(true);
		try (IdleSession worker = idleInTransaction("stuck-worker", "UPDATE invoices SET amount = 2 WHERE id = 1")) {
			int pid = worker.pid();
			Migrator migrator = migrator(MigratorSettings.defaults()
				.toBuilder()
				.lockTimeout(Duration.ZERO)
				.statementTimeout(Duration.ofMillis(300))
				.build());
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
				.satisfies((ex) -> {
					assertThat(ex.problem()).startsWith(
							"revision 'b2' failed: canceling statement due to statement timeout (SQLSTATE 57014); "
									+ "PostgreSQL backend %d ('stuck-worker', user ".formatted(pid));
					assertThat(ex.lockHolders()).singleElement()
						.asString()
						.contains(") holds ROW EXCLUSIVE on invoices, in a transaction open for ");
					assertThat(ex.hint()).contains("The statement ran longer than its statement_timeout while waiting "
							+ "for a lock held by backend %d: let it finish, or end it (SELECT pg_terminate_backend(%d)"
								.formatted(pid, pid));
					assertThat(ex.setting()).isEqualTo("statement-timeout");
				});
		}
		assertThat(this.database.query("SELECT revision FROM migrations_revisions")).containsExactly("a1");
	}

	@Test
	void aRevisionCancelledByItsStatementTimeoutWithNoLockInTheWayIsToldToRaiseIt() {
		this.files.write("b2_slow.sql", """
				-- revision: b2
				-- down_revision: a1
				-- statement_timeout: 200ms
				-- +upgrade
				SELECT pg_sleep(5) FROM invoices WHERE id = 1;
				-- +downgrade
				""");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator(MigratorSettings.defaults()).upgrade(Target.head()))
			.satisfies((ex) -> {
				assertThat(ex.lockHolders()).isEmpty();
				assertThat(ex.hint()).contains("The statement ran longer than its statement_timeout: raise it");
			});
	}

	@Test
	void aRevisionThatGivesWayNamesOnlyTheSessionsWhoseLocksConflictWithItsOwn() throws Exception {
		this.files.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE INDEX invoices_amount ON invoices (amount);
				-- +downgrade
				DROP INDEX invoices_amount;
				""");
		try (IdleSession reader = idleInTransaction("reader", "SELECT count(*) FROM invoices");
				IdleSession writer = idleInTransaction("writer",
						"UPDATE invoices SET amount = amount + 1 WHERE id = 1")) {
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(this::upgradeGivingWayAtOnce)
				.satisfies((ex) -> assertThat(ex.lockHolders()).as("the reader's ACCESS SHARE lets an index build on")
					.singleElement()
					.asString()
					.startsWith("PostgreSQL backend %d ('writer'".formatted(writer.pid()))
					.contains("holds ROW EXCLUSIVE on invoices"));
		}
	}

	@Test
	void eachRetryIsAWarningThatNamesTheSessionHoldingTheLock() throws Exception {
		alterInvoices(true);
		Logger logger = (Logger) LoggerFactory.getLogger("io.github.migrations.core.Migrator");
		ListAppender<ILoggingEvent> warnings = new ListAppender<>();
		warnings.start();
		logger.addAppender(warnings);
		try (IdleSession report = idleInTransaction("nightly-report", "SELECT count(*) FROM invoices")) {
			Migrator migrator = migrator(
					MigratorSettings.defaults().toBuilder().lockTimeout(Duration.ofMillis(200)).lockRetries(1).build());
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade(Target.head()));
			String holder = "PostgreSQL backend %d ('nightly-report', user ".formatted(report.pid());
			assertThat(warnings.list)
				.filteredOn((event) -> event.getLevel() == Level.WARN && event.getFormattedMessage().contains(holder))
				.singleElement()
				.extracting(ILoggingEvent::getFormattedMessage)
				.asString()
				.startsWith("Revision 'b2' waited longer than its lock_timeout for a lock (")
				.contains(".sql:5): " + holder)
				.endsWith("last query: SELECT count(*) FROM invoices. It was rolled back and runs again in 1 s "
						+ "(retry 1 of 1)");
		}
		finally {
			logger.detachAppender(warnings);
		}
	}

	@Test
	void aRevisionThatWaitsLongForALockSaysWhoHoldsItWhileItWaits() throws Exception {
		this.files.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- transactional: false
				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_amount ON invoices (amount);
				-- +downgrade
				DROP INDEX CONCURRENTLY invoices_amount;
				""");
		List<String> warnings = new CopyOnWriteArrayList<>();
		Logger logger = (Logger) LoggerFactory.getLogger("io.github.migrations.core.Migrator");
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				warnings.add(event.getFormattedMessage());
			}

		};
		appender.start();
		logger.addAppender(appender);
		CompletableFuture<Void> migrating = null;
		try (IdleSession worker = idleInTransaction("stuck-worker", "UPDATE invoices SET amount = 0 WHERE id = 1")) {
			String holder = "held by PostgreSQL backend %d ('stuck-worker', user ".formatted(worker.pid());
			migrating = CompletableFuture.runAsync(() -> migrator(MigratorSettings.defaults()).upgrade(Target.head()));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> warnings.stream().anyMatch((warning) -> warning.contains(holder)));
			assertThat(migrating).as("the revision goes on waiting").isNotDone();
			assertThat(warnings).filteredOn((warning) -> warning.contains(holder))
				.first()
				.asString()
				.startsWith("Revision 'b2' (")
				.contains("b2_index.sql) has been running for ")
				.contains(" s, waiting for a lock " + holder)
				.endsWith(", idle in transaction, last query: UPDATE invoices SET amount = 0 WHERE id = 1");
			worker.connection().rollback();
			migrating.get(30, TimeUnit.SECONDS);
		}
		finally {
			logger.detachAppender(appender);
			if (migrating != null) {
				migrating.exceptionally((ex) -> null).get(30, TimeUnit.SECONDS);
			}
		}
		assertThat(this.database.query("SELECT indexname FROM pg_indexes WHERE indexname = 'invoices_amount'"))
			.containsExactly("invoices_amount");
	}

	@Test
	void theSessionsThatQueuedBehindTheRevisionAreNotNamedThoughTheyGetTheLockWhenItGivesWay() throws Exception {
		alterInvoices(true);
		try (IdleSession report = idleInTransaction("nightly-report", "SELECT count(*) FROM invoices");
				Connection queued = this.database.dataSource().getConnection()) {
			Migrator migrator = migrator(
					MigratorSettings.defaults().toBuilder().lockTimeout(Duration.ofSeconds(2)).lockRetries(0).build());
			CompletableFuture<Void> migrating = CompletableFuture.runAsync(() -> migrator.upgrade(Target.head()));
			await().atMost(Duration.ofSeconds(5)).until(() -> waitingForInvoices() == 1);
			// a request of the application, which queues behind the revision's ACCESS
			// EXCLUSIVE
			CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
				try (Statement statement = queued.createStatement()) {
					statement.execute("SET application_name = 'api-request'");
					queued.setAutoCommit(false);
					statement.execute("SELECT count(*) FROM invoices");
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> waitingForInvoices() == 2);
			assertThatExceptionOfType(CompletionException.class).isThrownBy(migrating::join)
				.havingCause()
				.isInstanceOfSatisfying(MigrationFailedException.class,
						(ex) -> assertThat(ex.lockHolders()).singleElement()
							.asString()
							.startsWith("PostgreSQL backend %d ('nightly-report'".formatted(report.pid())));
			request.get(5, TimeUnit.SECONDS);
			assertThat(this.database.query("SELECT state FROM pg_stat_activity WHERE application_name = 'api-request'"))
				.as("the request got the lock as the revision gave way")
				.containsExactly("idle in transaction");
		}
	}

	private int waitingForInvoices() {
		return Integer.parseInt(this.database
			.query("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'invoices'::regclass")
			.get(0));
	}

	@Test
	void aQuotedTableIsLookedUpByItsExactName() throws Exception {
		this.files.write("b2_orders.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE "Orders" (id bigint);
				CREATE TABLE orders (id bigint);
				-- +downgrade
				""");
		migrator(MigratorSettings.defaults()).upgrade(Target.head());
		this.files.write("c3_note.sql", """
				-- revision: c3
				-- down_revision: b2
				-- +upgrade
				ALTER TABLE "Orders" ADD COLUMN note text;
				-- +downgrade
				""");
		try (IdleSession innocent = idleInTransaction("innocent", "SELECT count(*) FROM orders");
				IdleSession blocker = idleInTransaction("blocker", "SELECT count(*) FROM \"Orders\"")) {
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(this::upgradeGivingWayAtOnce)
				.satisfies((ex) -> assertThat(ex.lockHolders()).singleElement()
					.asString()
					.startsWith("PostgreSQL backend %d ('blocker'".formatted(blocker.pid()))
					.contains(" holds ACCESS SHARE on \"Orders\", "));
		}
	}

	@Test
	void aDeleteThatGivesWayNamesTheSessionHoldingItsTable() throws Exception {
		this.files.write("b2_purge.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				DELETE FROM ONLY public.invoices AS i WHERE i.amount > 5;
				-- +downgrade
				""");
		try (IdleSession report = idleInTransaction("exporter", "LOCK TABLE invoices IN SHARE MODE")) {
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(this::upgradeGivingWayAtOnce)
				.satisfies((ex) -> assertThat(ex.lockHolders()).singleElement()
					.asString()
					.startsWith("PostgreSQL backend %d ('exporter'".formatted(report.pid()))
					.contains(" holds SHARE on invoices, "));
		}
	}

	@Test
	void aDroppedIndexLeadsToTheSessionsHoldingItsTable() throws Exception {
		this.files.write("b2_index.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE INDEX invoices_amount ON invoices (amount);
				-- +downgrade
				""");
		migrator(MigratorSettings.defaults()).upgrade(Target.head());
		this.files.write("c3_drop.sql", """
				-- revision: c3
				-- down_revision: b2
				-- +upgrade
				DROP INDEX invoices_amount;
				-- +downgrade
				""");
		try (IdleSession report = idleInTransaction("nightly-report", "SELECT count(*) FROM invoices")) {
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(this::upgradeGivingWayAtOnce)
				.satisfies((ex) -> assertThat(ex.lockHolders()).singleElement()
					.asString()
					.startsWith("PostgreSQL backend %d ('nightly-report'".formatted(report.pid()))
					.contains(" holds ACCESS SHARE on invoices, "));
		}
	}

	@Test
	void aSessionHoldingSeveralConflictingModesIsNamedOnce() throws Exception {
		alterInvoices(true);
		try (IdleSession worker = idleInTransaction("worker", "UPDATE invoices SET amount = 0 WHERE id = 1")) {
			try (Statement statement = worker.connection().createStatement()) {
				statement.execute("SELECT count(*) FROM invoices");
			}
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(this::upgradeGivingWayAtOnce)
				.satisfies((ex) -> assertThat(ex.lockHolders()).singleElement()
					.asString()
					.contains(" holds ROW EXCLUSIVE and ACCESS SHARE on invoices, "));
		}
	}

	@Test
	void aRevisionThatGivesWayNamesEverySessionHoldingTheLockOldestFirst() throws Exception {
		alterInvoices(true);
		try (IdleSession first = idleInTransaction("worker-1", "UPDATE invoices SET amount = 0 WHERE id = 1");
				IdleSession second = idleInTransaction("worker-2", "UPDATE invoices SET amount = 0 WHERE id = 2")) {
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(this::upgradeGivingWayAtOnce)
				.satisfies((ex) -> {
					assertThat(ex.lockHolders()).hasSize(2);
					assertThat(ex.lockHolders().get(0))
						.startsWith("PostgreSQL backend %d ('worker-1'".formatted(first.pid()));
					assertThat(ex.lockHolders().get(1))
						.startsWith("PostgreSQL backend %d ('worker-2'".formatted(second.pid()));
					assertThat(ex.hint()).contains("held by backends %d, %d: let them finish, or end them "
						.formatted(first.pid(), second.pid())
							+ "(SELECT pg_terminate_backend(pid) FROM unnest(ARRAY[%d, %d]) pid, as a superuser"
								.formatted(first.pid(), second.pid()));
				});
		}
	}

	/**
	 * An upgrade whose statements wait at most 200 ms for a lock and are not run again.
	 */
	private void upgradeGivingWayAtOnce() {
		migrator(MigratorSettings.defaults().toBuilder().lockTimeout(Duration.ofMillis(200)).lockRetries(0).build())
			.upgrade(Target.head());
	}

	/**
	 * A session that ran a statement in a transaction and left it open, as a forgotten
	 * console or a stuck worker does.
	 */
	private IdleSession idleInTransaction(String application, String sql) throws SQLException {
		Connection connection = this.database.dataSource().getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET application_name = '%s'".formatted(application));
			int pid;
			try (ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
				rows.next();
				pid = rows.getInt(1);
			}
			connection.setAutoCommit(false);
			statement.execute(sql);
			return new IdleSession(connection, pid);
		}
	}

	private record IdleSession(Connection connection, int pid) implements AutoCloseable {

		@Override
		public void close() throws SQLException {
			this.connection.close();
		}

	}

	@Test
	void transactionalRevisionsGetTwoSecondsByDefaultAndOthersKeepTheServers() {
		this.files.write("b2_settings.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				CREATE TABLE observed (revision text, lock_timeout text);
				INSERT INTO observed VALUES ('b2', current_setting('lock_timeout'));
				-- +downgrade
				""");
		this.files.write("c3_settings.sql", """
				-- revision: c3
				-- down_revision: b2
				-- transactional: false
				-- +upgrade
				INSERT INTO observed VALUES ('c3', current_setting('lock_timeout'));
				-- +downgrade
				""");
		migrator(MigratorSettings.defaults()).upgrade(Target.head());
		assertThat(this.database.query("SELECT revision || '=' || lock_timeout FROM observed ORDER BY revision"))
			.containsExactly("b2=2s", "c3=0");
	}

	/**
	 * Another session that reads the invoices in a transaction it keeps open for a while,
	 * as a long report would.
	 */
	private static final class Blocker implements AutoCloseable {

		private final CompletableFuture<Void> done;

		private Blocker(CompletableFuture<Void> done) {
			this.done = done;
		}

		static Blocker holdingAccessShareOnInvoices(TestDatabase.Database database, Duration time) {
			AtomicBoolean holding = new AtomicBoolean();
			CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
				try (Connection connection = database.dataSource().getConnection();
						Statement statement = connection.createStatement()) {
					connection.setAutoCommit(false);
					statement.execute("SELECT count(*) FROM invoices");
					holding.set(true);
					statement.execute("SELECT pg_sleep(%f)".formatted(time.toMillis() / 1000.0));
					connection.commit();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			await().atMost(Duration.ofSeconds(10)).untilTrue(holding);
			return new Blocker(done);
		}

		boolean ended() {
			return this.done.isDone();
		}

		@Override
		public void close() throws Exception {
			this.done.get(30, TimeUnit.SECONDS);
		}

	}

	/**
	 * A session that keeps reading and writing the invoices, timing each query.
	 */
	private static final class Traffic implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong longestNanos = new AtomicLong();

		private final AtomicLong queries = new AtomicLong();

		private final CompletableFuture<Void> done;

		private Traffic(TestDatabase.Database database) {
			this.done = CompletableFuture.runAsync(() -> {
				try (Connection connection = database.dataSource().getConnection();
						Statement statement = connection.createStatement()) {
					while (this.running.get()) {
						time(() -> statement.execute("SELECT sum(amount) FROM invoices"));
						time(() -> statement.execute("INSERT INTO invoices (amount) VALUES (1)"));
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}

		static Traffic on(TestDatabase.Database database) {
			return new Traffic(database);
		}

		private void time(Query query) throws SQLException {
			long start = System.nanoTime();
			query.run();
			this.longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
			this.queries.incrementAndGet();
		}

		/**
		 * Stops the traffic and returns the longest a query took.
		 */
		Duration stop() throws Exception {
			this.running.set(false);
			this.done.get(30, TimeUnit.SECONDS);
			return Duration.ofNanos(this.longestNanos.get());
		}

		long queries() {
			return this.queries.get();
		}

		@Override
		public void close() throws Exception {
			stop();
		}

		private interface Query {

			void run() throws SQLException;

		}

	}

}
