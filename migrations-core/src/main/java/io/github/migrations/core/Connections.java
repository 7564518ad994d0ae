package io.github.migrations.core;

import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.lock.AdvisoryLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database access every operation shares: a session on the configured schema, the
 * migration lock, and the {@link MigrationException} a driver's error becomes.
 */
final class Connections {

	// the migrator's category, where operators look for what a run did
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DataSource dataSource;

	private final MigratorSettings settings;

	private final VersionStore store;

	Connections(DataSource dataSource, MigratorSettings settings, VersionStore store) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.store = store;
	}

	Session open() {
		try {
			return Session.open(this.dataSource, this.settings.schema());
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	AdvisoryLock lock() {
		return AdvisoryLock.acquire(this.dataSource, this.store.describe(), this.settings.lockWaitTimeout());
	}

	static void closeQuietly(Session session) {
		try {
			session.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the session", ex);
		}
	}

	static MigrationException failure(SQLException ex) {
		return MigrationException.of(
				"Database error while migrating: %s (SQLSTATE %s).".formatted(ex.getMessage(), ex.getSQLState()),
				"Check that the database is reachable and that the user has the needed privileges.", ex);
	}

}
