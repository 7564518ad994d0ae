package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.CompletedRevision;
import io.github.migrations.core.database.Pipeline;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.script.StatementClassifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a plan's {@link RunCommands} on the session, each command exactly once: a
 * failing statement is reported from that one execution (its {@code file:line}, SQLSTATE
 * and message), the open transaction is rolled back, and nothing runs again.
 * <p>
 * Two things only a run does, which change no result: the listener hears of each step,
 * and in a run of several revisions each commit but the last skips its wait for the WAL
 * flush ({@code synchronous_commit}): the last one flushes every earlier one, since the
 * WAL is written in order, so a server crash can lose only whole revisions at the end,
 * each with its record, and a run that reports success is durable.
 */
public final class Runner {

	private static final Logger logger = LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	private static final int FETCH_SIZE = 1000;

	/** The SQLSTATE of a lock not granted within {@code lock_timeout}. */
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private final RunCommands commands;

	private final FailureReport failures;

	private final MigrationListener listener;

	private final int lockRetries;

	public Runner(MigratorSettings settings, VersionStore store, MigrationListener listener) {
		this.commands = new RunCommands(settings, store);
		this.lockRetries = settings.lockRetries();
		this.failures = new FailureReport(store);
		this.listener = listener;
	}

	public List<StepResult> run(Connection connection, MigrationPlan plan) throws SQLException {
		List<MigrationStep> steps = plan.steps();
		List<List<Command>> stepCommands = this.commands.steps(plan);
		List<StepResult> results = new ArrayList<>();
		List<CompletedRevision> completed = new ArrayList<>();
		boolean deferFlushes = !this.commands.oneTransaction() && steps.size() > 1;
		long runStart = System.nanoTime();
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			statement.setFetchSize(FETCH_SIZE);
			if (deferFlushes) {
				statement.execute("SET synchronous_commit TO off");
			}
			MigrationStep first = steps.isEmpty() ? null : steps.get(0);
			execute(connection, statement, first, this.commands.opening(), null);
			for (int i = 0; i < steps.size(); i++) {
				MigrationStep step = steps.get(i);
				if (deferFlushes && i == steps.size() - 1) {
					statement.execute("RESET synchronous_commit");
				}
				this.listener.beforeStep(step);
				long start = System.nanoTime();
				runStep(connection, statement, step, stepCommands.get(i), lastApplied(results));
				Duration duration = Duration.ofNanos(System.nanoTime() - start);
				completed.add(new CompletedRevision(step.script(), duration.toMillis(),
						(System.nanoTime() - runStart) / 1_000));
				results.add(finished(step, duration));
			}
			if (first != null) {
				execute(connection, statement, steps.get(steps.size() - 1),
						this.commands.closing(plan.direction(), completed), null);
			}
		}
		finally {
			restore(connection, deferFlushes);
		}
		return results;
	}

	/**
	 * Runs a step's commands; a transactional revision in its own transaction that failed
	 * waiting for a lock (SQLSTATE 55P03) has been rolled back, and is run again after a
	 * wait that doubles from one second, up to the settings' retries.
	 */
	private void runStep(Connection connection, Statement statement, MigrationStep step, List<Command> commands,
			@Nullable RevisionId lastApplied) throws SQLException {
		long start = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				execute(connection, statement, step, commands, lastApplied);
				return;
			}
			catch (MigrationFailedException ex) {
				boolean lockTimeout = LOCK_NOT_AVAILABLE.equals(ex.sqlState()) && step.script().transactional()
						&& !this.commands.oneTransaction();
				if (!lockTimeout || this.lockRetries == 0) {
					throw ex;
				}
				if (attempt > this.lockRetries) {
					throw new MigrationFailedException(ex.problem(),
							"%s It was run %d times over %d s, each time rolled back when its lock_timeout ran out."
								.formatted(Objects.requireNonNullElse(ex.hint(), ""), attempt,
										Duration.ofNanos(System.nanoTime() - start).toSeconds()),
							ex.revision(), ex.location(), ex.sqlState(), ex.getCause());
				}
				Duration wait = Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
				logger.warn(
						"Revision '{}' waited longer than its lock_timeout for a lock ({}); it was rolled back and "
								+ "runs again in {} s (retry {} of {})",
						step.revision().id(), ex.location(), wait.toSeconds(), attempt, this.lockRetries);
				pause(wait, ex);
			}
		}
	}

	private static void pause(Duration wait, MigrationFailedException failure) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure;
		}
	}

	private void execute(Connection connection, Statement statement, @Nullable MigrationStep step,
			List<Command> commands, @Nullable RevisionId lastApplied) throws SQLException {
		if (commands.isEmpty()) {
			return;
		}
		if (step == null) {
			throw new IllegalStateException("Commands of a run with no step: " + commands);
		}
		Pipeline pipeline = Pipeline.on(connection);
		int i = 0;
		while (i < commands.size()) {
			int end = (pipeline != null) ? endOfPipeline(connection, commands, i) : i;
			if (end > i) {
				pipeline(connection, pipeline, step, commands.subList(i, end), lastApplied);
				i = end;
				continue;
			}
			Command command = commands.get(i++);
			try {
				execute(connection, statement, step, command);
			}
			catch (SQLException | RuntimeException ex) {
				throw failed(connection, step, command, ex, lastApplied);
			}
		}
	}

	/**
	 * Where a pipeline that starts at {@code from} ends: inside a transaction, after the
	 * last of the commands that follow which return no rows, or after the commit that
	 * ends the transaction; outside one, after the one command, as each statement is its
	 * own transaction. {@code from} when that command cannot be pipelined.
	 */
	private static int endOfPipeline(Connection connection, List<Command> commands, int from) throws SQLException {
		boolean inTransaction = !connection.getAutoCommit();
		int end = from;
		while (end < commands.size() && pipelined(commands.get(end))) {
			end++;
			if (!inTransaction || commands.get(end - 1) instanceof Command.Commit) {
				break;
			}
		}
		return end;
	}

	/**
	 * Whether a command can go in a pipeline: SQL that returns no rows. A query runs on
	 * its own, so that its rows are read a page at a time.
	 */
	private static boolean pipelined(Command command) {
		if (command instanceof Command.Statement sql) {
			return StatementClassifier.returnsNoRows(sql.sql());
		}
		return command instanceof Command.Own || command instanceof Command.Commit;
	}

	/**
	 * Sends commands in one round trip. A failure is reported against the command that
	 * failed; the ones before it completed and the ones after it never ran.
	 */
	private void pipeline(Connection connection, Pipeline pipeline, MigrationStep step, List<Command> commands,
			@Nullable RevisionId lastApplied) throws SQLException {
		List<String> sql = new ArrayList<>(commands.size());
		for (Command command : commands) {
			sql.add(sql(step, command));
		}
		try {
			pipeline.execute(sql, Runner::notice);
		}
		catch (Pipeline.Failure failure) {
			throw failed(connection, step, commands.get(Math.min(failure.index(), commands.size() - 1)),
					failure.error(), lastApplied);
		}
		if (commands.get(commands.size() - 1) instanceof Command.Commit) {
			// the server has committed: this only tells the driver
			connection.setAutoCommit(true);
		}
	}

	private static String sql(MigrationStep step, Command command) {
		if (command instanceof Command.Statement statement) {
			logStatement(step, statement);
			return statement.sql();
		}
		if (command instanceof Command.Own own) {
			return own.sql();
		}
		if (command instanceof Command.Commit) {
			return "COMMIT";
		}
		throw new IllegalArgumentException("Not SQL: " + command);
	}

	private static void logStatement(MigrationStep step, Command.Statement sql) {
		if (logger.isDebugEnabled()) {
			// a statement may set a password ('ALTER ROLE app PASSWORD ...')
			logger.debug("{}:{}: {}", step.script().source(), sql.statement().line(), Secrets.mask(sql.sql()));
		}
	}

	private static void notice(SQLWarning warning) {
		if (logger.isDebugEnabled()) {
			logger.debug("Server notice: {}", Secrets.maskNullable(warning.getMessage()));
		}
	}

	private void execute(Connection connection, Statement statement, MigrationStep step, Command command)
			throws SQLException {
		if (command instanceof Command.Statement sql) {
			logStatement(step, sql);
			// outside a transaction the driver holds every row of a query: one in its own
			// transaction, as alone it is anyway, is read a page at a time
			boolean ownTransaction = connection.getAutoCommit() && StatementClassifier.isQuery(sql.sql());
			if (ownTransaction) {
				connection.setAutoCommit(false);
			}
			statement.execute(sql.sql());
			drain(statement);
			if (ownTransaction) {
				connection.commit();
				connection.setAutoCommit(true);
			}
		}
		else if (command instanceof Command.Own own) {
			statement.execute(own.sql());
		}
		else if (command instanceof Command.Begin) {
			connection.setAutoCommit(false);
		}
		else if (command instanceof Command.Commit) {
			connection.commit();
			connection.setAutoCommit(true);
		}
		else if (command instanceof Command.Java java) {
			if (java.direction() == Direction.UPGRADE) {
				java.script().migration().upgrade(connection);
			}
			else {
				java.script().migration().downgrade(connection);
			}
		}
	}

	/**
	 * Reads a statement's results to their end, a page at a time inside a transaction, so
	 * that a {@code SELECT} runs to completion without holding its rows; logs the
	 * server's notices and lets them go.
	 */
	private static void drain(Statement statement) throws SQLException {
		while (true) {
			ResultSet rows = statement.getResultSet();
			if (rows != null) {
				try (rows) {
					long read = 0;
					while (rows.next()) {
						// read and dropped; notices raised while fetching, let go page by
						// page
						if (++read % FETCH_SIZE == 0) {
							letGo(rows.getWarnings());
							rows.clearWarnings();
						}
					}
					letGo(rows.getWarnings());
				}
			}
			else if (statement.getUpdateCount() == -1) {
				break;
			}
			statement.getMoreResults();
		}
		letGo(statement.getWarnings());
		statement.clearWarnings();
	}

	private static void letGo(@Nullable SQLWarning warnings) {
		for (SQLWarning warning = warnings; warning != null; warning = warning.getNextWarning()) {
			notice(warning);
		}
	}

	private MigrationFailedException failed(Connection connection, MigrationStep step, Command command, Throwable ex,
			@Nullable RevisionId lastApplied) {
		rollback(connection);
		flushCommits(connection);
		String outcome;
		if (this.commands.oneTransaction()) {
			outcome = "The whole run was one transaction (transaction mode 'all'): it was rolled back and nothing is "
					+ "recorded as applied.";
		}
		else if (step.script().transactional()) {
			outcome = "The revision was rolled back and is not recorded as applied.";
		}
		else {
			resetTimeouts(connection);
			outcome = "The revision runs outside a transaction (transactional: false), so statements before the "
					+ "failing one took effect, and it stays marked as interrupted.";
		}
		return this.failures.failed(connection, step, command, ex, outcome,
				this.commands.oneTransaction() ? null : lastApplied);
	}

	private static @Nullable RevisionId lastApplied(List<StepResult> results) {
		return results.isEmpty() ? null : results.get(results.size() - 1).step().revision().id();
	}

	private static void rollback(Connection connection) {
		try {
			if (!connection.isClosed() && !connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed; the server rolls back when the session ends", ex);
		}
	}

	private static void resetTimeouts(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET lock_timeout");
			statement.execute("RESET statement_timeout");
		}
		catch (SQLException ex) {
			logger.debug("Could not reset the timeouts; closing the session discards them", ex);
		}
	}

	private static void restore(Connection connection, boolean deferFlushes) {
		rollback(connection);
		if (deferFlushes) {
			flushCommits(connection);
		}
	}

	/**
	 * Makes the next commit wait for its WAL flush again, which flushes the earlier ones.
	 */
	private static void flushCommits(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET synchronous_commit");
		}
		catch (SQLException ex) {
			logger.debug("Could not reset synchronous_commit", ex);
		}
	}

	private StepResult finished(MigrationStep step, Duration duration) {
		this.listener.afterStep(step, duration);
		logger.info("{} {} ({}) in {} ms", (step.direction() == Direction.UPGRADE) ? "Applied" : "Reverted",
				step.revision().id(), step.script().source(), duration.toMillis());
		return new StepResult(step, duration);
	}

}
