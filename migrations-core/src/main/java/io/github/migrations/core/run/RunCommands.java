package io.github.migrations.core.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.database.CompletedRevision;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.JavaRevisionScript;
import io.github.migrations.core.script.Placeholders;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what a run sends: for each step its transaction boundaries,
 * its timeouts, its statements and its version-store writes. The {@link Runner} executes
 * exactly these commands and the {@link ScriptRenderer} prints exactly these commands.
 * <ul>
 * <li>A transactional revision (transaction mode {@code per-revision}): {@code BEGIN},
 * its timeouts with {@code SET LOCAL}, its statements, its record, {@code COMMIT}.</li>
 * <li>A {@code transactional: false} revision: its mark as running, its timeouts with
 * {@code SET}, its statements one by one, {@code RESET} of what it set, its record.</li>
 * <li>Transaction mode {@code all}: one {@code BEGIN}, each revision's timeouts (set, or
 * put back to the session's with {@code SET LOCAL ... TO DEFAULT}) and statements, the
 * records of every revision, one {@code COMMIT}.</li>
 * </ul>
 * A revision's timeouts are its header's, else the settings', else (for the lock timeout
 * of a transactional revision in its own transaction)
 * {@link MigratorSettings#DEFAULT_LOCK_TIMEOUT}, else the server's.
 */
final class RunCommands {

	private final VersionStore store;

	private final Placeholders placeholders;

	private final boolean oneTransaction;

	private final @Nullable String lockTimeout;

	private final @Nullable String statementTimeout;

	RunCommands(MigratorSettings settings, VersionStore store) {
		this.store = store;
		this.placeholders = new Placeholders(settings.placeholders());
		this.oneTransaction = settings.transactionMode() == TransactionMode.ALL;
		this.lockTimeout = millis(settings.lockTimeout());
		this.statementTimeout = millis(settings.statementTimeout());
	}

	/**
	 * A transactional revision run in its own transaction can be run again when it times
	 * out waiting for a lock, so it gets a short {@code lock_timeout} by default; others
	 * keep the server's: a {@code transactional: false} revision cannot be run again (a
	 * {@code CREATE INDEX CONCURRENTLY} waits for every older transaction and leaves an
	 * invalid index when it times out), nor can one part of a run that is one
	 * transaction.
	 */
	private @Nullable String defaultLockTimeout(Script script) {
		return (script.transactional() && !this.oneTransaction) ? millis(MigratorSettings.DEFAULT_LOCK_TIMEOUT) : null;
	}

	private static @Nullable String millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() + "ms" : null;
	}

	/**
	 * Whether the whole plan is one transaction (transaction mode {@code all}).
	 */
	boolean oneTransaction() {
		return this.oneTransaction;
	}

	/**
	 * The commands of every step of a plan, in order.
	 */
	List<List<Command>> steps(MigrationPlan plan) {
		List<List<Command>> steps = new ArrayList<>();
		Timeouts inEffect = Timeouts.NONE;
		for (MigrationStep step : plan.steps()) {
			steps.add(this.oneTransaction ? inRunTransaction(step, inEffect) : step(step));
			inEffect = timeouts(step.script());
		}
		return steps;
	}

	private List<Command> step(MigrationStep step) {
		List<Command> commands = new ArrayList<>();
		Script script = step.script();
		Timeouts timeouts = timeouts(script);
		if (script.transactional()) {
			commands.add(new Command.Begin());
			timeouts.set(commands, "SET LOCAL");
			work(commands, step);
			commands.add(new Command.Own(this.store.recordSql(script, step.direction(), true),
					"recording the revision in " + this.store.describe()));
			commands.add(new Command.Commit());
			return commands;
		}
		commands.add(new Command.Own(this.store.markRunningSql(script, step.direction()),
				"marking the revision as running in " + this.store.describe()));
		timeouts.set(commands, "SET");
		work(commands, step);
		timeouts.reset(commands);
		commands.add(new Command.Own(this.store.recordSql(script, step.direction(), false),
				"recording the revision in " + this.store.describe()));
		return commands;
	}

	private List<Command> inRunTransaction(MigrationStep step, Timeouts inEffect) {
		List<Command> commands = new ArrayList<>();
		timeouts(step.script()).change(commands, inEffect);
		work(commands, step);
		return commands;
	}

	/**
	 * What opens a run that is one transaction.
	 */
	List<Command> opening() {
		return this.oneTransaction ? List.of(new Command.Begin()) : List.of();
	}

	/**
	 * What closes a run that is one transaction: the records of its revisions, then the
	 * commit.
	 */
	List<Command> closing(Direction direction, List<CompletedRevision> completed) {
		if (!this.oneTransaction || completed.isEmpty()) {
			return List.of();
		}
		List<Command> commands = new ArrayList<>();
		for (String sql : this.store.recordAllSql(direction, completed)) {
			commands.add(new Command.Own(sql, "recording the run's revisions in " + this.store.describe()));
		}
		commands.add(new Command.Commit());
		return commands;
	}

	private void work(List<Command> commands, MigrationStep step) {
		if (step.script() instanceof SqlScript sql) {
			for (SqlStatement statement : sql.statements(step.direction())) {
				commands.add(new Command.Statement(this.placeholders.apply(statement, sql.source()), statement));
			}
		}
		else if (step.script() instanceof JavaRevisionScript java) {
			commands.add(new Command.Java(java, step.direction()));
		}
	}

	private Timeouts timeouts(Script script) {
		SqlScript sql = (script instanceof SqlScript s) ? s : null;
		String lock = (sql != null && sql.lockTimeout() != null) ? sql.lockTimeout()
				: (this.lockTimeout != null) ? this.lockTimeout : defaultLockTimeout(script);
		String statement = (sql != null && sql.statementTimeout() != null) ? sql.statementTimeout()
				: this.statementTimeout;
		return new Timeouts(lock, statement);
	}

	/**
	 * A revision's {@code lock_timeout} and {@code statement_timeout}; {@code null}
	 * leaves the session's.
	 */
	private record Timeouts(@Nullable String lock, @Nullable String statement) {

		static final Timeouts NONE = new Timeouts(null, null);

		void set(List<Command> commands, String verb) {
			set(commands, verb, "lock_timeout", this.lock);
			set(commands, verb, "statement_timeout", this.statement);
		}

		void reset(List<Command> commands) {
			if (this.lock != null) {
				commands.add(new Command.Own("RESET lock_timeout", "resetting lock_timeout"));
			}
			if (this.statement != null) {
				commands.add(new Command.Own("RESET statement_timeout", "resetting statement_timeout"));
			}
		}

		/**
		 * Inside the run's one transaction: sets what differs from the previous
		 * revision's, and puts back the session's value where this one has none.
		 */
		void change(List<Command> commands, Timeouts previous) {
			change(commands, "lock_timeout", this.lock, previous.lock);
			change(commands, "statement_timeout", this.statement, previous.statement);
		}

		private static void change(List<Command> commands, String name, @Nullable String value,
				@Nullable String previous) {
			if (value != null && !value.equals(previous)) {
				set(commands, "SET LOCAL", name, value);
			}
			else if (value == null && previous != null) {
				commands.add(new Command.Own("SET LOCAL %s TO DEFAULT".formatted(name), "resetting " + name));
			}
		}

		private static void set(List<Command> commands, String verb, String name, @Nullable String value) {
			if (value != null) {
				commands.add(new Command.Own("%s %s = '%s'".formatted(verb, name, value.replace("'", "''")),
						"setting %s to '%s'".formatted(name, value)));
			}
		}

	}

}
