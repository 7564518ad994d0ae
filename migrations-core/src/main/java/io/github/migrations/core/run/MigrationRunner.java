package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.MigrationException;
import io.github.migrations.core.MigratorSettings;
import io.github.migrations.core.TransactionMode;
import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.SqlScript;

/**
 * Runs a plan on one connection: by default each step in its own transaction together
 * with its version-store writes; with {@link TransactionMode#ALL} the whole plan in one
 * transaction ({@link OneTransactionRun}); a {@code transactional: false} revision
 * outside any transaction, marked as running while it runs.
 */
public final class MigrationRunner {

	private static final String ROLLED_BACK = "The revision was rolled back and is not recorded as applied.";

	private final VersionStore store;

	private final MigratorSettings settings;

	private final Placeholders placeholders;

	private final StepExecutor executor;

	private final StepFailures failures;

	public MigrationRunner(VersionStore store, MigratorSettings settings, MigrationListener listener) {
		this.store = store;
		this.settings = settings;
		this.placeholders = new Placeholders(settings.placeholders());
		this.executor = new StepExecutor(store, this.placeholders, listener, new RevisionTimeouts(settings));
		this.failures = new StepFailures(store, this.executor);
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
		if (this.settings.transactionMode() == TransactionMode.ALL) {
			return new OneTransactionRun(this.store, this.executor, this.failures).run(connection, plan);
		}
		List<StepResult> results = new ArrayList<>();
		List<MigrationStep> steps = plan.steps();
		boolean deferFlushes = steps.size() > 1;
		if (deferFlushes) {
			Transactions.setSynchronousCommit(connection, false);
		}
		connection.setAutoCommit(true);
		try {
			for (int i = 0; i < steps.size(); i++) {
				if (deferFlushes && i == steps.size() - 1) {
					Transactions.setSynchronousCommit(connection, true);
				}
				results.add(runStep(connection, steps.get(i)));
			}
		}
		finally {
			Transactions.restoreAutoCommit(connection);
			if (deferFlushes) {
				Transactions.setSynchronousCommit(connection, true);
			}
		}
		return results;
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
			StepResult result = this.executor.execute(connection, step, true, true);
			connection.commit();
			return result;
		}
		catch (StepFailure failure) {
			Transactions.rollback(connection);
			Transactions.restoreAutoCommit(connection);
			throw this.failures.failed(connection, step, failure, ROLLED_BACK);
		}
		finally {
			Transactions.restoreAutoCommit(connection);
		}
	}

	/**
	 * One round trip: statements, record and commit together, as PostgreSQL runs a
	 * multi-statement execution in one implicit transaction.
	 */
	private StepResult runPipelined(Connection connection, MigrationStep step, SqlScript script) throws SQLException {
		try {
			return this.executor.executePipelined(connection, step, script, true);
		}
		catch (SQLException ex) {
			throw this.failures.failed(connection, step, this.failures.locate(connection, step, script, ex),
					ROLLED_BACK);
		}
	}

	private StepResult runOutsideTransaction(Connection connection, MigrationStep step) throws SQLException {
		this.store.markRunning(connection, step.script(), step.direction());
		try {
			return this.executor.execute(connection, step, false, true);
		}
		catch (StepFailure failure) {
			throw this.failures.failed(connection, step, failure,
					("The revision runs outside a transaction (transactional: false), so "
							+ "statements before the failing one took effect, and it stays marked as interrupted."));
		}
		finally {
			RevisionTimeouts.reset(connection);
		}
	}

}
