package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * The connection revisions run on. When a schema is configured it goes first on the
 * {@code search_path} (the rest stays, so extensions in {@code public} still resolve). On
 * PostgreSQL 14 and later the session checks every second that its client is still there
 * ({@code client_connection_check_interval}), so that a statement of a killed migrator
 * stops within a second instead of running to its end, holding its locks, after the
 * migration lock has been freed. Both settings are restored before the connection goes
 * back to its pool.
 */
public final class Session implements AutoCloseable {

	/**
	 * Puts a schema first on the search path; {@code %s} is the schema, as a literal or a
	 * parameter.
	 */
	private static final String SEARCH_PATH = "set_config('search_path', quote_ident(%s) || ', ' || current_setting('search_path'), false)";

	private static final String OPEN = """
			SELECT current_setting('search_path'), current_setting('client_connection_check_interval', true),
			CASE WHEN ?::text IS NOT NULL THEN %s END,""".formatted(SEARCH_PATH.formatted("?")) + """
			CASE WHEN current_setting('client_connection_check_interval', true) IS NOT NULL
			THEN set_config('client_connection_check_interval', '1s', false) END""";

	private static final String RESTORE = """
			SELECT set_config('search_path', coalesce(?, current_setting('search_path')), false),
			CASE WHEN ?::text IS NOT NULL THEN set_config('client_connection_check_interval', ?, false) END""";

	private final Connection connection;

	private final @Nullable String previousSearchPath;

	private final @Nullable String previousCheckInterval;

	private Session(Connection connection, @Nullable String previousSearchPath,
			@Nullable String previousCheckInterval) {
		this.connection = connection;
		this.previousSearchPath = previousSearchPath;
		this.previousCheckInterval = previousCheckInterval;
	}

	/**
	 * Makes a session of a connection already open; the connection is closed when this
	 * fails.
	 */
	public static Session on(Connection connection, @Nullable String schema) throws SQLException {
		try {
			connection.setAutoCommit(true);
			try (PreparedStatement statement = connection.prepareStatement(OPEN)) {
				statement.setString(1, schema);
				statement.setString(2, schema);
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					return new Session(connection, (schema != null) ? rows.getString(1) : null, rows.getString(2));
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * The statement a review script starts with to put the schema first on the search
	 * path, as {@link #open} does for a run.
	 */
	public static String searchPathSql(String schema) {
		return "SELECT " + SEARCH_PATH.formatted("'" + schema.replace("'", "''") + "'");
	}

	public Connection connection() {
		return this.connection;
	}

	@Override
	public void close() throws SQLException {
		try {
			if ((this.previousSearchPath != null || this.previousCheckInterval != null)
					&& !this.connection.isClosed()) {
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
					this.connection.setAutoCommit(true);
				}
				try (PreparedStatement statement = this.connection.prepareStatement(RESTORE)) {
					statement.setString(1, this.previousSearchPath);
					statement.setString(2, this.previousCheckInterval);
					statement.setString(3, this.previousCheckInterval);
					statement.execute();
				}
			}
		}
		finally {
			this.connection.close();
		}
	}

}
