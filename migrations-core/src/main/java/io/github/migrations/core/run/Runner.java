package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.database.CompletedRevision;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a plan's {@link RunCommands} on the session through a {@link CommandSender},
 * each command exactly once: a failing statement is reported from that one execution (its
 * {@code file:line}, SQLSTATE and message) and the open transaction is rolled back. A
 * transactional revision in its own transaction that gave way on its {@code lock_timeout}
 * is run again, whole, after a pause that doubles from one second; its error names who
 * held the lock ({@link FailureReport}).
 * <p>
 * Three things only a run does, which change no result: the listener hears of each step;
 * a step that runs long is looked at from a second connection, to tell who it waits for
 * ({@link LockWaitWatch}); and in a run of several revisions each commit but the last
 * skips its wait for the WAL flush ({@code synchronous_commit}): the last one flushes
 * every earlier one, since the WAL is written in order, so a server crash can lose only
 * whole revisions at the end, each with its record, and a run that reports success is
 * durable.
 */
public final class Runner {

	private static final Logger logger = LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	private final RunCommands commands;

	private final FailureReport failures;

	private final MigrationListener listener;

	private final int lockRetries;

	private final Supplier<Connection> watchers;

	/**
	 * @param watchers opens a second connection, from which a step that runs long is
	 * looked at to tell who it waits for ({@link LockWaitWatch})
	 */
	public Runner(MigratorSettings settings, VersionStore store, MigrationListener listener,
			Supplier<Connection> watchers) {
		this.watchers = watchers;
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
		try (CommandSender sender = new CommandSender(connection);
				LockWaitWatch watch = new LockWaitWatch(this.watchers, LockWaitWatch.backend(connection))) {
			if (deferFlushes) {
				sender.send("SET synchronous_commit TO off");
			}
			MigrationStep first = steps.isEmpty() ? null : steps.get(0);
			send(connection, sender, first, this.commands.opening(), null);
			for (int i = 0; i < steps.size(); i++) {
				MigrationStep step = steps.get(i);
				if (deferFlushes && i == steps.size() - 1) {
					sender.send("RESET synchronous_commit");
				}
				this.listener.beforeStep(step);
				long start = System.nanoTime();
				try (LockWaitWatch.Watching watching = watch.watch(step)) {
					runStep(connection, sender, step, stepCommands.get(i), lastApplied(results));
				}
				Duration duration = Duration.ofNanos(System.nanoTime() - start);
				completed.add(new CompletedRevision(step.script(), duration.toMillis(),
						(System.nanoTime() - runStart) / 1_000));
				results.add(finished(step, duration));
			}
			if (first != null) {
				send(connection, sender, steps.get(steps.size() - 1),
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
	private void runStep(Connection connection, CommandSender sender, MigrationStep step, List<Command> commands,
			@Nullable RevisionId lastApplied) {
		long start = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			try {
				send(connection, sender, step, commands, lastApplied);
				return;
			}
			catch (MigrationFailedException ex) {
				boolean lockTimeout = FailureReport.LOCK_NOT_AVAILABLE.equals(ex.sqlState())
						&& step.script().transactional() && !this.commands.oneTransaction();
				if (!lockTimeout || this.lockRetries == 0) {
					throw ex;
				}
				if (attempt > this.lockRetries) {
					throw new MigrationFailedException(ex.problem(),
							"%s It was run %d times over %d s, each time rolled back when its lock_timeout ran out."
								.formatted(Objects.requireNonNullElse(ex.hint(), ""), attempt,
										Duration.ofNanos(System.nanoTime() - start).toSeconds()),
							ex.revision(), ex.location(), ex.sqlState(), ex.lockHolders(), ex.getCause());
				}
				Duration wait = Duration.ofSeconds(1L << Math.min(attempt - 1, 5));
				logger.warn(
						"Revision '{}' waited longer than its lock_timeout for a lock ({}){}. It was rolled back and "
								+ "runs again in {} s (retry {} of {})",
						step.revision().id(), ex.location(),
						ex.lockHolders().isEmpty() ? "" : ": " + String.join("; ", ex.lockHolders()), wait.toSeconds(),
						attempt, this.lockRetries);
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

	/**
	 * Sends commands; a failure rolls back what is open and becomes the error an operator
	 * reads.
	 */
	private void send(Connection connection, CommandSender sender, @Nullable MigrationStep step, List<Command> commands,
			@Nullable RevisionId lastApplied) {
		if (commands.isEmpty()) {
			return;
		}
		if (step == null) {
			throw new IllegalStateException("Commands of a run with no step: " + commands);
		}
		long sent = System.nanoTime();
		try {
			sender.send(step, commands);
		}
		catch (CommandSender.Failed failure) {
			throw failed(connection, step, commands, failure.command(), failure.getCause(), lastApplied,
					Duration.ofNanos(System.nanoTime() - sent));
		}
	}

	private MigrationFailedException failed(Connection connection, MigrationStep step, List<Command> commands,
			Command command, Throwable ex, @Nullable RevisionId lastApplied, Duration running) {
		rollback(connection);
		flushCommits(connection);
		boolean upgrade = step.direction() == Direction.UPGRADE;
		String outcome;
		if (this.commands.oneTransaction()) {
			outcome = "The whole run was one transaction (transaction mode 'all'): "
					+ (upgrade ? "it was rolled back and nothing is recorded as applied."
							: "it was rolled back, and every revision it was to downgrade is still applied.");
		}
		else if (step.script().transactional()) {
			outcome = upgrade ? "The revision was rolled back and is not recorded as applied."
					: "The downgrade was rolled back: revision '%s' is still applied.".formatted(step.revision().id());
		}
		else {
			resetTimeouts(connection);
			MigrationFailedException.Interrupted interrupted = interrupted(step, commands, command);
			if (interrupted.ran().isEmpty() && this.failures.forgetIfNothingTookEffect(connection, step, command, ex)) {
				return this.failures.failed(connection, step, command, ex,
						"The revision runs outside a transaction (transactional: false); its first statement failed "
								+ "without taking effect, so it is not recorded as applied.",
						lastApplied, running, null);
			}
			outcome = "The revision runs outside a transaction (transactional: false), so %s, and it is marked as "
				.formatted(interrupted.ran().isEmpty() ? "no statement ran before the failing one"
						: "the statements before the failing one took effect and stay (line%s %s)".formatted(
								(interrupted.ran().size() == 1) ? "" : "s",
								String.join(", ",
										interrupted.ran().stream().map((at) -> String.valueOf(at.line())).toList())))
					+ "interrupted: no run starts until a stamp records its outcome.";
			return this.failures.failed(connection, step, command, ex, outcome, lastApplied, running, interrupted);
		}
		return this.failures.failed(connection, step, command, ex, outcome,
				this.commands.oneTransaction() ? null : lastApplied, running, null);
	}

	/**
	 * What a failure outside a transaction left: the statements sent before the failing
	 * command (each on its own, so each took effect), and the stamps that record the
	 * outcome.
	 */
	private static MigrationFailedException.Interrupted interrupted(MigrationStep step, List<Command> commands,
			Command failed) {
		List<ScriptLocation> ran = new ArrayList<>();
		for (Command command : commands) {
			if (command == failed) {
				break;
			}
			if (command instanceof Command.Statement statement) {
				ran.add(ScriptLocation.at(step.script().source(), statement.statement().line()));
			}
		}
		List<String> itself = List.of(step.revision().id().value());
		List<String> below = step.revision().downRevisions().isEmpty() ? List.of("base")
				: step.revision().downRevisions().stream().map(RevisionId::value).toList();
		return (step.direction() == Direction.UPGRADE) ? new MigrationFailedException.Interrupted(ran, itself, below)
				: new MigrationFailedException.Interrupted(ran, below, itself);
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
