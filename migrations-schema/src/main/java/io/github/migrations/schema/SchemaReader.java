package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.schema.CompositeType.Attribute;
import io.github.migrations.schema.Sequence.ColumnName;
import io.github.migrations.schema.Table.IdentitySequence;
import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * Reads a PostgreSQL catalog into a {@link DatabaseSchema}.
 * <p>
 * Definitions are the server's own deparsing ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef}, {@code pg_get_viewdef},
 * {@code pg_get_functiondef}, {@code pg_get_triggerdef}), printed for the connection's
 * {@code search_path}: objects in a schema on the path are named without it. Read both
 * sides of a diff with the same {@code search_path}, and run the script with it too.
 * <p>
 * Needs PostgreSQL 13 or later; reads only, in the connection's current transaction
 * state.
 */
public final class SchemaReader {

	private static String notInExtension(String catalog, String oid) {
		return " NOT EXISTS (SELECT FROM pg_catalog.pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e') "
			.formatted(catalog, oid);
	}

	private SchemaReader() {
	}

	/**
	 * Reads the schemas the filter selects.
	 * @param connection an open connection to the database; left open
	 * @param filter which schemas, and the version store's table prefix
	 * @return the model of what the catalog holds
	 * @throws io.github.migrations.core.api.MigrationException when the catalog cannot be
	 * read
	 */
	public static DatabaseSchema read(Connection connection, SchemaFilter filter) {
		List<Schema> schemas = schemas(connection, filter);
		CatalogQuery query = new CatalogQuery(connection, schemas.stream().map(Schema::name).toList());
		List<SchemaObject> objects = new ArrayList<>(schemas);
		Map<String, String> unsupported = new TreeMap<>();
		objects.addAll(extensions(query));
		objects.addAll(TextSearchReader.dictionaries(query));
		objects.addAll(TextSearchReader.configurations(query));
		objects.addAll(enums(query));
		objects.addAll(domains(query));
		objects.addAll(compositeTypes(query));
		objects.addAll(sequences(query));
		objects.addAll(tables(query, unsupported));
		objects.addAll(constraints(query));
		objects.addAll(indexes(query));
		objects.addAll(views(query));
		objects.addAll(functions(query, unsupported));
		objects.addAll(triggers(query));
		objects.addAll(policies(query));
		UnsupportedObjects.read(query, unsupported);
		objects.removeIf((object) -> isLeftOut(object, filter));
		Map<String, Set<String>> dependencies = Dependencies.read(query);
		return new DatabaseSchema(objects, unsupported, dependencies, Privileges.read(query),
				serverVersion(connection));
	}

	/**
	 * Reads the schemas the filter selects, on a connection of its own.
	 * @param dataSource where the database is
	 * @param filter which schemas, and the version store's table prefix
	 * @return the model of what the catalog holds
	 * @throws io.github.migrations.core.api.MigrationException when the database cannot
	 * be reached or its catalog cannot be read
	 */
	public static DatabaseSchema read(DataSource dataSource, SchemaFilter filter) {
		try (Connection connection = dataSource.getConnection()) {
			return read(connection, filter);
		}
		catch (SQLException ex) {
			throw MigrationException.of(
					"Could not connect to read the schema: %s (SQLSTATE %s)"
						.formatted(Secrets.mask(String.valueOf(ex.getMessage())), ex.getSQLState()),
					"Check the URL, the user and the password, and that the server accepts connections.", ex);
		}
	}

	/**
	 * Whether the object is the version store's, or one the filter ignores: an ignored
	 * extension, an ignored table or what belongs to it.
	 */
	private static boolean isLeftOut(SchemaObject object, SchemaFilter filter) {
		QualifiedName table;
		if (object instanceof Extension x) {
			return filter.isIgnoredExtension(x.name());
		}
		else if (object instanceof Table t) {
			table = t.name();
		}
		else if (object instanceof Constraint c) {
			table = c.table();
		}
		else if (object instanceof Index i) {
			table = i.table();
		}
		else if (object instanceof Trigger t) {
			table = t.table();
		}
		else if (object instanceof Policy p) {
			table = p.table();
		}
		else if (object instanceof Sequence s && s.ownedBy() != null) {
			table = s.ownedBy().table();
		}
		else {
			return false;
		}
		return filter.isLeftOut(table);
	}

	/**
	 * The server's major version, as the driver learnt it when connecting (no query).
	 */
	private static int serverVersion(Connection connection) {
		try {
			return connection.getMetaData().getDatabaseMajorVersion();
		}
		catch (SQLException ex) {
			throw CatalogQuery.failed("server version", ex);
		}
	}

	private static List<Schema> schemas(Connection connection, SchemaFilter filter) {
		String sql = """
				SELECT n.nspname, pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment
				FROM pg_catalog.pg_namespace n
				WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
				  AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
				  AND (cardinality(?::text[]) = 0 OR n.nspname = ANY (?::text[]))
				  AND NOT n.nspname = ANY (?::text[])
				  AND """ + notInExtension("pg_catalog.pg_namespace", "n.oid") + """

				ORDER BY 1""";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, connection.createArrayOf("text", filter.schemas().toArray()));
			statement.setArray(2, connection.createArrayOf("text", filter.schemas().toArray()));
			statement.setArray(3, connection.createArrayOf("text", filter.ignoredSchemas().toArray()));
			List<Schema> schemas = new ArrayList<>();
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					schemas.add(new Schema(row.getString(1), row.getString(2)));
				}
			}
			return schemas;
		}
		catch (SQLException ex) {
			throw CatalogQuery.failed("schemas", ex);
		}
	}

	private static List<Extension> extensions(CatalogQuery query) {
		return query.list("extensions", """
				SELECT x.extname, n.nspname, x.extversion
				FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
				WHERE x.extname <> 'plpgsql' AND n.nspname = ANY (?)""",
				(row) -> new Extension(row.getString(1), row.getString(2), row.getString(3)));
	}

	private static List<EnumType> enums(CatalogQuery query) {
		return query.list("enum types", """
				SELECT n.nspname, t.typname, pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
				       ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid
				             ORDER BY e.enumsortorder) AS labels
				FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
				WHERE t.typtype = 'e' AND n.nspname = ANY (?) AND """ + notInExtension("pg_catalog.pg_type", "t.oid"),
				(row) -> new EnumType(new QualifiedName(row.getString(1), row.getString(2)),
						CatalogQuery.strings(row, "labels"), row.getString("comment")));
	}

	private static List<Domain> domains(CatalogQuery query) {
		return query.list("domains", """
				SELECT n.nspname, t.typname, pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
				       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base,
				       CASE WHEN t.typcollation <> b.typcollation THEN t.typcollation::regcollation::text END AS coll,
				       t.typdefault, t.typnotnull,
				       ARRAY(SELECT k.conname FROM pg_catalog.pg_constraint k
				             WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) AS check_names,
				       ARRAY(SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k
				             WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) AS check_defs
				FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
				JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype
				WHERE t.typtype = 'd' AND n.nspname = ANY (?) AND """ + notInExtension("pg_catalog.pg_type", "t.oid"),
				(row) -> {
					List<String> names = CatalogQuery.strings(row, "check_names");
					List<String> definitions = CatalogQuery.strings(row, "check_defs");
					List<Domain.Check> checks = new ArrayList<>();
					for (int i = 0; i < names.size(); i++) {
						checks.add(new Domain.Check(names.get(i), Deparsed.settle(definitions.get(i))));
					}
					return new Domain(new QualifiedName(row.getString(1), row.getString(2)), row.getString("base"),
							row.getString("coll"), row.getString("typdefault"), row.getBoolean("typnotnull"), checks,
							row.getString("comment"));
				});
	}

	private static List<CompositeType> compositeTypes(CatalogQuery query) {
		Map<QualifiedName, List<Attribute>> attributes = new LinkedHashMap<>();
		Map<QualifiedName, @Nullable String> comments = new TreeMap<>();
		query.list("composite types", """
				SELECT n.nspname, t.typname, pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
				       a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
				       CASE WHEN a.attcollation <> at.typcollation THEN a.attcollation::regcollation::text END AS coll
				FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
				JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
				LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
				LEFT JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
				WHERE t.typtype = 'c' AND n.nspname = ANY (?) AND """ + notInExtension("pg_catalog.pg_type", "t.oid")
				+ """

						ORDER BY n.nspname, t.typname, a.attnum""", (row) -> {
					QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
					comments.put(name, row.getString("comment"));
					List<Attribute> list = attributes.computeIfAbsent(name, (n) -> new ArrayList<>());
					if (row.getString("attname") != null) {
						list.add(new Attribute(row.getString("attname"), row.getString("type"), row.getString("coll")));
					}
					return name;
				});
		List<CompositeType> types = new ArrayList<>();
		attributes.forEach((name, list) -> types.add(new CompositeType(name, list, comments.get(name))));
		return types;
	}

	private static List<Sequence> sequences(CatalogQuery query) {
		return query.list("sequences", """
				SELECT n.nspname, c.relname, pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
				       pg_catalog.format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement, s.seqmin,
				       s.seqmax, s.seqcache, s.seqcycle, owner_ns.nspname AS owner_schema,
				       owner.relname AS owner_table, owner_column.attname AS owner_column
				FROM pg_catalog.pg_sequence s
				JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
				     AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a' AND d.refobjsubid > 0
				LEFT JOIN pg_catalog.pg_class owner ON owner.oid = d.refobjid
				LEFT JOIN pg_catalog.pg_namespace owner_ns ON owner_ns.oid = owner.relnamespace
				LEFT JOIN pg_catalog.pg_attribute owner_column ON owner_column.attrelid = d.refobjid
				     AND owner_column.attnum = d.refobjsubid
				WHERE n.nspname = ANY (?)
				  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_class'::regclass
				                  AND i.objid = c.oid AND i.deptype = 'i')
				  AND """ + notInExtension("pg_catalog.pg_class", "c.oid"), (row) -> {
			ColumnName owner = (row.getString("owner_table") != null)
					? new ColumnName(new QualifiedName(row.getString("owner_schema"), row.getString("owner_table")),
							row.getString("owner_column"))
					: null;
			return new Sequence(new QualifiedName(row.getString(1), row.getString(2)), row.getString("type"),
					row.getLong("seqstart"), row.getLong("seqincrement"), row.getLong("seqmin"), row.getLong("seqmax"),
					row.getLong("seqcache"), row.getBoolean("seqcycle"), owner, row.getString("comment"));
		});
	}

	private static List<Table> tables(CatalogQuery query, Map<String, String> unsupported) {
		Map<QualifiedName, List<Column>> columns = new TreeMap<>();
		query.list("columns", """
				SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
				       CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END AS coll,
				       a.attnotnull, a.attidentity, a.attgenerated,
				       pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS expression,
				       pg_catalog.col_description(c.oid, a.attnum) AS comment,
				       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
				FROM pg_catalog.pg_attribute a
				JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
				LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
				LEFT JOIN pg_catalog.pg_depend i ON a.attidentity <> '' AND i.classid = 'pg_catalog.pg_class'::regclass
				     AND i.refclassid = 'pg_catalog.pg_class'::regclass AND i.refobjid = a.attrelid
				     AND i.refobjsubid = a.attnum AND i.deptype = 'i'
				LEFT JOIN pg_catalog.pg_sequence s ON s.seqrelid = i.objid
				WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
				  AND n.nspname = ANY (?)
				ORDER BY n.nspname, c.relname, a.attnum""", (row) -> {
			String expression = Deparsed.settle(row.getString("expression"));
			boolean generated = !row.getString("attgenerated").isEmpty();
			String identity = switch (row.getString("attidentity")) {
				case "a" -> "ALWAYS";
				case "d" -> "BY DEFAULT";
				default -> null;
			};
			IdentitySequence sequence = (identity != null && row.getObject("seqstart") != null)
					? new IdentitySequence(row.getLong("seqstart"), row.getLong("seqincrement"), row.getLong("seqmin"),
							row.getLong("seqmax"), row.getLong("seqcache"), row.getBoolean("seqcycle"))
					: null;
			Column column = new Column(row.getString("attname"), row.getString("type"), row.getString("coll"),
					row.getBoolean("attnotnull"), generated ? null : expression, generated ? expression : null,
					identity, sequence, row.getString("comment"));
			columns.computeIfAbsent(new QualifiedName(row.getString(1), row.getString(2)), (n) -> new ArrayList<>())
				.add(column);
			return column;
		});
		return query.list("tables", """
				SELECT n.nspname, c.relname, pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
				       c.relpersistence = 'u' AS unlogged,
				       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
				       pn.nspname AS parent_schema, p.relname AS parent, c.relispartition,
				       pg_catalog.pg_get_expr(c.relpartbound, c.oid) AS bound, c.reloptions,
				       c.relrowsecurity, c.relforcerowsecurity
				FROM pg_catalog.pg_class c
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				LEFT JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid
				LEFT JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
				LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
				WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY (?) AND """
				+ notInExtension("pg_catalog.pg_class", "c.oid") + """

						ORDER BY n.nspname, c.relname, pn.nspname, p.relname""", (row) -> {
					QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
					QualifiedName parent = (row.getString("parent") != null)
							? new QualifiedName(row.getString("parent_schema"), row.getString("parent")) : null;
					boolean partition = row.getBoolean("relispartition");
					if (parent != null && !partition) {
						unsupported.put("inheritance " + name + " from " + parent, "INHERITS (" + parent.sql() + ")");
					}
					return new Table(name, row.getBoolean("unlogged"), row.getString("partition_key"),
							partition ? parent : null, partition ? row.getString("bound") : null,
							columns.getOrDefault(name, List.of()), CatalogQuery.strings(row, "reloptions"),
							row.getBoolean("relrowsecurity"), row.getBoolean("relforcerowsecurity"),
							row.getString("comment"));
				})
			.stream()
			.distinct()
			.toList();
	}

	private static List<Constraint> constraints(CatalogQuery query) {
		return query.list("constraints", """
				SELECT n.nspname, c.relname, k.conname, k.contype, pg_catalog.pg_get_constraintdef(k.oid) AS def,
				       rn.nspname AS ref_schema, r.relname AS ref_table,
				       pg_catalog.obj_description(k.oid, 'pg_constraint') AS comment
				FROM pg_catalog.pg_constraint k
				JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
				LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
				WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND k.conparentid = 0 AND k.conislocal
				  AND c.relkind IN ('r', 'p') AND n.nspname = ANY (?)
				  AND """ + notInExtension("pg_catalog.pg_class", "c.oid"), (row) -> {
			Constraint.Type type = switch (row.getString("contype")) {
				case "p" -> Constraint.Type.PRIMARY_KEY;
				case "u" -> Constraint.Type.UNIQUE;
				case "c" -> Constraint.Type.CHECK;
				case "f" -> Constraint.Type.FOREIGN_KEY;
				default -> Constraint.Type.EXCLUSION;
			};
			QualifiedName references = (row.getString("ref_table") != null)
					? new QualifiedName(row.getString("ref_schema"), row.getString("ref_table")) : null;
			return new Constraint(new QualifiedName(row.getString(1), row.getString(2)), row.getString(3), type,
					Deparsed.settle(row.getString("def")), references, row.getString("comment"));
		});
	}

	private static List<Index> indexes(CatalogQuery query) {
		return query.list("indexes", """
				SELECT n.nspname, i.relname, tn.nspname AS table_schema, t.relname AS table_name,
				       pg_catalog.pg_get_indexdef(i.oid) AS def,
				       pg_catalog.obj_description(i.oid, 'pg_class') AS comment
				FROM pg_catalog.pg_index x
				JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
				JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
				JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
				WHERE t.relkind IN ('r', 'p', 'm') AND n.nspname = ANY (?)
				  AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k WHERE k.conindid = i.oid
				                  AND k.conrelid = t.oid AND k.contype IN ('p', 'u', 'x'))
				  AND NOT EXISTS (SELECT FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.oid)
				  AND """ + notInExtension("pg_catalog.pg_class", "t.oid"),
				(row) -> new Index(new QualifiedName(row.getString(1), row.getString(2)),
						new QualifiedName(row.getString("table_schema"), row.getString("table_name")),
						Deparsed.settle(row.getString("def")), row.getString("comment")));
	}

	private static List<View> views(CatalogQuery query) {
		return query.list("views", """
				SELECT n.nspname, c.relname, c.relkind = 'm' AS materialized,
				       pg_catalog.pg_get_viewdef(c.oid) AS def, c.reloptions,
				       pg_catalog.obj_description(c.oid, 'pg_class') AS comment
				FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				WHERE c.relkind IN ('v', 'm') AND n.nspname = ANY (?) AND """
				+ notInExtension("pg_catalog.pg_class", "c.oid"), (row) -> {
					String query1 = Deparsed.settle(row.getString("def")).strip();
					String definition = query1.endsWith(";") ? query1.substring(0, query1.length() - 1) : query1;
					return new View(new QualifiedName(row.getString(1), row.getString(2)),
							row.getBoolean("materialized"), definition, CatalogQuery.strings(row, "reloptions"),
							row.getString("comment"));
				});
	}

	private static List<Function> functions(CatalogQuery query, Map<String, String> unsupported) {
		List<Function> functions = new ArrayList<>();
		query.list("functions", """
				SELECT n.nspname, p.proname, p.prokind,
				       pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity,
				       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
				       pg_catalog.pg_get_function_result(p.oid) AS result,
				       CASE WHEN p.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(p.oid) END AS def,
				       pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
				FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
				WHERE n.nspname = ANY (?) AND """ + notInExtension("pg_catalog.pg_proc", "p.oid") + """
				AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_proc'::regclass
				                AND i.objid = p.oid AND i.deptype = 'i')""", (row) -> {
			QualifiedName name = new QualifiedName(row.getString(1), row.getString(2));
			String kind = row.getString("prokind");
			String identity = row.getString("identity");
			if (kind.equals("a") || kind.equals("w")) {
				unsupported.put((kind.equals("a") ? "aggregate " : "window function ") + name + "(" + identity + ")",
						String.valueOf(row.getString("result")));
				return name;
			}
			functions.add(new Function(name, identity, kind.equals("p"), row.getString("arguments"),
					row.getString("result"), row.getString("def"), row.getString("comment")));
			return name;
		});
		return functions;
	}

	private static List<Trigger> triggers(CatalogQuery query) {
		return query.list("triggers", """
				SELECT n.nspname, c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid) AS def,
				       pg_catalog.obj_description(t.oid, 'pg_trigger') AS comment
				FROM pg_catalog.pg_trigger t
				JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND n.nspname = ANY (?)
				  AND """ + notInExtension("pg_catalog.pg_class", "c.oid"),
				(row) -> new Trigger(new QualifiedName(row.getString(1), row.getString(2)), row.getString(3),
						Deparsed.settle(row.getString("def")), row.getString("comment")));
	}

	private static List<Policy> policies(CatalogQuery query) {
		return query.list("policies", """
				SELECT n.nspname, c.relname, p.polname, p.polpermissive,
				       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
				                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
				       CASE WHEN p.polroles = '{0}' THEN ARRAY['public']
				            ELSE ARRAY(SELECT pg_catalog.quote_ident(r.rolname) FROM pg_catalog.pg_roles r
				                       WHERE r.oid = ANY (p.polroles) ORDER BY r.rolname) END AS roles,
				       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
				       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
				       pg_catalog.obj_description(p.oid, 'pg_policy') AS comment
				FROM pg_catalog.pg_policy p
				JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = ANY (?)""",
				(row) -> new Policy(new QualifiedName(row.getString(1), row.getString(2)), row.getString(3),
						row.getBoolean("polpermissive"), row.getString("command"), CatalogQuery.strings(row, "roles"),
						Deparsed.settle(row.getString("using_expr")), Deparsed.settle(row.getString("check_expr")),
						row.getString("comment")));
	}

}
