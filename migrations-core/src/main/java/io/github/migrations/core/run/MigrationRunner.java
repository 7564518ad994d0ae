package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.MigrationException;
import io.github.migrations.core.MigratorSettings;
import io.github.migrations.core.TransactionMode;
import io.github.migrations.core.history.CompletedRevision;
import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.JavaScript;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.ScriptLocation;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan on one connection: by default each step in its own transaction together
 * with its version-store writes; with {@link TransactionMode#ALL} the whole plan in one
 * transaction; a {@code transactional: false} revision outside any transaction, marked as
 * running while it runs.
 */
public final class MigrationRunner {

	private static final Logger logger = LoggerFactory.getLogger(MigrationRunner.class);

	private final VersionStore store;

	private final MigratorSettings settings;

	private final Placeholders placeholders;

	private final MigrationListener listener;

	private final RevisionTimeouts timeouts;

	public MigrationRunner(VersionStore store, MigratorSettings settings, MigrationListener listener) {
		this.store = store;
		this.settings = settings;
		this.placeholders = new Placeholders(settings.placeholders());
		this.listener = listener;
		this.timeouts = new RevisionTimeouts(settings);
	}

	/**
	 * Everything that can be checked before the first statement: every step's statements
	 * split, every placeholder has a value, and transaction mode 'all' has no
	 * non-transactional revision.
	 */
	public void check(MigrationPlan plan) {
		this.placeholders.verify(plan);
		if (this.settings.transactionMode() == TransactionMode.ALL) {
			refuseNonTransactional(plan);
		}
	}

	public List<StepResult> run(Connection connection, MigrationPlan plan) throws SQLException {
		check(plan);
		boolean all = this.settings.transactionMode() == TransactionMode.ALL;
		List<StepResult> results = new ArrayList<>();
		boolean deferFlushes = !all && plan.steps().size() > 1;
		if (deferFlushes) {
			setSynchronousCommit(connection, false);
		}
		connection.setAutoCommit(!all);
		long runStart = System.nanoTime();
		List<CompletedRevision> completed = new ArrayList<>();
		try {
			List<MigrationStep> steps = plan.steps();
			for (int i = 0; i < steps.size(); i++) {
				if (deferFlushes && i == steps.size() - 1) {
					setSynchronousCommit(connection, true);
				}
				MigrationStep step = steps.get(i);
				StepResult result = all ? runInOpenTransaction(connection, step, steps.subList(0, i))
						: runStep(connection, step);
				results.add(result);
				completed.add(new CompletedRevision(step.script(), result.duration().toMillis(),
						(System.nanoTime() - runStart) / 1_000));
			}
			if (all) {
				recordAndCommit(connection, plan, completed);
			}
		}
		finally {
			restoreAutoCommit(connection);
			if (deferFlushes) {
				setSynchronousCommit(connection, true);
			}
		}
		return results;
	}

	/**
	 * Ends a run in one transaction: its revisions are recorded together, then committed.
	 */
	private void recordAndCommit(Connection connection, MigrationPlan plan, List<CompletedRevision> completed)
			throws SQLException {
		try {
			this.store.recordAll(connection, plan.direction(), completed);
		}
		catch (SQLException ex) {
			rollback(connection);
			restoreAutoCommit(connection);
			MigrationStep last = plan.steps().get(plan.steps().size() - 1);
			throw failed(connection, last, new StepFailure(ScriptLocation.at(last.script().source(), 0), ex),
					"Recording the run in " + this.store.describe() + " failed, so the whole run (one transaction, "
							+ "transaction mode 'all') was rolled back and nothing is recorded as applied.");
		}
		connection.commit();
	}

	/**
	 * In a run of several revisions, each revision's commit does not wait for its WAL
	 * flush; the last one does, and flushing it flushes every earlier commit too, since
	 * the WAL is written in order. A server crash during the run can only lose whole
	 * revisions at the end of what was applied, each with its record, never part of one;
	 * once the run reports success, all of it is durable. A failure is logged with a
	 * synchronous commit, which flushes what ran before it.
	 */
	private static void setSynchronousCommit(Connection connection, boolean synchronous) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(synchronous ? "RESET synchronous_commit" : "SET synchronous_commit TO off");
		}
		catch (SQLException ex) {
			logger.debug("Could not change synchronous_commit", ex);
		}
	}

	private void refuseNonTransactional(MigrationPlan plan) {
		for (MigrationStep step : plan.steps()) {
			if (!step.script().transactional()) {
				throw MigrationException.of(
						("Revision '%s' (%s) is 'transactional: false', which cannot run inside the "
								+ "single transaction of transaction mode 'all'.")
							.formatted(step.revision().id(), step.script().source()),
						"Use transaction mode 'per-revision' for this run, or make the revision transactional.");
			}
		}
	}

	private StepResult runStep(Connection connection, MigrationStep step) throws SQLException {
		if (!step.script().transactional()) {
			return runOutsideTransaction(connection, step);
		}
		if (step.script() instanceof SqlScript script && Pipeline.suits(Placeholders.statements(script, step))) {
			return runPipelined(connection, step, script);
		}
		connection.setAutoCommit(false);
		try {
			StepResult result = execute(connection, step, true, true);
			connection.commit();
			return result;
		}
		catch (StepFailure failure) {
			rollback(connection);
			restoreAutoCommit(connection);
			throw failed(connection, step, failure, "The revision was rolled back and is not recorded as applied.");
		}
		finally {
			restoreAutoCommit(connection);
		}
	}

	/**
	 * One round trip: statements, record and commit together. On an error the server has
	 * rolled everything back; the statements then run once more, one by one in a
	 * transaction that is rolled back, to find the failing one and its line.
	 */
	private StepResult runPipelined(Connection connection, MigrationStep step, SqlScript script) throws SQLException {
		this.listener.beforeStep(step);
		long start = System.nanoTime();
		try {
			sendPipelined(connection, step, script, true);
		}
		catch (SQLException ex) {
			throw failed(connection, step, locate(connection, step, script, ex),
					"The revision was rolled back and is not recorded as applied.");
		}
		return finished(step, start);
	}

	/**
	 * The revision's timeouts, statements and (unless the run records its revisions at
	 * its end) its record, in one round trip.
	 */
	private void sendPipelined(Connection connection, MigrationStep step, SqlScript script, boolean record)
			throws SQLException {
		List<String> statements = Placeholders.statements(script, step)
			.stream()
			.map((statement) -> this.placeholders.apply(statement, script.source()))
			.toList();
		String text = Pipeline.text(this.timeouts.statements(script, true), statements,
				record ? this.store.recordSql(script, step.direction()) : "");
		if (text.isBlank()) {
			return;
		}
		logger.debug("{}:\n{}", script.source(), text);
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			statement.execute(text);
		}
	}

	private StepFailure locate(Connection connection, MigrationStep step, SqlScript script, SQLException original)
			throws SQLException {
		String state = original.getSQLState();
		boolean connectionLost = state != null && (state.startsWith("08") || state.startsWith("57P"));
		if (connectionLost || connection.isClosed()) {
			// the statements went together: which one the session was in when it ended is
			// unknown
			return new StepFailure(ScriptLocation.at(script.source(), 0), original);
		}
		connection.setAutoCommit(false);
		try {
			this.timeouts.apply(connection, script, true);
			executeSql(connection, script, step);
			return new StepFailure(ScriptLocation.at(script.source(), firstLine(script, step)), original);
		}
		catch (StepFailure located) {
			return located;
		}
		finally {
			rollback(connection);
			restoreAutoCommit(connection);
		}
	}

	private static int firstLine(SqlScript script, MigrationStep step) {
		List<SqlStatement> statements = Placeholders.statements(script, step);
		return statements.isEmpty() ? 0 : statements.get(0).line();
	}

	private StepResult runInOpenTransaction(Connection connection, MigrationStep step, List<MigrationStep> done)
			throws SQLException {
		try {
			if (step.script() instanceof SqlScript script && Pipeline.suits(Placeholders.statements(script, step))) {
				return runPipelinedInOpenTransaction(connection, step, script);
			}
			return execute(connection, step, true, false);
		}
		catch (StepFailure failure) {
			rollback(connection);
			StepFailure located = (failure.location.line() == 0 && step.script() instanceof SqlScript script)
					? replay(connection, done, step, script, failure) : failure;
			restoreAutoCommit(connection);
			throw failed(connection, step, located,
					"The whole run was one transaction (transaction mode 'all'): it was rolled back and nothing is recorded as applied.");
		}
	}

	/**
	 * One round trip per revision inside the run's transaction; a revision's timeouts are
	 * set for it and put back for the next.
	 */
	private StepResult runPipelinedInOpenTransaction(Connection connection, MigrationStep step, SqlScript script) {
		this.listener.beforeStep(step);
		long start = System.nanoTime();
		try {
			sendPipelined(connection, step, script, false);
		}
		catch (SQLException ex) {
			throw new StepFailure(ScriptLocation.at(script.source(), 0), ex);
		}
		return finished(step, start);
	}

	/**
	 * After a failure in one transaction for the whole run, finds the failing statement:
	 * the revisions before it and then its statements run again, one by one, in a
	 * transaction that is rolled back. Keeps the first report when the connection is gone
	 * or the replay differs.
	 */
	private StepFailure replay(Connection connection, List<MigrationStep> done, MigrationStep step, SqlScript script,
			StepFailure failure) throws SQLException {
		String state = ServerErrors.sqlState(failure.getCause());
		if (connection.isClosed() || (state != null && (state.startsWith("08") || state.startsWith("57P")))) {
			return failure;
		}
		this.timeouts.forget();
		try {
			for (MigrationStep previous : done) {
				this.timeouts.apply(connection, previous.script(), true);
				if (previous.script() instanceof SqlScript sql) {
					executeSql(connection, sql, previous);
				}
				else if (previous.script() instanceof JavaScript java) {
					executeJava(connection, java, previous);
				}
			}
		}
		catch (StepFailure differs) {
			rollback(connection);
			return failure;
		}
		try {
			this.timeouts.apply(connection, script, true);
			executeSql(connection, script, step);
			return failure;
		}
		catch (StepFailure located) {
			return located;
		}
		finally {
			rollback(connection);
		}
	}

	private StepResult runOutsideTransaction(Connection connection, MigrationStep step) throws SQLException {
		this.store.markRunning(connection, step.script(), step.direction());
		try {
			return execute(connection, step, false, true);
		}
		catch (StepFailure failure) {
			throw failed(connection, step, failure,
					("The revision runs outside a transaction (transactional: false), so "
							+ "statements before the failing one took effect, and it stays marked as interrupted."));
		}
		finally {
			RevisionTimeouts.reset(connection);
		}
	}

	private StepResult execute(Connection connection, MigrationStep step, boolean inTransaction, boolean record)
			throws SQLException {
		this.listener.beforeStep(step);
		long start = System.nanoTime();
		this.timeouts.apply(connection, step.script(), inTransaction);
		Script script = step.script();
		if (script instanceof SqlScript sql) {
			executeSql(connection, sql, step);
		}
		else if (script instanceof JavaScript java) {
			executeJava(connection, java, step);
		}
		long elapsedMs = (System.nanoTime() - start) / 1_000_000;
		try {
			if (record) {
				this.store.record(connection, script, step.direction(), elapsedMs);
			}
		}
		catch (SQLException ex) {
			throw new StepFailure(ScriptLocation.at(script.source(), 0), ex);
		}
		return finished(step, start);
	}

	private StepResult finished(MigrationStep step, long start) {
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		this.listener.afterStep(step, duration);
		logger.info("{} {} ({}) in {} ms", (step.direction() == Direction.UPGRADE) ? "Applied" : "Reverted",
				step.revision().id(), step.script().source(), duration.toMillis());
		return new StepResult(step, duration);
	}

	private void executeSql(Connection connection, SqlScript script, MigrationStep step) {
		List<SqlStatement> statements = Placeholders.statements(script, step);
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : statements) {
				String text = this.placeholders.apply(sql, script.source());
				logger.debug("{}:{}: {}", script.source(), sql.line(), text);
				try {
					statement.execute(text);
				}
				catch (SQLException ex) {
					throw new StepFailure(ScriptLocation.at(script.source(), ServerErrors.line(sql, ex)), ex);
				}
			}
		}
		catch (SQLException ex) {
			throw new StepFailure(ScriptLocation.at(script.source(), 0), ex);
		}
	}

	private void executeJava(Connection connection, JavaScript script, MigrationStep step) {
		try {
			if (step.direction() == Direction.UPGRADE) {
				script.migration().upgrade(connection);
			}
			else {
				script.migration().downgrade(connection);
			}
		}
		catch (SQLException | RuntimeException ex) {
			throw new StepFailure(ScriptLocation.at(script.source(), 0), ex);
		}
	}

	private MigrationFailedException failed(Connection connection, MigrationStep step, StepFailure failure,
			String outcome) {
		String what = (step.direction() == Direction.UPGRADE) ? "revision '%s' failed"
				: "downgrade of revision '%s' failed";
		String problem = ServerErrors.describe(failure.getCause());
		try {
			if (!connection.isClosed() && connection.getAutoCommit()) {
				setSynchronousCommit(connection, true);
				this.store.recordFailure(connection, step.script(), step.direction(), 0, problem);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not log the failed attempt", ex);
		}
		String message = "%s: %s: %s.".formatted(failure.location, what.formatted(step.revision().id()), problem);
		String hint = outcome + " " + ServerErrors.advice(failure.getCause(), step);
		return new MigrationFailedException(message, hint, step.revision().id().value(), failure.location,
				ServerErrors.sqlState(failure.getCause()), failure.getCause());
	}

	/**
	 * Puts the connection back in auto-commit mode on the way out. A connection that the
	 * server closed (a terminated session, a failover) is left alone, so that the step's
	 * own failure is the one reported.
	 */
	private static void restoreAutoCommit(Connection connection) {
		try {
			if (!connection.isClosed()) {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not restore auto-commit; closing the session discards the connection", ex);
		}
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed; the server rolls back when the session ends", ex);
		}
	}

	/**
	 * A step failed at a location; carries the cause up to where the outcome is known.
	 */
	private static final class StepFailure extends RuntimeException {

		private final ScriptLocation location;

		StepFailure(ScriptLocation location, Throwable cause) {
			super(cause);
			this.location = location;
		}

	}

}
