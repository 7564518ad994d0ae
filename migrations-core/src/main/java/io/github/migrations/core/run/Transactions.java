package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run does to its connection's transactions and session around the revisions, each
 * tolerant of a connection the server has already closed, so that the step's own failure
 * is the one reported.
 */
final class Transactions {

	private static final Logger logger = LoggerFactory.getLogger(Transactions.class);

	private Transactions() {
	}

	/**
	 * Puts the connection back in auto-commit mode on the way out. A connection that the
	 * server closed (a terminated session, a failover) is left alone.
	 */
	static void restoreAutoCommit(Connection connection) {
		try {
			if (!connection.isClosed()) {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not restore auto-commit; closing the session discards the connection", ex);
		}
	}

	static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed; the server rolls back when the session ends", ex);
		}
	}

	/**
	 * In a run of several revisions, each revision's commit does not wait for its WAL
	 * flush; the last one does, and flushing it flushes every earlier commit too, since
	 * the WAL is written in order. A server crash during the run can only lose whole
	 * revisions at the end of what was applied, each with its record, never part of one;
	 * once the run reports success, all of it is durable. A failure is logged with a
	 * synchronous commit, which flushes what ran before it.
	 */
	static void setSynchronousCommit(Connection connection, boolean synchronous) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(synchronous ? "RESET synchronous_commit" : "SET synchronous_commit TO off");
		}
		catch (SQLException ex) {
			logger.debug("Could not change synchronous_commit", ex);
		}
	}

	/**
	 * Whether an error ended the session (connection errors, an administrator's
	 * termination), so that nothing more can run on it.
	 */
	static boolean endedSession(@Nullable String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
	}

}
