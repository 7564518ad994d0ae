package io.github.migrations.core.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.InvalidIndexes;
import io.github.migrations.core.database.LockHolders;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.lint.Leftovers;
import io.github.migrations.core.lint.RevisionLocks;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.script.JavaRevisionScript;
import io.github.migrations.core.script.SqlStatement;
import io.github.migrations.core.script.StatementClassifier;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the one failed execution of a command into the error an operator reads: what
 * failed (the server's message and SQLSTATE), where ({@code file:line}, from the
 * statement's first line and the server's error position), what became of the database,
 * and what to do. Logs the failed attempt in the version store when the session still
 * can. Nothing is executed again to find where it failed.
 */
final class FailureReport {

	private static final Logger logger = LoggerFactory.getLogger(FailureReport.class);

	/** The SQLSTATE of a lock not granted within {@code lock_timeout}. */
	static final String LOCK_NOT_AVAILABLE = "55P03";

	/**
	 * The SQLSTATEs of creating what exists already: a table or view, a function, a
	 * column, a schema, a database, a constraint, index, type or other object.
	 */
	private static final Set<String> DUPLICATE_OBJECT = Set.of("42P07", "42723", "42701", "42P06", "42P04", "42710");

	private final VersionStore store;

	FailureReport(VersionStore store) {
		this.store = store;
	}

	/**
	 * Where a command failed: the file line of the server's error position inside a
	 * revision's statement, else the revision's file.
	 */
	static ScriptLocation location(MigrationStep step, Command command, Throwable ex) {
		String source = step.script().source();
		if (command instanceof Command.Statement statement) {
			ServerErrorMessage server = serverMessage(ex);
			int line = (server != null && server.getPosition() > 0) ? statement.statement().lineOf(server.getPosition())
					: statement.statement().line();
			return ScriptLocation.at(source, line);
		}
		return ScriptLocation.at(source, 0);
	}

	/**
	 * Whether the error ended the session (a lost connection, an administrator's
	 * termination, a server shutdown): nothing more can run on it, and the migration lock
	 * it held is gone with it.
	 */
	static boolean endedSession(Throwable ex, Connection connection) {
		String state = sqlState(ex);
		if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
			return true;
		}
		try {
			return connection.isClosed();
		}
		catch (SQLException closed) {
			return true;
		}
	}

	/**
	 * The error for a failed step, after logging the attempt.
	 * @param command the command that failed
	 * @param outcome what became of the step's work
	 * @param lastApplied the last revision this run committed, or {@code null}
	 * @param interrupted for a revision outside a transaction, what the failure left
	 */
	MigrationFailedException failed(Connection connection, MigrationStep step, Command command, Throwable ex,
			String outcome, @Nullable RevisionId lastApplied, Duration running,
			MigrationFailedException.@Nullable Interrupted interrupted) {
		String problem = describe(ex);
		if (command instanceof Command.Own own) {
			problem = problem + " while " + own.what();
		}
		else if (command instanceof Command.Commit) {
			// a deferred constraint is checked at the commit
			problem = problem + " while committing";
		}
		else if (command instanceof Command.Java java) {
			String frame = codeFrame(ex, java.script().migration().getClass());
			if (frame != null) {
				problem = problem + " (at " + frame + ")";
			}
		}
		boolean ended = endedSession(ex, connection);
		if (!ended) {
			logAttempt(connection, step, problem);
		}
		// told to the operator, not kept in the log table: another session's query may
		// hold its data
		List<LockHolders.Holder> holders = ended ? List.of() : lockHolders(connection, command, ex, running);
		List<String> described = holders.stream().map(LockHolders.Holder::description).toList();
		if (!holders.isEmpty()) {
			problem = problem + "; " + String.join("; ", described);
		}
		ScriptLocation location = location(step, command, ex);
		String what = (step.direction() == Direction.UPGRADE) ? "revision '%s' failed"
				: "downgrade of revision '%s' failed";
		// an interrupted revision's stamps name the revisions below it already
		String hint = outcome + " " + ((interrupted != null)
				? recordInterrupted(connection, step, command, ended, interrupted)
				: advice(ex, step, command, ended, lastApplied, holders) + earlierSteps(step, ended, lastApplied));
		return new MigrationFailedException(what.formatted(step.revision().id()) + ": " + problem, hint,
				step.revision().id().value(), location, sqlState(ex), described, interrupted, ex);
	}

	/**
	 * What the run did before the failing step, which its commits keep (a run of one
	 * transaction passes no last revision: it kept nothing); the advice for a lost
	 * connection says it already.
	 */
	private static String earlierSteps(MigrationStep step, boolean ended, @Nullable RevisionId lastApplied) {
		if (lastApplied == null || ended) {
			return "";
		}
		return (step.direction() == Direction.UPGRADE)
				? " The revisions this run applied before it stay applied, the last being '%s'.".formatted(lastApplied)
				: " The revisions this run downgraded before it stay downgraded, the last being '%s'."
					.formatted(lastApplied);
	}

	/**
	 * Where in a Java revision's code the error came from: the first frame of the
	 * revision's class in the error or its causes, as {@code Class.method(File.java:12)},
	 * or {@code null} when none is there.
	 */
	static @Nullable String codeFrame(Throwable ex, Class<?> revision) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			for (StackTraceElement frame : cause.getStackTrace()) {
				if (frame.getClassName().equals(revision.getName())) {
					return "%s.%s(%s:%d)".formatted(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
							frame.getLineNumber());
				}
			}
		}
		return null;
	}

	/**
	 * For a statement that gave way on its {@code lock_timeout}, or was cancelled by its
	 * {@code statement_timeout} (which also bounds the wait for a lock: with no
	 * {@code lock_timeout}, it is what ends a wait behind a long transaction), who holds
	 * a lock it waited for on the tables it locks (as {@code --sql} shows them).
	 */
	private static List<LockHolders.Holder> lockHolders(Connection connection, Command command, Throwable ex,
			Duration running) {
		boolean timedOut = LOCK_NOT_AVAILABLE.equals(sqlState(ex)) || isStatementTimeout(sqlState(ex), describe(ex));
		if (!timedOut || !(command instanceof Command.Statement statement)) {
			return List.of();
		}
		try {
			return LockHolders.of(connection, new RevisionLocks().next(new SqlStatement(statement.sql(), 1)), running);
		}
		catch (RuntimeException unreadable) {
			// the failure is what matters; who held the lock is a detail
			logger.debug("Could not read the locks of the failed statement", unreadable);
			return List.of();
		}
	}

	private void logAttempt(Connection connection, MigrationStep step, String problem) {
		try {
			if (connection.getAutoCommit()) {
				this.store.recordFailure(connection, step.script(), step.direction(), 0, problem);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not log the failed attempt", ex);
		}
	}

	/**
	 * Whether a failure is a statement cancelled by its {@code statement_timeout}. Its
	 * SQLSTATE, 57014 (query_canceled), is also that of a statement cancelled by
	 * {@code pg_cancel_backend} or by the driver (as PgJDBC cancels a {@code COPY} it
	 * cannot serve), so the server's message tells them apart.
	 */
	static boolean isStatementTimeout(@Nullable String sqlState, String message) {
		return "57014".equals(sqlState) && message.contains("statement timeout");
	}

	static @Nullable String sqlState(Throwable ex) {
		return (ex instanceof SQLException sql) ? sql.getSQLState() : null;
	}

	/**
	 * What failed, as the server or the driver said it, with passwords masked: the text
	 * goes to the operator and to the version store's log.
	 */
	static String describe(Throwable ex) {
		ServerErrorMessage server = serverMessage(ex);
		if (server != null) {
			return "%s (SQLSTATE %s)".formatted(Secrets.maskNullable(server.getMessage()), server.getSQLState());
		}
		if (ex instanceof SQLException sql && sql.getSQLState() != null) {
			return "%s (SQLSTATE %s)".formatted(Secrets.maskNullable(sql.getMessage()), sql.getSQLState());
		}
		return ex.getClass().getSimpleName() + ": " + Secrets.maskNullable(ex.getMessage());
	}

	/**
	 * For an upgrade outside a transaction whose first statement failed: whether that
	 * statement left nothing behind (one that takes effect whole or not at all, or a
	 * {@code CREATE INDEX CONCURRENTLY} that left no {@code INVALID} index), and if so,
	 * its mark as running is removed, so that the revision is not applied, as before the
	 * run. Nothing is removed when the session ended (whether the statement took effect
	 * is then unknown) or anything cannot be read.
	 */
	boolean forgetIfNothingTookEffect(Connection connection, MigrationStep step, Command command, Throwable ex) {
		if (step.direction() != Direction.UPGRADE || !(command instanceof Command.Statement statement)
				|| endedSession(ex, connection)) {
			return false;
		}
		SqlStatement sql = new SqlStatement(statement.sql(), statement.statement().line());
		Leftovers.Leftover leftover = Leftovers.of(step.script().source(), sql);
		try {
			if (!StatementClassifier.atomicAlone(sql)
					&& (leftover == null || InvalidIndexes.any(connection, leftover.index()))) {
				return false;
			}
			this.store.forgetUpgrading(connection, step.script());
			return true;
		}
		catch (SQLException unreadable) {
			logger.debug("Could not tell whether the failed statement left anything", unreadable);
			return false;
		}
	}

	/**
	 * The way out of an interrupted revision: running again would stop on it, and a stamp
	 * of the revision below would run again statements whose effect stays.
	 */
	private static String recordInterrupted(Connection connection, MigrationStep step, Command command, boolean ended,
			MigrationFailedException.Interrupted interrupted) {
		String leftover = leftover(connection, step, command, ended);
		return ("%s%sCheck what ran and fix the %s; then record the outcome with a stamp: %s once you finish its %s by "
				+ "hand, or %s once you undo what ran; then run again.")
			.formatted(ended ? "The connection to the database was lost. " : "",
					(leftover != null) ? leftover + " " : "",
					(step.script() instanceof JavaRevisionScript) ? "revision's code" : "failing statement",
					stamped(interrupted.stampIfFinished()),
					(step.direction() == Direction.UPGRADE) ? "upgrade" : "downgrade",
					stamped(interrupted.stampIfUndone()));
	}

	/**
	 * What the failed statement left that the operator must clear, as one sentence: an
	 * {@code INVALID} index it is known to leave when the session ended (nothing more can
	 * be read), else only one that is there.
	 */
	private static @Nullable String leftover(Connection connection, MigrationStep step, Command command,
			boolean ended) {
		if (!(command instanceof Command.Statement statement)) {
			return null;
		}
		Leftovers.Leftover leftover = Leftovers.of(step.script().source(),
				new SqlStatement(statement.sql(), statement.statement().line()));
		if (leftover == null || ended) {
			return (leftover != null) ? leftover.description() : null;
		}
		try {
			return InvalidIndexes.any(connection, leftover.index()) ? leftover.description() : null;
		}
		catch (SQLException ex) {
			logger.debug("Could not look for the invalid index the statement may have left", ex);
			return leftover.description();
		}
	}

	/**
	 * Whether the command is a statement that writes rows ({@code INSERT},
	 * {@code UPDATE}, {@code DELETE}, {@code MERGE}, or a {@code WITH} before one),
	 * rather than one that checks the rows already there (a constraint added or
	 * validated, a column retyped).
	 */
	private static boolean writesRows(Command command) {
		return command instanceof Command.Statement statement && StatementClassifier.writesRows(statement.sql());
	}

	private static String stamped(List<String> ids) {
		return ids.equals(List.of("base")) ? "base" : ((ids.size() == 1) ? "revision " : "revisions ")
				+ ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

	private static String advice(Throwable ex, MigrationStep step, Command command, boolean ended,
			@Nullable RevisionId lastApplied, List<LockHolders.Holder> holders) {
		String state = sqlState(ex);
		if (ended) {
			return ("The connection to the database was lost; run again once it is back. The migration lock "
					+ "was held by that session and ended with it, so the run stopped: %s.")
				.formatted((lastApplied != null) ? "nothing after revision '%s' was applied".formatted(lastApplied)
						: "this run applied nothing");
		}
		if (isStatementTimeout(state, describe(ex)) && !holders.isEmpty()) {
			return ("The statement ran longer than its statement_timeout while waiting for a lock held by %s; or "
					+ "raise the statement_timeout ('-- statement_timeout: 10min' in the revision's header, or in the "
					+ "settings).")
				.formatted(endThem(holders));
		}
		if (isStatementTimeout(state, describe(ex))) {
			return "The statement ran longer than its statement_timeout: raise it in the revision's header "
					+ "('-- statement_timeout: 10min') or in the settings.";
		}
		if (LOCK_NOT_AVAILABLE.equals(state) && !holders.isEmpty()) {
			return "The statement waited longer than its lock_timeout for a lock held by %s; or raise 'lock_timeout'."
				.formatted(endThem(holders));
		}
		if (LOCK_NOT_AVAILABLE.equals(state)) {
			return "The statement waited longer than its lock_timeout for a lock another session holds: "
					+ "retry when the table is less busy, or raise 'lock_timeout'.";
		}
		if (state != null && DUPLICATE_OBJECT.contains(state) && step.direction() == Direction.UPGRADE) {
			return "The database already holds what the statement creates. If the schema was made before, by hand, "
					+ "by another tool or from a dump, record the revision it matches instead of running the revisions "
					+ "again (the baseline setting on a database with no history, or stamp); else drop the object or "
					+ "fix the statement, and start again.";
		}
		if ("55P04".equals(state)) {
			return "An enum value added in this transaction is used before it was committed, which PostgreSQL "
					+ "refuses: add the value in a revision of its own, which commits before the revision that uses "
					+ "it; with transaction mode 'all', upgrade to that revision first, then run again.";
		}
		if (state != null && state.startsWith("23") && writesRows(command)) {
			return "The rows the statement writes break a constraint (the server's message names it): fix the "
					+ "statement's data, or the rows already there that it conflicts with, and start again.";
		}
		if (state != null && state.startsWith("23")) {
			return "Rows in the database break the constraint the statement checks (the server's message names it): "
					+ "the data is what to fix, not the statement. Fix or remove those rows, by hand or in a statement "
					+ "before this one in the revision (a data migration), and start again.";
		}
		if ("42501".equals(state)) {
			return "The user lacks a privilege the statement needs: grant it (for example CREATE on the schema), or "
					+ "migrate as the owner of the schema, and start again.";
		}
		return "Fix the %s and start again."
			.formatted((step.script() instanceof JavaRevisionScript) ? "revision's code" : "statement");
	}

	/**
	 * The sessions a statement waited for, and how to end them: "backend 4242: let it
	 * finish, or end it (SELECT pg_terminate_backend(4242), ...), and run again".
	 */
	private static String endThem(List<LockHolders.Holder> holders) {
		String pids = holders.stream()
			.map((holder) -> String.valueOf(holder.pid()))
			.distinct()
			.collect(Collectors.joining(", "));
		if (pids.contains(",")) {
			return ("backends %s: let them finish, or end them (SELECT pg_terminate_backend(pid) FROM unnest(ARRAY[%s]) "
					+ "pid, as a superuser or a member of pg_signal_backend), and run again")
				.formatted(pids, pids);
		}
		return ("backend %s: let it finish, or end it (SELECT pg_terminate_backend(%s), as a superuser or a member of "
				+ "pg_signal_backend), and run again")
			.formatted(pids, pids);
	}

	private static @Nullable ServerErrorMessage serverMessage(Throwable ex) {
		return (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
	}

}
