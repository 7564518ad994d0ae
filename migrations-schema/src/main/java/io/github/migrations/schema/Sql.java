package io.github.migrations.schema;

import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Identifiers and literals in the SQL the differ writes, quoted as PostgreSQL's
 * {@code quote_ident} and {@code quote_literal} would.
 */
final class Sql {

	private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

	/**
	 * The keywords {@code quote_ident} quotes: every keyword that is not unreserved
	 * ({@code pg_get_keywords()} with {@code catcode <> 'U'}, PostgreSQL 17).
	 */
	private static final Set<String> KEYWORDS = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
			"asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
			"char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint",
			"create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
			"current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do",
			"else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from",
			"full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
			"int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "json", "json_array",
			"json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
			"json_serialize", "json_table", "json_value", "lateral", "leading", "least", "left", "like", "limit",
			"localtime", "localtimestamp", "merge_action", "national", "natural", "nchar", "none", "normalize", "not",
			"notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
			"overlay", "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
			"select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user",
			"table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union",
			"unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with",
			"xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi",
			"xmlroot", "xmlserialize", "xmltable");

	private Sql() {
	}

	/**
	 * An identifier, quoted only when {@code quote_ident} would quote it.
	 */
	static String ident(String name) {
		if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
			return name;
		}
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	/**
	 * A schema-qualified name.
	 */
	static String name(String schema, String name) {
		return ident(schema) + "." + ident(name);
	}

	static String literal(String text) {
		String quoted = "'" + text.replace("'", "''") + "'";
		return text.contains("\\") ? "E" + quoted.replace("\\", "\\\\") : quoted;
	}

	static String literalOrNull(@Nullable String text) {
		return (text != null) ? literal(text) : "NULL";
	}

}
