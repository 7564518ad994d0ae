package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.MigratorSettings;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.SqlScript;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A revision's {@code lock_timeout} and {@code statement_timeout}: its header's, else the
 * settings', else the server's. Inside a transaction they are set for that transaction
 * only; when one transaction holds the whole run, a revision's values are put back for
 * the next one.
 */
final class RevisionTimeouts {

	private static final Logger logger = LoggerFactory.getLogger(RevisionTimeouts.class);

	private final @Nullable String lockTimeout;

	private final @Nullable String statementTimeout;

	private boolean setInOpenTransaction;

	RevisionTimeouts(MigratorSettings settings) {
		this.lockTimeout = millis(settings.lockTimeout());
		this.statementTimeout = millis(settings.statementTimeout());
	}

	private static @Nullable String millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() + "ms" : null;
	}

	/**
	 * The statements that set the revision's timeouts for the current transaction (or,
	 * outside one, for the session), and undo the previous revision's in the same
	 * transaction.
	 */
	List<String> statements(Script script, boolean inTransaction) {
		String lock = (script instanceof SqlScript sql && sql.lockTimeout() != null) ? sql.lockTimeout()
				: this.lockTimeout;
		String statement = (script instanceof SqlScript sql && sql.statementTimeout() != null) ? sql.statementTimeout()
				: this.statementTimeout;
		boolean reset = inTransaction && this.setInOpenTransaction;
		List<String> statements = new ArrayList<>();
		add(statements, "lock_timeout", lock, reset, inTransaction);
		add(statements, "statement_timeout", statement, reset, inTransaction);
		this.setInOpenTransaction = inTransaction && (lock != null || statement != null);
		return statements;
	}

	private static void add(List<String> statements, String name, @Nullable String value, boolean reset,
			boolean inTransaction) {
		if (value != null) {
			// set_config(..., true) lasts to the end of the transaction, implicit ones
			// included
			statements.add(inTransaction ? "SELECT set_config('%s', '%s', true)".formatted(name, value)
					: "SET %s TO '%s'".formatted(name, value));
		}
		else if (reset) {
			statements.add("SET LOCAL %s TO DEFAULT".formatted(name));
		}
	}

	void apply(Connection connection, Script script, boolean inTransaction) throws SQLException {
		List<String> statements = statements(script, inTransaction);
		if (statements.isEmpty()) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/**
	 * Starts afresh, as after the run's transaction was rolled back.
	 */
	void forget() {
		this.setInOpenTransaction = false;
	}

	/**
	 * Puts the session's timeouts back after a revision that ran outside a transaction.
	 */
	static void reset(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET lock_timeout");
			statement.execute("RESET statement_timeout");
		}
		catch (SQLException ex) {
			logger.debug("Could not reset timeouts", ex);
		}
	}

}
