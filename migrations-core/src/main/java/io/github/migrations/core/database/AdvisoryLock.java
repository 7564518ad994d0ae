package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

import io.github.migrations.core.api.MigrationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock, held by the session the run works on until
 * {@link #close()}.
 * <p>
 * Holding it on the run's own session means the lock cannot be lost while the run goes
 * on: if that session ends (an administrator, {@code idle_session_timeout}, a failover),
 * the run's next statement fails, so nothing after the last committed revision is applied
 * without the lock. A session-level advisory lock is no transaction and takes no
 * snapshot, so statements that wait for other transactions, such as
 * {@code CREATE INDEX CONCURRENTLY}, never wait for it. An instance that waits for the
 * lock asks for it again and again with {@code pg_try_advisory_lock} rather than blocking
 * in {@code pg_advisory_lock}: a blocked statement would hold a snapshot for the whole
 * wait, and {@code CREATE INDEX CONCURRENTLY} in the holder would wait for that snapshot
 * until the waiter gave up. When the process dies, PostgreSQL ends the session and frees
 * the lock at once. The key comes from the version store's canonical identity
 * ({@link VersionStore#lockKey}), so instances that share a version store exclude each
 * other, however they name it, and others do not.
 */
public final class AdvisoryLock implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AdvisoryLock.class);

	/**
	 * The longest pause between two attempts while waiting.
	 */
	private static final long LONGEST_PAUSE_MS = 250;

	private final Connection connection;

	private final long key;

	private AdvisoryLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	/**
	 * Takes the lock on the given session, waiting up to {@code wait} for another holder
	 * to release it.
	 * @param connection the run's session, in auto-commit mode
	 * @param store the version store the lock guards
	 * @param wait how long to wait
	 * @throws LockTimeoutException when the lock is still held after {@code wait}, naming
	 * the holder
	 */
	public static AdvisoryLock acquire(Connection connection, VersionStore store, Duration wait) throws SQLException {
		return acquire(connection, store, wait, (holder) -> {
		});
	}

	/**
	 * Takes the lock on the given session, waiting up to {@code wait} for another holder
	 * to release it, and tells {@code waiting} who holds it before it waits.
	 * @param waiting told, when the lock is held, a sentence saying how long this waits
	 * and who holds the lock, before the wait starts
	 * @throws LockTimeoutException when the lock is still held after {@code wait}, naming
	 * the holder
	 */
	public static AdvisoryLock acquire(Connection connection, VersionStore store, Duration wait,
			Consumer<String> waiting) throws SQLException {
		long key = store.lockKey(connection);
		if (!tryLock(connection, key)) {
			String message = "Waiting up to %s for the migration lock of %s, held by %s".formatted(format(wait),
					store.describe(), holder(connection, key));
			logger.info("{}", message);
			waiting.accept(message);
			lock(connection, key, wait, store.describe());
		}
		return new AdvisoryLock(connection, key);
	}

	/**
	 * Who holds the migration lock of the version store, when another session does: a run
	 * is in progress, and a revision its version store shows as upgrading or downgrading
	 * is being run right now, not interrupted. Takes no lock.
	 * @return the holder, as "PostgreSQL backend 4242 ('orders-api', user app, from
	 * 10.0.0.7), connected for 3 min, active, running: CREATE INDEX ...", or {@code null}
	 * when no other session holds it
	 */
	public static @Nullable String heldElsewhere(Connection connection, VersionStore store) throws SQLException {
		long key = store.lockKey(connection);
		try (PreparedStatement statement = connection.prepareStatement(
				"""
						SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l WHERE l.locktype = 'advisory' AND l.granted
						AND l.pid <> pg_catalog.pg_backend_pid() AND l.database = (SELECT oid FROM pg_catalog.pg_database
						WHERE datname = current_database()) AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1)
						""")) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next() || !rows.getBoolean(1)) {
					return null;
				}
			}
		}
		return holder(connection, key);
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getBoolean(1);
			}
		}
	}

	private static void lock(Connection connection, long key, Duration wait, String name) throws SQLException {
		long deadline = System.nanoTime() + wait.toNanos();
		long pause = 10;
		while (!tryLock(connection, key)) {
			long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
			if (remainingMs <= 0) {
				throw new LockTimeoutException(
						"Could not take the migration lock for %s within %s; it is held by %s.".formatted(name,
								format(wait), holder(connection, key)),
						"Another instance is migrating; wait for it, or raise the lock wait timeout.");
			}
			pause(Math.min(pause, remainingMs));
			pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw MigrationException.of("Interrupted while waiting for the migration lock; nothing was changed.",
					"Start the migration again.", ex);
		}
	}

	/**
	 * Who holds the lock and what it is doing, as "PostgreSQL backend 4242 ('orders-api',
	 * user app, from 10.0.0.7), connected for 3 min, active, running: CREATE INDEX ...".
	 */
	private static String holder(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.state,
				    extract(epoch FROM now() - a.backend_start)::bigint, a.query
				FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_catalog.pg_database
				WHERE datname = current_database()) AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1
				""")) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					return "another session";
				}
				StringBuilder holder = new StringBuilder(
						LockHolders.backend(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getString(4)));
				long seconds = rows.getLong(6);
				if (!rows.wasNull()) {
					holder.append(", connected for ").append(LockHolders.duration(seconds));
				}
				return holder.append(LockHolders.activity(rows.getString(5), rows.getString(7))).toString();
			}
		}
	}

	private static String format(Duration duration) {
		if (duration.toMillis() % 60_000 == 0 && !duration.isZero()) {
			return duration.toMinutes() + "m";
		}
		if (duration.toMillis() % 1000 == 0) {
			return duration.toSeconds() + "s";
		}
		return duration.toMillis() + "ms";
	}

	/**
	 * Releases the lock; a session that already ended released it with it.
	 */
	@Override
	public void close() {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
		catch (SQLException ex) {
			logger.debug("Could not release the migration lock; closing its session releases it", ex);
		}
	}

}
