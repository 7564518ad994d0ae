package io.github.migrations.core.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.migrations.core.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock on a connection of its own, held until
 * {@link #close()}.
 * <p>
 * The connection stays idle outside any transaction while the lock is held, so statements
 * that wait for other transactions, such as {@code CREATE INDEX CONCURRENTLY}, never wait
 * for it. An instance that waits for the lock asks for it again and again with
 * {@code pg_try_advisory_lock} rather than blocking in {@code pg_advisory_lock}: a
 * blocked statement would hold a snapshot for the whole wait, and
 * {@code CREATE INDEX CONCURRENTLY} in the holder would wait for that snapshot until the
 * waiter gave up. When the process dies, PostgreSQL ends the session and frees the lock
 * at once. The key is derived from the version store's qualified name, so instances that
 * share a version store exclude each other and others do not.
 */
public final class AdvisoryLock implements MigrationLock {

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
	 * Takes the lock, waiting up to {@code wait} for another holder to release it.
	 * @param dataSource where to open the lock's own connection
	 * @param name what the lock protects, such as the qualified version-store table
	 * @param wait how long to wait
	 * @throws LockTimeoutException when the lock is still held after {@code wait}, naming
	 * the holder
	 */
	public static AdvisoryLock acquire(DataSource dataSource, String name, Duration wait) {
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			long key = key(connection, name);
			if (!tryLock(connection, key)) {
				logger.info("Waiting up to {} for another instance that holds the migration lock ({})", format(wait),
						holder(connection, key));
				lock(connection, key, wait, name);
			}
			return new AdvisoryLock(connection, key);
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw MigrationException.of("Could not take the migration lock: " + ex.getMessage(),
					"Check that the database is reachable and the user may connect.", ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	private static long key(Connection connection, String name) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT hashtextextended('migrations:' || current_database() || ':' || ?, 0)")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
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
						"Could not take the migration lock for %s within %s: %s holds it.".formatted(name, format(wait),
								holder(connection, key)),
						"Another instance is migrating; wait for it, or raise the lock wait timeout "
								+ "('app.migrations.lock-wait-timeout').");
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
	 * Who holds the lock, as "PostgreSQL backend 4242 ('orders-api')".
	 */
	private static String holder(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT a.pid, a.application_name, a.client_addr FROM pg_catalog.pg_locks l
				JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_catalog.pg_database
				WHERE datname = current_database()) AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1
				""")) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet rows = statement.executeQuery()) {
				if (!rows.next()) {
					return "another session";
				}
				String application = rows.getString(2);
				String address = rows.getString(3);
				return "PostgreSQL backend %d ('%s'%s)".formatted(rows.getInt(1),
						(application != null && !application.isEmpty()) ? application : "no application_name",
						(address != null) ? ", from " + address : "");
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

	@Override
	public void close() {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
		catch (SQLException ex) {
			logger.debug("Could not release the migration lock; closing its session releases it", ex);
		}
		finally {
			closeQuietly(this.connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close the lock connection", ex);
			}
		}
	}

}
