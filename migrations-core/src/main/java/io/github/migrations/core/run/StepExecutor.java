package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.JavaScript;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.ScriptLocation;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one step's work to the server, in whatever transaction the caller has open: its
 * timeouts, its statements (with placeholders replaced) or its Java code, and its
 * version-store record; tells the listener and logs the step when it is done. A failing
 * statement becomes a {@link StepFailure} at its file and line.
 */
final class StepExecutor {

	private static final Logger logger = LoggerFactory.getLogger(StepExecutor.class);

	private final VersionStore store;

	private final Placeholders placeholders;

	private final MigrationListener listener;

	private final RevisionTimeouts timeouts;

	StepExecutor(VersionStore store, Placeholders placeholders, MigrationListener listener, RevisionTimeouts timeouts) {
		this.store = store;
		this.placeholders = placeholders;
		this.listener = listener;
		this.timeouts = timeouts;
	}

	/**
	 * Runs a step statement by statement, then records it (unless the run records its
	 * revisions at its end).
	 */
	StepResult execute(Connection connection, MigrationStep step, boolean inTransaction, boolean record)
			throws SQLException {
		this.listener.beforeStep(step);
		long start = System.nanoTime();
		this.timeouts.apply(connection, step.script(), inTransaction);
		executeStatements(connection, step);
		long elapsedMs = (System.nanoTime() - start) / 1_000_000;
		try {
			if (record) {
				this.store.record(connection, step.script(), step.direction(), elapsedMs);
			}
		}
		catch (SQLException ex) {
			throw new StepFailure(ScriptLocation.at(step.script().source(), 0), ex);
		}
		return finished(step, start);
	}

	/**
	 * Runs a step in one round trip: its timeouts, its statements and (unless the run
	 * records its revisions at its end) its record, as one multi-statement execution.
	 * @throws SQLException as the driver reports the failure, not yet located
	 */
	StepResult executePipelined(Connection connection, MigrationStep step, SqlScript script, boolean record)
			throws SQLException {
		this.listener.beforeStep(step);
		long start = System.nanoTime();
		List<String> statements = Placeholders.statements(script, step)
			.stream()
			.map((statement) -> this.placeholders.apply(statement, script.source()))
			.toList();
		String text = Pipeline.text(this.timeouts.statements(script, true), statements,
				record ? this.store.recordSql(script, step.direction()) : "");
		if (!text.isBlank()) {
			logger.debug("{}:\n{}", script.source(), text);
			try (Statement statement = connection.createStatement()) {
				statement.setEscapeProcessing(false);
				statement.execute(text);
			}
		}
		return finished(step, start);
	}

	/**
	 * Runs a step's timeouts and statements (or Java code) without recording it or
	 * telling the listener: to run it again and find where it fails.
	 */
	void rerun(Connection connection, MigrationStep step) throws SQLException {
		this.timeouts.apply(connection, step.script(), true);
		executeStatements(connection, step);
	}

	/**
	 * Makes the next {@link #rerun} set every timeout again, after a rollback undid them.
	 */
	void forgetTimeouts() {
		this.timeouts.forget();
	}

	private void executeStatements(Connection connection, MigrationStep step) {
		Script script = step.script();
		if (script instanceof SqlScript sql) {
			executeSql(connection, sql, step);
		}
		else if (script instanceof JavaScript java) {
			executeJava(connection, java, step);
		}
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

	private StepResult finished(MigrationStep step, long start) {
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		this.listener.afterStep(step, duration);
		logger.info("{} {} ({}) in {} ms", (step.direction() == Direction.UPGRADE) ? "Applied" : "Reverted",
				step.revision().id(), step.script().source(), duration.toMillis());
		return new StepResult(step, duration);
	}

}
