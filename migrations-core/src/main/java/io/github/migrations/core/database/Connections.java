package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database access every operation shares: a session on the configured schema, the
 * migration lock, and the {@link MigrationException} a driver's error becomes.
 */
public final class Connections {

	// the migrator's category, where operators look for what a run did
	private static final Logger logger = LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	private final DataSource dataSource;

	private final MigratorSettings settings;

	private final VersionStore store;

	public Connections(DataSource dataSource, MigratorSettings settings, VersionStore store) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.store = store;
	}

	public Session open() {
		return session(connect());
	}

	/**
	 * A connection from the data source in auto-commit (a pool may hand them out
	 * without), for a read that needs no session: the version store's names carry the
	 * configured schema.
	 */
	public Connection connect() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(true);
			return connection;
		}
		catch (SQLException ex) {
			if (connection != null) {
				closeQuietly(connection);
			}
			throw failure(ex);
		}
	}

	/**
	 * Makes a session of a connection from {@link #connect()}; the connection is closed
	 * when this fails.
	 */
	public Session session(Connection connection) {
		try {
			return Session.on(connection, this.settings.schema());
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	/**
	 * Takes the migration lock on the session, which then holds it until the lock is
	 * closed.
	 */
	public AdvisoryLock lock(Session session) {
		return lock(session, (holder) -> {
		});
	}

	/**
	 * Takes the migration lock on the session, which then holds it until the lock is
	 * closed; {@code waiting} is told who holds it before this waits for it.
	 */
	public AdvisoryLock lock(Session session, Consumer<String> waiting) {
		try {
			return AdvisoryLock.acquire(session.connection(), this.store, this.settings.lockWaitTimeout(), waiting);
		}
		catch (SQLException ex) {
			throw MigrationException.of(
					"Could not take the migration lock: %s (SQLSTATE %s)."
						.formatted(Secrets.maskNullable(ex.getMessage()), ex.getSQLState()),
					"Check that the database is reachable and the user may connect.", ex);
		}
	}

	public static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the connection", ex);
		}
	}

	public static void closeQuietly(Session session) {
		try {
			session.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the session", ex);
		}
	}

	/**
	 * The error a driver's failure becomes; the driver's message may quote the URL it was
	 * given, so passwords in it are masked.
	 */
	public static MigrationException failure(SQLException ex) {
		String state = String.valueOf(ex.getSQLState());
		String what = "%s (SQLSTATE %s).".formatted(Secrets.maskNullable(ex.getMessage()), state);
		if (state.equals("3D000")) {
			return MigrationException.of("Could not connect: " + what,
					"Create the database, or fix the database name in the URL.", ex);
		}
		if (state.startsWith("28")) {
			return MigrationException.of("Could not connect: " + what, "Check the user name and password, and that "
					+ "the server's pg_hba.conf lets this user connect to this database from here.", ex);
		}
		return MigrationException.of("Database error: " + what,
				"Check that the database is reachable and that the user has the needed privileges.", ex);
	}

}
