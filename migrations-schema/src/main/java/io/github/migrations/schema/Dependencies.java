package io.github.migrations.schema;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads which object depends on which ({@code pg_depend}: normal dependencies, and the
 * automatic ones of indexes and constraints on the columns they cover, which
 * {@code DROP COLUMN} drops with it), with both ends named by the keys of the model: a
 * view's rule is its view, a column default is {@code default schema.table.column}, an
 * array type is its element type, a table's row type is its table, an index that backs a
 * constraint is that constraint, and what belongs to an extension is the extension. A
 * text search configuration that an expression names ({@code to_tsvector('es_unaccent',
 * body)}, kept as a {@code regconfig} constant) is a dependency of its index, column,
 * view or {@code BEGIN ATOMIC} function, as the dictionaries a configuration maps to are
 * its own.
 */
final class Dependencies {

	private static final String QUERY = """
			WITH obj(classid, objid, subid, key) AS MATERIALIZED (
			  SELECT 'pg_catalog.pg_class'::regclass::oid, c.oid, 0,
			         CASE WHEN k.conname IS NOT NULL THEN 'constraint ' || tn.nspname || '.' || t.relname || '.' || k.conname
			              ELSE CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'p' THEN 'table ' WHEN 'v' THEN 'view '
			                   WHEN 'm' THEN 'view ' WHEN 'S' THEN 'sequence ' WHEN 'c' THEN 'type '
			                   ELSE 'index ' END || n.nspname || '.' || c.relname END
			  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  LEFT JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid
			  LEFT JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
			  LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
			  LEFT JOIN pg_catalog.pg_constraint k ON k.conindid = c.oid AND k.conrelid = x.indrelid
			       AND k.contype IN ('p', 'u', 'x')
			  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I', 'c') AND n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_class'::regclass::oid, c.oid, a.attnum,
			         CASE c.relkind WHEN 'v' THEN 'view ' || n.nspname || '.' || c.relname
			                        WHEN 'm' THEN 'view ' || n.nspname || '.' || c.relname
			                        WHEN 'c' THEN 'type ' || n.nspname || '.' || c.relname
			                        ELSE 'column ' || n.nspname || '.' || c.relname || '.' || a.attname END
			  FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
			    AND n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_attrdef'::regclass::oid, d.oid, 0,
			         CASE WHEN a.attgenerated <> '' THEN 'column ' ELSE 'default ' END
			           || n.nspname || '.' || c.relname || '.' || a.attname
			  FROM pg_catalog.pg_attrdef d
			  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			  JOIN pg_catalog.pg_class c ON c.oid = d.adrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_rewrite'::regclass::oid, r.oid, 0, 'view ' || n.nspname || '.' || c.relname
			  FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  WHERE r.rulename = '_RETURN' AND n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_type'::regclass::oid, t.oid, 0,
			         CASE WHEN rc.relkind IN ('r', 'p') THEN 'table ' WHEN rc.relkind IN ('v', 'm') THEN 'view '
			              ELSE 'type ' END || n.nspname || '.' || e.typname
			  FROM pg_catalog.pg_type t
			  JOIN pg_catalog.pg_type e ON e.oid = CASE WHEN t.typcategory = 'A' AND t.typelem <> 0 THEN t.typelem
			                                         ELSE t.oid END
			  JOIN pg_catalog.pg_namespace n ON n.oid = e.typnamespace
			  LEFT JOIN pg_catalog.pg_class rc ON rc.oid = e.typrelid
			  WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_proc'::regclass::oid, p.oid, 0,
			         'function ' || n.nspname || '.' || p.proname
			           || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
			  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
			  WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_constraint'::regclass::oid, k.oid, 0,
			         CASE WHEN k.contypid <> 0 THEN 'type ' || n.nspname || '.' || ty.typname
			              ELSE 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname END
			  FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace
			  LEFT JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
			  LEFT JOIN pg_catalog.pg_type ty ON ty.oid = k.contypid
			  WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_trigger'::regclass::oid, g.oid, 0,
			         'trigger ' || n.nspname || '.' || c.relname || '.' || g.tgname
			  FROM pg_catalog.pg_trigger g JOIN pg_catalog.pg_class c ON c.oid = g.tgrelid
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  WHERE NOT g.tgisinternal AND n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_policy'::regclass::oid, p.oid, 0,
			         'policy ' || n.nspname || '.' || c.relname || '.' || p.polname
			  FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_ts_dict'::regclass::oid, d.oid, 0,
			         'text search dictionary ' || n.nspname || '.' || d.dictname
			  FROM pg_catalog.pg_ts_dict d JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
			  WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_ts_config'::regclass::oid, f.oid, 0,
			         'text search configuration ' || n.nspname || '.' || f.cfgname
			  FROM pg_catalog.pg_ts_config f JOIN pg_catalog.pg_namespace n ON n.oid = f.cfgnamespace
			  WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_namespace'::regclass::oid, n.oid, 0, 'schema ' || n.nspname
			  FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?)
			  UNION ALL
			  SELECT 'pg_catalog.pg_extension'::regclass::oid, x.oid, 0, 'extension ' || x.extname
			  FROM pg_catalog.pg_extension x
			)
			SELECT DISTINCT o.key, r.key
			FROM pg_catalog.pg_depend d
			JOIN obj o ON o.classid = d.classid AND o.objid = d.objid AND o.subid = d.objsubid
			JOIN obj r ON r.classid = d.refclassid AND r.objid = d.refobjid AND r.subid = d.refobjsubid
			WHERE (d.deptype = 'n'
			       OR d.deptype = 'a' AND r.key LIKE 'column %' AND (o.key LIKE 'index %' OR o.key LIKE 'constraint %'))
			  AND o.key <> r.key
			UNION
			SELECT o.key, 'extension ' || x.extname
			FROM pg_catalog.pg_depend d
			JOIN obj o ON o.classid = d.classid AND o.objid = d.objid AND o.subid = d.objsubid
			JOIN pg_catalog.pg_depend m ON m.classid = d.refclassid AND m.objid = d.refobjid AND m.deptype = 'e'
			JOIN pg_catalog.pg_extension x ON x.oid = m.refobjid
			WHERE d.deptype = 'n'""";

	private Dependencies() {
	}

	static Map<String, Set<String>> read(CatalogQuery query) {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		query.list("dependencies", QUERY,
				(row) -> dependencies.computeIfAbsent(row.getString(1), (k) -> new TreeSet<>()).add(row.getString(2)));
		return dependencies;
	}

}
