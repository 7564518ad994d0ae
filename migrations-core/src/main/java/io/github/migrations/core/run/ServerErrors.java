package io.github.migrations.core.run;

import java.sql.SQLException;

import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads PostgreSQL's error reports: the file line of the error position, the SQLSTATE, a
 * message, and advice that fits the kind of failure.
 */
final class ServerErrors {

	private ServerErrors() {
	}

	/**
	 * The file line of the error: the statement's first line, moved down by the server's
	 * error position when it reports one.
	 */
	static int line(SqlStatement statement, SQLException ex) {
		ServerErrorMessage server = serverMessage(ex);
		if (server != null && server.getPosition() > 0) {
			return statement.lineOf(server.getPosition());
		}
		return statement.line();
	}

	static @Nullable String sqlState(Throwable ex) {
		return (ex instanceof SQLException sql) ? sql.getSQLState() : null;
	}

	static String describe(Throwable ex) {
		ServerErrorMessage server = serverMessage(ex);
		if (server != null) {
			return "%s (SQLSTATE %s)".formatted(server.getMessage(), server.getSQLState());
		}
		if (ex instanceof SQLException sql && sql.getSQLState() != null) {
			return "%s (SQLSTATE %s)".formatted(sql.getMessage(), sql.getSQLState());
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	static String advice(Throwable ex, MigrationStep step) {
		String state = sqlState(ex);
		if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
			return "The connection to the database was lost; run again once it is back.";
		}
		if ("57014".equals(state)) {
			return "The statement ran longer than its statement_timeout: raise it in the revision's header "
					+ "('-- statement_timeout: 10min') or in 'app.migrations.statement-timeout'.";
		}
		if ("55P03".equals(state)) {
			return "The statement waited longer than its lock_timeout for a lock another session holds: "
					+ "retry when the table is less busy, or raise 'lock_timeout'.";
		}
		return "Fix the %s and start again.".formatted(
				step.script() instanceof io.github.migrations.core.script.JavaScript ? "revision's code" : "statement");
	}

	private static @Nullable ServerErrorMessage serverMessage(Throwable ex) {
		return (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
	}

}
