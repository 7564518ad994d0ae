package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Alembic's record of where a database stands: the {@code version_num} rows of its
 * version table ({@code alembic_version} unless {@code version_table} names another), one
 * per head. Only read, never written: a team that moves from Alembic keeps the table
 * until it no longer needs it.
 *
 * @param table the table's qualified name, as shown to users
 * @param revisions the revision ids it holds, in id order; empty when Alembic stands at
 * base
 */
public record AlembicVersion(String table, List<String> revisions) {

	/**
	 * Characters that a terminal acts on rather than shows: control characters (an escape
	 * sequence, a line break that starts a forged line), format characters (which reorder
	 * a line) and line separators.
	 */
	private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

	/**
	 * The longest id shown: a revision id has at most 64 characters.
	 */
	private static final int LONGEST = 64;

	/**
	 * Alembic's table by its catalog name: in the given schema, or else in the first
	 * schema of the session's search path that has one (the version store's schema first,
	 * then the connection's own schemas, where Alembic creates it unless told otherwise).
	 * The names are bound as values, never written into the SQL.
	 */
	private static final String FIND = """
			SELECT n.nspname || '.' || c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname)
			FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relname = ? AND c.relkind IN ('r', 'p', 'v')
			AND (n.nspname = ? OR (CAST(? AS text) IS NULL AND n.nspname = ANY (current_schemas(false))))
			ORDER BY array_position(current_schemas(false), n.nspname)
			LIMIT 1""";

	public AlembicVersion {
		revisions = List.copyOf(revisions);
	}

	/**
	 * Reads Alembic's table, or returns {@code null} when there is none.
	 * @param table the table as configured: {@code name}, or {@code schema.name} to look
	 * in that schema only
	 */
	public static @Nullable AlembicVersion read(Connection connection, String table) throws SQLException {
		int dot = table.indexOf('.');
		String schema = (dot >= 0) ? table.substring(0, dot) : null;
		String name = table.substring(dot + 1);
		String shown;
		String qualified;
		try (PreparedStatement find = connection.prepareStatement(FIND)) {
			find.setString(1, name);
			find.setString(2, schema);
			find.setString(3, schema);
			try (ResultSet rows = find.executeQuery()) {
				if (!rows.next()) {
					return null;
				}
				shown = rows.getString(1);
				qualified = rows.getString(2);
			}
		}
		List<String> revisions = new ArrayList<>();
		// the name comes back from the catalog through quote_ident
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT version_num FROM " + qualified + " ORDER BY version_num")) {
			while (rows.next()) {
				revisions.add(rows.getString(1));
			}
		}
		return new AlembicVersion(shown, revisions);
	}

	/**
	 * The revisions, quoted and separated by commas, for messages.
	 */
	public String describe() {
		return String.join(", ", this.revisions.stream().map(AlembicVersion::quoted).toList());
	}

	/**
	 * A value of Alembic's table (anyone who can write to it chose it), quoted for a
	 * message: each character a terminal would act on is shown as its escape
	 * ({@code \u001b}), and a value longer than a revision id is cut.
	 */
	public static String quoted(String value) {
		String shown = (value.length() <= LONGEST) ? value : value.substring(0, LONGEST) + "...";
		Matcher unprintable = UNPRINTABLE.matcher(shown);
		StringBuilder quoted = new StringBuilder("'");
		while (unprintable.find()) {
			unprintable.appendReplacement(quoted,
					Matcher.quoteReplacement("\\u%04x".formatted((int) unprintable.group().charAt(0))));
		}
		unprintable.appendTail(quoted);
		return quoted.append('\'').toString();
	}

}
