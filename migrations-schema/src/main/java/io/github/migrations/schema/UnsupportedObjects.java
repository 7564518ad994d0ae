package io.github.migrations.schema;

import java.util.Map;

/**
 * Reads the objects the differ cannot express, so that a difference in them is named in
 * the output rather than passed over: rules other than a view's, foreign tables, range
 * and base types, operators, collations, text search parsers and templates (their
 * functions are C; an extension brings them), extended statistics and casts (such as
 * those Hibernate writes beside a named enum type). (Aggregates and table inheritance are
 * noted by {@link SchemaReader} as it meets them.)
 */
final class UnsupportedObjects {

	private static final String QUERY = """
			SELECT 'rule ' || n.nspname || '.' || c.relname || '.' || r.rulename,
			       pg_catalog.pg_get_ruledef(r.oid)
			FROM pg_catalog.pg_rewrite r
			JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
			JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE r.rulename <> '_RETURN' AND n.nspname = ANY (?)
			UNION ALL
			SELECT 'foreign table ' || n.nspname || '.' || c.relname, 'foreign table'
			FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind = 'f' AND n.nspname = ANY (?)
			UNION ALL
			SELECT CASE t.typtype WHEN 'r' THEN 'range type ' ELSE 'base type ' END || n.nspname || '.' || t.typname,
			       CASE t.typtype WHEN 'r' THEN 'range of ' || pg_catalog.format_type(g.rngsubtype, NULL)
			                      ELSE 'base type' END
			FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
			LEFT JOIN pg_catalog.pg_range g ON g.rngtypid = t.oid
			WHERE (t.typtype = 'r' OR (t.typtype = 'b' AND t.typelem = 0 AND t.typrelid = 0))
			  AND n.nspname = ANY (?)
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_type'::regclass
			                  AND e.objid = t.oid AND e.deptype = 'e')
			UNION ALL
			SELECT 'operator ' || n.nspname || '.' || o.oprname || '('
			         || pg_catalog.format_type(o.oprleft, NULL) || ', ' || pg_catalog.format_type(o.oprright, NULL) || ')',
			       o.oprcode::text
			FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
			WHERE n.nspname = ANY (?)
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_operator'::regclass
			                  AND e.objid = o.oid AND e.deptype = 'e')
			UNION ALL
			SELECT 'collation ' || n.nspname || '.' || k.collname, coalesce(k.collcollate, '')
			FROM pg_catalog.pg_collation k JOIN pg_catalog.pg_namespace n ON n.oid = k.collnamespace
			WHERE n.nspname = ANY (?)
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_collation'::regclass
			                  AND e.objid = k.oid AND e.deptype = 'e')
			UNION ALL
			SELECT 'text search parser ' || n.nspname || '.' || p.prsname,
			       p.prsstart::pg_catalog.regproc::text || ', ' || p.prstoken::pg_catalog.regproc::text
			FROM pg_catalog.pg_ts_parser p JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
			WHERE n.nspname = ANY (?)
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_ts_parser'::regclass
			                  AND e.objid = p.oid AND e.deptype = 'e')
			UNION ALL
			SELECT 'text search template ' || n.nspname || '.' || t.tmplname,
			       coalesce(t.tmplinit::pg_catalog.regproc::text || ', ', '') || t.tmpllexize::pg_catalog.regproc::text
			FROM pg_catalog.pg_ts_template t JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
			WHERE n.nspname = ANY (?)
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_ts_template'::regclass
			                  AND e.objid = t.oid AND e.deptype = 'e')
			UNION ALL
			SELECT 'statistics ' || n.nspname || '.' || s.stxname, pg_catalog.pg_get_statisticsobjdef(s.oid)
			FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
			WHERE n.nspname = ANY (?)
			UNION ALL
			SELECT 'cast ('
			         || CASE WHEN s.typnamespace = 'pg_catalog'::regnamespace THEN pg_catalog.format_type(s.oid, NULL)
			                 ELSE pg_catalog.quote_ident(s.typnamespace::regnamespace::text) || '.'
			                      || pg_catalog.quote_ident(s.typname) END
			         || ' AS '
			         || CASE WHEN t.typnamespace = 'pg_catalog'::regnamespace THEN pg_catalog.format_type(t.oid, NULL)
			                 ELSE pg_catalog.quote_ident(t.typnamespace::regnamespace::text) || '.'
			                      || pg_catalog.quote_ident(t.typname) END
			         || ')',
			       CASE k.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || k.castfunc::pg_catalog.regprocedure::text
			                         WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END
			         || CASE k.castcontext WHEN 'i' THEN ' AS IMPLICIT' WHEN 'a' THEN ' AS ASSIGNMENT' ELSE '' END
			FROM pg_catalog.pg_cast k
			JOIN pg_catalog.pg_type s ON s.oid = k.castsource
			JOIN pg_catalog.pg_type t ON t.oid = k.casttarget
			WHERE k.oid >= 16384
			  AND (s.typnamespace IN (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?))
			       OR t.typnamespace IN (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)))
			  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_cast'::regclass
			                  AND e.objid = k.oid AND e.deptype IN ('e', 'i'))""";

	private UnsupportedObjects() {
	}

	static void read(CatalogQuery query, Map<String, String> unsupported) {
		query.list("objects the differ does not cover", QUERY,
				(row) -> unsupported.put(row.getString(1), row.getString(2)));
	}

}
