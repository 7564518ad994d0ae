package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the privileges granted on tables, views, sequences and functions, as the
 * {@code GRANT} (and, for a function, {@code REVOKE ... FROM PUBLIC}) statements that
 * give them again, by object key. The owner's own privileges are left out. The differ
 * does not compare privileges; it gives them back to an object that it drops and creates
 * again (a view over a column whose type changes), which would otherwise lose them.
 */
final class Privileges {

	private static final String RELATIONS = """
			SELECT CASE WHEN c.relkind IN ('v', 'm') THEN 'view ' WHEN c.relkind = 'S' THEN 'sequence '
			            ELSE 'table ' END || n.nspname || '.' || c.relname AS key,
			       n.nspname AS schema, c.relname AS name, c.relkind = 'S' AS sequence,
			       CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee) END AS grantee,
			       a.is_grantable, array_agg(a.privilege_type ORDER BY a.privilege_type) AS privileges
			FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
			WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname = ANY (?) AND a.grantee <> c.relowner
			GROUP BY 1, 2, 3, 4, 5, 6
			ORDER BY 1, 5 NULLS FIRST, 6""";

	/**
	 * A function's privileges when they are not the default ones ({@code proacl} set):
	 * then {@code EXECUTE} for {@code PUBLIC} is one of them or was revoked.
	 */
	private static final String FUNCTIONS = """
			SELECT 'function ' || n.nspname || '.' || p.proname
			         || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS key,
			       n.nspname AS schema, p.proname AS name,
			       pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments, p.prokind = 'p' AS procedure,
			       CASE WHEN a.grantee = 0 THEN NULL ELSE pg_catalog.pg_get_userbyid(a.grantee) END AS grantee,
			       coalesce(a.is_grantable, false) AS is_grantable,
			       array_agg(a.privilege_type ORDER BY a.privilege_type) FILTER (WHERE a.grantee IS NOT NULL) AS privileges
			FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
			LEFT JOIN LATERAL pg_catalog.aclexplode(p.proacl) a ON a.grantee <> p.proowner
			WHERE p.proacl IS NOT NULL AND p.prokind IN ('f', 'p') AND n.nspname = ANY (?)
			GROUP BY 1, 2, 3, 4, 5, 6, 7
			ORDER BY 1, 6 NULLS FIRST, 7""";

	private Privileges() {
	}

	static Map<String, List<String>> read(CatalogQuery query) {
		Map<String, List<String>> grants = new TreeMap<>();
		query.list("privileges of tables, views and sequences", RELATIONS, (row) -> {
			String target = (row.getBoolean("sequence") ? "SEQUENCE " : "TABLE ")
					+ new QualifiedName(row.getString("schema"), row.getString("name")).sql();
			grants.computeIfAbsent(row.getString("key"), (k) -> new ArrayList<>())
				.add(grant(CatalogQuery.strings(row, "privileges"), target, row.getString("grantee"),
						row.getBoolean("is_grantable")));
			return null;
		});
		query.list("privileges of functions", FUNCTIONS, (row) -> {
			String target = (row.getBoolean("procedure") ? "PROCEDURE " : "FUNCTION ")
					+ new QualifiedName(row.getString("schema"), row.getString("name")).sql() + "("
					+ row.getString("arguments") + ")";
			List<String> statements = grants.computeIfAbsent(row.getString("key"), (k) -> new ArrayList<>());
			if (statements.isEmpty()) {
				statements.add("REVOKE ALL ON %s FROM PUBLIC".formatted(target));
			}
			List<String> privileges = CatalogQuery.strings(row, "privileges");
			if (!privileges.isEmpty()) {
				statements.add(grant(privileges, target, row.getString("grantee"), row.getBoolean("is_grantable")));
			}
			return null;
		});
		return grants;
	}

	private static String grant(List<String> privileges, String target, String grantee, boolean grantable) {
		return "GRANT %s ON %s TO %s%s".formatted(String.join(", ", privileges), target,
				(grantee != null) ? Sql.ident(grantee) : "PUBLIC", grantable ? " WITH GRANT OPTION" : "");
	}

}
