package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.github.migrations.core.api.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.ScriptParser;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watch that says, while a step waits for a lock, who holds it: it opens nothing for
 * steps that finish soon, names the holder and not a session merely queued ahead, and
 * leaves no connection behind.
 */
class LockWaitWatchTests {

	private static final Duration FIRST = Duration.ofMillis(100);

	private static final Duration EVERY = Duration.ofMillis(200);

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final MigrationStep step = new MigrationStep(ScriptParser.parse("b2_note.sql", """
			-- revision: b2
			-- down_revision: base
			-- +upgrade
			ALTER TABLE invoices ADD COLUMN note text;
			-- +downgrade
			""".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Direction.UPGRADE);

	private final List<String> warnings = new CopyOnWriteArrayList<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {

		@Override
		protected void append(ILoggingEvent event) {
			LockWaitWatchTests.this.warnings.add(event.getFormattedMessage());
		}

	};

	@BeforeEach
	void captureWarnings() {
		this.database.execute("CREATE TABLE invoices (id bigint)");
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void stopCapturing() {
		this.logger.detachAppender(this.appender);
	}

	@Test
	void aStepThatFinishesSoonerOpensNoConnection() throws Exception {
		AtomicInteger opened = new AtomicInteger();
		try (LockWaitWatch watch = new LockWaitWatch(() -> {
			opened.incrementAndGet();
			return connect();
		}, 4242, FIRST, EVERY)) {
			for (int i = 0; i < 100; i++) {
				watch.watch(this.step).close();
			}
			// past the time a watched step would first be looked at, the watch still open
			await().during(FIRST.plus(EVERY)).atMost(FIRST.plus(EVERY).multipliedBy(2)).until(() -> opened.get() == 0);
		}
		assertThat(this.warnings).isEmpty();
	}

	@Test
	void aDataSourceThatHandsOutTheRunsOwnConnectionIsNeitherUsedNorClosed() throws Exception {
		try (Connection migrating = connect()) {
			AtomicInteger asked = new AtomicInteger();
			try (LockWaitWatch watch = new LockWaitWatch(() -> {
				asked.incrementAndGet();
				return migrating;
			}, pid(migrating), FIRST, EVERY); LockWaitWatch.Watching watching = watch.watch(this.step)) {
				await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() > 0);
				await().during(EVERY.multipliedBy(2)).atMost(EVERY.multipliedBy(3)).until(() -> asked.get() == 1);
			}
			assertThat(asked).as("asked once, then left alone").hasValue(1);
			assertThat(migrating.isClosed()).isFalse();
			assertThat(this.warnings).isEmpty();
		}
	}

	@Test
	void aStepQueuedBehindAnotherWaiterIsToldTheSessionThatHoldsTheLock() throws Exception {
		try (Connection holder = connect(); Connection ahead = connect(); Connection migrating = connect()) {
			int holderPid = pid(holder);
			holder.setAutoCommit(false);
			holder.createStatement().execute("SET application_name = 'nightly-report'");
			holder.createStatement().execute("SELECT count(*) FROM invoices");
			ahead.setAutoCommit(false);
			CompletableFuture<Void> queuedAhead = CompletableFuture
				.runAsync(() -> execute(ahead, "LOCK TABLE invoices IN ACCESS EXCLUSIVE MODE"));
			await().atMost(Duration.ofSeconds(5)).until(() -> waiting() == 1);
			migrating.setAutoCommit(false);
			CompletableFuture<Void> step = CompletableFuture
				.runAsync(() -> execute(migrating, "ALTER TABLE invoices ADD COLUMN note text"));
			await().atMost(Duration.ofSeconds(5)).until(() -> waiting() == 2);
			List<Connection> opened = new CopyOnWriteArrayList<>();
			try (LockWaitWatch watch = new LockWaitWatch(supplier(opened), pid(migrating), FIRST, EVERY);
					LockWaitWatch.Watching watching = watch.watch(this.step)) {
				await().atMost(Duration.ofSeconds(5)).until(() -> !this.warnings.isEmpty());
			}
			assertThat(this.warnings.get(0)).startsWith("Revision 'b2' (b2_note.sql) has been running for ")
				.contains(", waiting for a lock held by PostgreSQL backend %d ('nightly-report', ".formatted(holderPid))
				.contains("idle in transaction, last query: SELECT count(*) FROM invoices")
				.doesNotContain("LOCK TABLE");
			assertThat(opened).singleElement().satisfies((connection) -> assertThat(connection.isClosed()).isTrue());
			holder.rollback();
			queuedAhead.join();
			ahead.rollback();
			step.join();
			migrating.rollback();
		}
	}

	private Supplier<Connection> supplier(List<Connection> opened) {
		return () -> {
			Connection connection = connect();
			opened.add(connection);
			return connection;
		};
	}

	private int waiting() {
		return Integer.parseInt(this.database
			.query("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'invoices'::regclass")
			.get(0));
	}

	private Connection connect() {
		try {
			return this.database.dataSource().getConnection();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int pid(Connection connection) throws SQLException {
		return connection.unwrap(PGConnection.class).getBackendPID();
	}

	private static void execute(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
