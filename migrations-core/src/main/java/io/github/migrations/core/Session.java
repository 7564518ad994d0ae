package io.github.migrations.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The connection revisions run on. When a schema is configured it goes first on the
 * {@code search_path} (the rest stays, so extensions in {@code public} still resolve), and the
 * previous path is restored before the connection goes back to its pool.
 */
final class Session implements AutoCloseable {

	private final Connection connection;

	private final @Nullable String previousSearchPath;

	private Session(Connection connection, @Nullable String previousSearchPath) {
		this.connection = connection;
		this.previousSearchPath = previousSearchPath;
	}

	static Session open(DataSource dataSource, @Nullable String schema) throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
			String previous = null;
			if (schema != null) {
				try (PreparedStatement statement = connection.prepareStatement("SELECT current_setting('search_path'), "
						+ "set_config('search_path', quote_ident(?) || ', ' || current_setting('search_path'), false)")) {
					statement.setString(1, schema);
					try (ResultSet rows = statement.executeQuery()) {
						rows.next();
						previous = rows.getString(1);
					}
				}
			}
			return new Session(connection, previous);
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	Connection connection() {
		return this.connection;
	}

	@Override
	public void close() throws SQLException {
		try {
			if (this.previousSearchPath != null && !this.connection.isClosed()) {
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
					this.connection.setAutoCommit(true);
				}
				try (PreparedStatement statement = this.connection
					.prepareStatement("SELECT set_config('search_path', ?, false)")) {
					statement.setString(1, this.previousSearchPath);
					statement.execute();
				}
			}
		}
		finally {
			this.connection.close();
		}
	}

}
