package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.ScriptLocation;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed step into the error an operator reads: finds the failing statement when
 * the statements went to the server together (by running them again, one by one, in a
 * transaction that is rolled back), logs the failed attempt in the version store, and
 * says what, where and what to do.
 */
final class StepFailures {

	private static final Logger logger = LoggerFactory.getLogger(StepFailures.class);

	private final VersionStore store;

	private final StepExecutor executor;

	StepFailures(VersionStore store, StepExecutor executor) {
		this.store = store;
		this.executor = executor;
	}

	/**
	 * Where a revision sent in one round trip failed. On an error the server rolled it
	 * all back, so its statements can run again to find the failing one and its line.
	 */
	StepFailure locate(Connection connection, MigrationStep step, SqlScript script, SQLException original)
			throws SQLException {
		if (Transactions.endedSession(original.getSQLState()) || connection.isClosed()) {
			// the statements went together: which one the session was in when it ended is
			// unknown
			return new StepFailure(ScriptLocation.at(script.source(), 0), original);
		}
		connection.setAutoCommit(false);
		try {
			this.executor.rerun(connection, step);
			return new StepFailure(ScriptLocation.at(script.source(), firstLine(script, step)), original);
		}
		catch (StepFailure located) {
			return located;
		}
		finally {
			Transactions.rollback(connection);
			Transactions.restoreAutoCommit(connection);
		}
	}

	/**
	 * Where a revision failed in a run that is one transaction: the revisions before it
	 * and then its statements run again, one by one, in a transaction that is rolled
	 * back. Keeps the first report when the connection is gone or the replay differs.
	 */
	StepFailure replay(Connection connection, List<MigrationStep> done, MigrationStep step, StepFailure failure)
			throws SQLException {
		if (connection.isClosed() || Transactions.endedSession(ServerErrors.sqlState(failure.getCause()))) {
			return failure;
		}
		this.executor.forgetTimeouts();
		try {
			for (MigrationStep previous : done) {
				this.executor.rerun(connection, previous);
			}
		}
		catch (StepFailure differs) {
			Transactions.rollback(connection);
			return failure;
		}
		try {
			this.executor.rerun(connection, step);
			return failure;
		}
		catch (StepFailure located) {
			return located;
		}
		finally {
			Transactions.rollback(connection);
		}
	}

	/**
	 * The error for a failed step, after logging the attempt when the connection can
	 * still write outside a transaction.
	 * @param outcome what became of the step's work, for the hint
	 */
	MigrationFailedException failed(Connection connection, MigrationStep step, StepFailure failure, String outcome) {
		String what = (step.direction() == Direction.UPGRADE) ? "revision '%s' failed"
				: "downgrade of revision '%s' failed";
		String problem = ServerErrors.describe(failure.getCause());
		try {
			if (!connection.isClosed() && connection.getAutoCommit()) {
				Transactions.setSynchronousCommit(connection, true);
				this.store.recordFailure(connection, step.script(), step.direction(), 0, problem);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not log the failed attempt", ex);
		}
		ScriptLocation location = failure.location();
		String message = "%s: %s: %s.".formatted(location, what.formatted(step.revision().id()), problem);
		String hint = outcome + " " + ServerErrors.advice(failure.getCause(), step);
		return new MigrationFailedException(message, hint, step.revision().id().value(), location,
				ServerErrors.sqlState(failure.getCause()), failure.getCause());
	}

	private static int firstLine(SqlScript script, MigrationStep step) {
		List<SqlStatement> statements = Placeholders.statements(script, step);
		return statements.isEmpty() ? 0 : statements.get(0).line();
	}

}
