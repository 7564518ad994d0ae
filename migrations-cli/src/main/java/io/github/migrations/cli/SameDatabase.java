package io.github.migrations.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Whether two data sources reach the same database, whatever their URLs say
 * ({@code localhost} or {@code 127.0.0.1}, a proxy): the server's start time, the
 * database's oid and name, as the server answers them.
 */
final class SameDatabase {

	private static final String IDENTITY = "SELECT extract(epoch FROM pg_postmaster_start_time())::text"
			+ " || '/' || d.oid || '/' || d.datname FROM pg_database d WHERE d.datname = current_database()";

	private SameDatabase() {
	}

	/**
	 * True when both reach the same database; false when they do not, or when either
	 * cannot be asked (the caller then reports that database's error itself).
	 */
	static boolean test(DataSource one, DataSource other) {
		String identity = identity(one);
		return identity != null && Objects.equals(identity, identity(other));
	}

	private static @Nullable String identity(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(IDENTITY)) {
			return rows.next() ? rows.getString(1) : null;
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
