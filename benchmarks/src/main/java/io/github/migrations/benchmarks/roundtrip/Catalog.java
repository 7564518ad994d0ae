package io.github.migrations.benchmarks.roundtrip;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.github.migrations.test.SchemaSnapshot;

/**
 * The judge of "same schema": the test kit's {@link SchemaSnapshot} (tables, columns,
 * constraints, indexes, sequences, views, functions, triggers, enum types, extensions),
 * which the differs under test do not share, plus the kinds it leaves out that the issue
 * asks a differ to handle: schemas, domains, composite types, policies, row-level
 * security, comments, sequence ownership, column collations and the order of a table's
 * columns. Each object is one entry, "kind qualified-name" → definition.
 */
final class Catalog {

	/**
	 * Kinds, longest first so that "materialized view" wins over "view".
	 */
	static final List<String> KINDS = List.of("materialized view", "composite type", "column collation", "column order",
			"row security", "sequence owner", "constraint", "extension", "function", "sequence", "trigger", "comment",
			"column", "domain", "policy", "schema", "index", "table", "type", "view");

	private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
			+ "AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";

	private static final Map<String, String> EXTRA = Map.of("schema", """
			SELECT 'schema ' || n.nspname, '' FROM pg_catalog.pg_namespace n WHERE %s""", "domain",
			"""
					SELECT 'domain ' || n.nspname || '.' || t.typname,
					       format_type(t.typbasetype, t.typtypmod) || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
					         || coalesce(' DEFAULT ' || t.typdefault, '')
					         || coalesce((SELECT string_agg(' CONSTRAINT ' || k.conname || ' ' || pg_get_constraintdef(k.oid), ''
					                      ORDER BY k.conname) FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid), '')
					FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
					WHERE t.typtype = 'd' AND %s""",
			"composite type", """
					SELECT 'composite type ' || n.nspname || '.' || t.typname,
					       string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
					FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
					JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
					JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
					WHERE %s GROUP BY n.nspname, t.typname""", "policy",
			"""
					SELECT 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname,
					       p.polcmd::text || CASE WHEN p.polpermissive THEN ' permissive' ELSE ' restrictive' END
					         || ' to ' || array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END
					                                          FROM unnest(p.polroles) r ORDER BY 1), ',')
					         || coalesce(' using ' || pg_get_expr(p.polqual, p.polrelid), '')
					         || coalesce(' check ' || pg_get_expr(p.polwithcheck, p.polrelid), '')
					FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE %s""",
			"row security", """
					SELECT 'row security ' || n.nspname || '.' || c.relname,
					       CASE WHEN c.relforcerowsecurity THEN 'enabled, forced' ELSE 'enabled' END
					FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					WHERE c.relrowsecurity AND %s""", "comment",
			"""
					SELECT 'comment ' || pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description
					FROM pg_catalog.pg_description d
					JOIN pg_catalog.pg_namespace n ON n.oid = coalesce(
					     (SELECT relnamespace FROM pg_catalog.pg_class WHERE oid = d.objoid AND d.classoid = 'pg_catalog.pg_class'::regclass),
					     (SELECT pronamespace FROM pg_catalog.pg_proc WHERE oid = d.objoid AND d.classoid = 'pg_catalog.pg_proc'::regclass),
					     (SELECT typnamespace FROM pg_catalog.pg_type WHERE oid = d.objoid AND d.classoid = 'pg_catalog.pg_type'::regclass),
					     (SELECT c.relnamespace FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
					       WHERE k.oid = d.objoid AND d.classoid = 'pg_catalog.pg_constraint'::regclass),
					     (SELECT c.relnamespace FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
					       WHERE g.oid = d.objoid AND d.classoid = 'pg_catalog.pg_trigger'::regclass),
					     (SELECT oid FROM pg_catalog.pg_namespace WHERE oid = d.objoid AND d.classoid = 'pg_catalog.pg_namespace'::regclass))
					WHERE d.objoid >= 16384
					  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.objid = d.objoid AND e.deptype = 'e')
					  AND %s""",
			"sequence owner", """
					SELECT 'sequence owner ' || n.nspname || '.' || s.relname, t.relname || '.' || a.attname
					FROM pg_catalog.pg_depend d
					JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
					JOIN pg_catalog.pg_namespace n ON n.oid = s.relnamespace
					JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
					JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
					WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
					  AND d.deptype = 'a' AND %s""", "column collation", """
					SELECT 'column collation ' || n.nspname || '.' || c.relname || '.' || a.attname, co.collname
					FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
					JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
					WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attcollation <> t.typcollation
					  AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND %s""", "column order",
			"""
					SELECT 'column order ' || n.nspname || '.' || c.relname, string_agg(a.attname, ', ' ORDER BY a.attnum)
					FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
					JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
					WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND %s
					GROUP BY n.nspname, c.relname""");

	private Catalog() {
	}

	/**
	 * Every object of the database's user schemas, Liquibase's bookkeeping tables left
	 * out (they are never created here, but a differ that did create them should not be
	 * judged on them).
	 */
	static Map<String, String> read(DataSource dataSource) throws SQLException {
		Map<String, String> objects = new TreeMap<>(SchemaSnapshot.of(dataSource).objects());
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String query : EXTRA.values()) {
				try (ResultSet rows = statement.executeQuery(query.formatted(USER_SCHEMA))) {
					while (rows.next()) {
						objects.put(rows.getString(1), rows.getString(2));
					}
				}
			}
		}
		objects.keySet().removeIf((key) -> key.contains("databasechangelog"));
		return objects;
	}

	/**
	 * The kind of an entry: "column" for "column public.t.c".
	 */
	static String kind(String key) {
		for (String kind : KINDS) {
			if (key.startsWith(kind + " ")) {
				return kind;
			}
		}
		return key.split(" ", 2)[0];
	}

	/**
	 * The entries that differ between what was wanted and what a differ's script built.
	 */
	static List<Difference> compare(Map<String, String> expected, Map<String, String> actual) {
		Set<String> keys = new TreeSet<>(expected.keySet());
		keys.addAll(actual.keySet());
		List<Difference> differences = new ArrayList<>();
		for (String key : keys) {
			String want = expected.get(key);
			String got = actual.get(key);
			if (want == null || !want.equals(got)) {
				differences.add(new Difference(kind(key), key, want, got));
			}
		}
		return differences;
	}

	/**
	 * One object that differs: missing ({@code actual} null), extra ({@code expected}
	 * null) or defined differently.
	 */
	record Difference(String kind, String key, String expected, String actual) {

		String describe() {
			if (this.actual == null) {
				return "missing " + this.key + ": " + this.expected;
			}
			if (this.expected == null) {
				return "extra " + this.key + ": " + this.actual;
			}
			return this.key + ": expected " + this.expected + " | got " + this.actual;
		}

	}

}
