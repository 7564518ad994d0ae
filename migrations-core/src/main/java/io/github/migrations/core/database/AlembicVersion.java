package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Alembic's record of where a database stands: the {@code version_num} rows of its
 * {@code alembic_version} table, one per head. Only read, never written: a team that
 * moves from Alembic keeps the table until it no longer needs it.
 *
 * @param table the table's qualified name, as shown to users
 * @param revisions the revision ids it holds, in id order; empty when Alembic stands at
 * base
 */
public record AlembicVersion(String table, List<String> revisions) {

	/**
	 * The first {@code alembic_version} table on the session's search path: the version
	 * store's schema first, then the connection's own schemas, where Alembic creates it
	 * unless told otherwise.
	 */
	private static final String FIND = """
			SELECT n.nspname || '.' || c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname)
			FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relname = 'alembic_version' AND c.relkind IN ('r', 'p', 'v')
			AND n.nspname = ANY (current_schemas(false))
			ORDER BY array_position(current_schemas(false), n.nspname)
			LIMIT 1""";

	public AlembicVersion {
		revisions = List.copyOf(revisions);
	}

	/**
	 * Reads Alembic's table, or returns {@code null} when there is none on the search
	 * path.
	 */
	public static @Nullable AlembicVersion read(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			String shown;
			String qualified;
			try (ResultSet rows = statement.executeQuery(FIND)) {
				if (!rows.next()) {
					return null;
				}
				shown = rows.getString(1);
				qualified = rows.getString(2);
			}
			List<String> revisions = new ArrayList<>();
			try (ResultSet rows = statement
				.executeQuery("SELECT version_num FROM " + qualified + " ORDER BY version_num")) {
				while (rows.next()) {
					revisions.add(rows.getString(1));
				}
			}
			return new AlembicVersion(shown, revisions);
		}
	}

	/**
	 * The revisions, quoted and separated by commas, for messages.
	 */
	public String describe() {
		return String.join(", ", this.revisions.stream().map((id) -> "'" + id + "'").toList());
	}

}
