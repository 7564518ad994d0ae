package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Whether an index a {@code CREATE INDEX CONCURRENTLY} or
 * {@code REINDEX ... CONCURRENTLY} that failed may have left is there, {@code INVALID}:
 * read on the run's session right after the failure, so that its error tells the operator
 * of one only when there is one.
 */
public final class InvalidIndexes {

	private InvalidIndexes() {
	}

	/**
	 * Whether the index is there and {@code INVALID}; with no name, whether any index of
	 * the database is.
	 * @param index the index as PostgreSQL reads it ({@code "Orders Idx"},
	 * {@code billing.orders_idx}), found on the session's search path
	 */
	public static boolean any(Connection connection, @Nullable String index) throws SQLException {
		String sql = (index != null)
				? "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = pg_catalog.to_regclass(?) "
						+ "AND NOT indisvalid)"
				: "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE NOT indisvalid)";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (index != null) {
				statement.setString(1, index);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() && rows.getBoolean(1);
			}
		}
	}

}
