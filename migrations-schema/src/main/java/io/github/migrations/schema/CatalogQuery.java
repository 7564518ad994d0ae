package io.github.migrations.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;

/**
 * Runs one catalog query over a set of schemas: every {@code ?} of the query is the array
 * of schema names.
 */
final class CatalogQuery {

	private final Connection connection;

	private final List<String> schemas;

	CatalogQuery(Connection connection, List<String> schemas) {
		this.connection = connection;
		this.schemas = schemas;
	}

	List<String> schemas() {
		return this.schemas;
	}

	<T> List<T> list(String what, String sql, RowMapper<T> mapper) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			Array names = this.connection.createArrayOf("text", this.schemas.toArray());
			// counted here, not asked of the server (getParameterMetaData costs a round
			// trip): the queries have no '?' but their parameters
			long parameters = sql.chars().filter((c) -> c == '?').count();
			for (int i = 1; i <= parameters; i++) {
				statement.setArray(i, names);
			}
			List<T> rows = new ArrayList<>();
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					rows.add(mapper.map(row));
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw failed(what, ex);
		}
	}

	static MigrationException failed(String what, SQLException ex) {
		return MigrationException.of(
				"Could not read the %s from the catalog: %s (SQLSTATE %s)".formatted(what,
						Secrets.mask(String.valueOf(ex.getMessage())), ex.getSQLState()),
				"Check that the user may read the catalog of the database (pg_catalog) and that the server is "
						+ "PostgreSQL 13 or later.",
				ex);
	}

	static List<String> strings(ResultSet row, String column) throws SQLException {
		Array array = row.getArray(column);
		if (array == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add(String.valueOf(value));
		}
		return values;
	}

	@FunctionalInterface
	interface RowMapper<T> {

		T map(ResultSet row) throws SQLException;

	}

}
