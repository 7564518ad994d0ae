package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.Tuple;

/**
 * Sends several statements to the server in one round trip and tells which one failed.
 * <p>
 * Each statement is sent as written, as one protocol message sequence of its own (parse,
 * bind, execute), up to {@value #MAX_QUEUED} before their results are read; the server
 * runs them in order and, after an error, skips the rest, so each statement runs at most
 * once. The driver's public batch API reports neither which entry failed inside a
 * transaction nor lets rows or notices go as they arrive, so this uses the PostgreSQL
 * driver's query executor ({@code org.postgresql.core}) directly. Notices go to a
 * consumer as they arrive instead of piling up on a statement. A statement's rows are
 * held until it completes: send only statements that return none or few.
 */
public final class Pipeline {

	/**
	 * Statements sent before reading their results: the driver itself waits for results
	 * after about as many, so that neither side's buffers fill up.
	 */
	private static final int MAX_QUEUED = 256;

	private final BaseConnection connection;

	private Pipeline(BaseConnection connection) {
		this.connection = connection;
	}

	/**
	 * A pipeline on a session of the PostgreSQL driver, or {@code null} when the
	 * connection cannot be unwrapped to one (then send statements one at a time).
	 */
	public static @Nullable Pipeline on(Connection connection) {
		try {
			return connection.isWrapperFor(BaseConnection.class) ? new Pipeline(connection.unwrap(BaseConnection.class))
					: null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/**
	 * Executes the statements in order, in one round trip, each at most once; when auto
	 * commit is off, a transaction is opened first if none is.
	 * @param statements the statements, each a single SQL statement
	 * @param notices receives the server's notices as they arrive
	 * @throws Failure naming the index of the statement that failed
	 */
	public void execute(List<String> statements, Consumer<SQLWarning> notices) throws Failure {
		for (int from = 0; from < statements.size(); from += MAX_QUEUED) {
			List<String> chunk = statements.subList(from, Math.min(from + MAX_QUEUED, statements.size()));
			Progress progress = new Progress(notices);
			try {
				executeChunk(chunk, progress);
			}
			catch (SQLException ex) {
				throw new Failure(from + progress.failedAt(), ex);
			}
		}
	}

	private void executeChunk(List<String> statements, Progress progress) throws SQLException {
		List<NativeQuery> queries = new ArrayList<>(statements.size());
		for (String sql : statements) {
			queries.add(new NativeQuery(sql, null, false, SqlCommand.BLANK));
		}
		QueryExecutor executor = this.connection.getQueryExecutor();
		int flags = QueryExecutor.QUERY_ONESHOT
				| (this.connection.getAutoCommit() ? QueryExecutor.QUERY_SUPPRESS_BEGIN : 0);
		executor.execute(executor.wrap(queries), null, progress, 0, 0, flags);
	}

	/**
	 * A statement of a pipeline failed; those before it completed and those after it did
	 * not run.
	 */
	public static final class Failure extends Exception {

		private final int index;

		Failure(int index, SQLException cause) {
			super(cause.getMessage(), cause);
			this.index = index;
		}

		/**
		 * The 0-based index of the statement that failed.
		 */
		public int index() {
			return this.index;
		}

		/**
		 * The error, as the driver reported it.
		 */
		public SQLException error() {
			return (SQLException) getCause();
		}

	}

	/**
	 * Counts completed statements: each ends with either its rows or its command status.
	 */
	private static final class Progress extends ResultHandlerBase {

		private final Consumer<SQLWarning> notices;

		private int completed;

		private int failedAt = -1;

		Progress(Consumer<SQLWarning> notices) {
			this.notices = notices;
		}

		@Override
		public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples,
				@Nullable ResultCursor cursor) {
			this.completed++;
		}

		@Override
		public void handleCommandStatus(String status, long updateCount, long insertOID) {
			this.completed++;
		}

		@Override
		public void handleWarning(SQLWarning warning) {
			this.notices.accept(warning);
		}

		@Override
		public void handleError(SQLException error) {
			if (getException() == null) {
				this.failedAt = this.completed;
			}
			super.handleError(error);
		}

		int failedAt() {
			return (this.failedAt >= 0) ? this.failedAt : this.completed;
		}

	}

}
