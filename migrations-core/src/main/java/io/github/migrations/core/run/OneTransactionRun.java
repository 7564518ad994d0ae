package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.TransactionMode;
import io.github.migrations.core.history.CompletedRevision;
import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.ScriptLocation;
import io.github.migrations.core.script.SqlScript;

/**
 * Runs a whole plan in one transaction ({@link TransactionMode#ALL}), as {@code psql -1}
 * would: each revision in one round trip where it can, the revisions recorded together
 * just before the commit, and on a failure everything rolled back and nothing recorded.
 */
final class OneTransactionRun {

	private static final String ROLLED_BACK = "The whole run was one transaction (transaction mode 'all'): "
			+ "it was rolled back and nothing is recorded as applied.";

	private final VersionStore store;

	private final StepExecutor executor;

	private final StepFailures failures;

	OneTransactionRun(VersionStore store, StepExecutor executor, StepFailures failures) {
		this.store = store;
		this.executor = executor;
		this.failures = failures;
	}

	List<StepResult> run(Connection connection, MigrationPlan plan) throws SQLException {
		List<StepResult> results = new ArrayList<>();
		List<CompletedRevision> completed = new ArrayList<>();
		connection.setAutoCommit(false);
		long start = System.nanoTime();
		try {
			List<MigrationStep> steps = plan.steps();
			for (int i = 0; i < steps.size(); i++) {
				MigrationStep step = steps.get(i);
				StepResult result = run(connection, step, steps.subList(0, i));
				results.add(result);
				completed.add(new CompletedRevision(step.script(), result.duration().toMillis(),
						(System.nanoTime() - start) / 1_000));
			}
			recordAndCommit(connection, plan, completed);
		}
		finally {
			Transactions.restoreAutoCommit(connection);
		}
		return results;
	}

	private StepResult run(Connection connection, MigrationStep step, List<MigrationStep> done) throws SQLException {
		try {
			if (step.script() instanceof SqlScript script && Pipeline.suits(Placeholders.statements(script, step))) {
				return runPipelined(connection, step, script);
			}
			return this.executor.execute(connection, step, true, false);
		}
		catch (StepFailure failure) {
			Transactions.rollback(connection);
			StepFailure located = (failure.location().line() == 0 && step.script() instanceof SqlScript)
					? this.failures.replay(connection, done, step, failure) : failure;
			Transactions.restoreAutoCommit(connection);
			throw this.failures.failed(connection, step, located, ROLLED_BACK);
		}
	}

	/**
	 * One round trip per revision inside the run's transaction; a revision's timeouts are
	 * set for it and put back for the next.
	 */
	private StepResult runPipelined(Connection connection, MigrationStep step, SqlScript script) {
		try {
			return this.executor.executePipelined(connection, step, script, false);
		}
		catch (SQLException ex) {
			throw new StepFailure(ScriptLocation.at(script.source(), 0), ex);
		}
	}

	/**
	 * Records the run's revisions together, then commits: written one by one between the
	 * revisions' statements, the records would slow the whole transaction down.
	 */
	private void recordAndCommit(Connection connection, MigrationPlan plan, List<CompletedRevision> completed)
			throws SQLException {
		try {
			this.store.recordAll(connection, plan.direction(), completed);
		}
		catch (SQLException ex) {
			Transactions.rollback(connection);
			Transactions.restoreAutoCommit(connection);
			MigrationStep last = plan.steps().get(plan.steps().size() - 1);
			throw this.failures.failed(connection, last,
					new StepFailure(ScriptLocation.at(last.script().source(), 0), ex),
					"Recording the run in " + this.store.describe() + " failed, so the whole run (one transaction, "
							+ "transaction mode 'all') was rolled back and nothing is recorded as applied.");
		}
		connection.commit();
	}

}
