package io.github.migrations.schema;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.migrations.schema.Node.ColumnPart;
import io.github.migrations.schema.Node.DefaultPart;
import io.github.migrations.schema.Node.OwnerPart;
import io.github.migrations.schema.Table.Column;

/**
 * A schema's units ({@link Node}) with what each depends on: the catalog's dependencies
 * plus the structural ones (a column on its table, an index on its table, everything on
 * its schema).
 */
final class NodeGraph {

	private final Map<String, Node> nodes;

	private final Map<String, Set<String>> dependencies;

	private final Map<String, List<String>> grants;

	private final int serverVersion;

	private final Map<String, String> unsupported;

	private NodeGraph(Map<String, Node> nodes, Map<String, Set<String>> dependencies, Map<String, List<String>> grants,
			int serverVersion, Map<String, String> unsupported) {
		this.nodes = nodes;
		this.dependencies = dependencies;
		this.grants = grants;
		this.serverVersion = serverVersion;
		this.unsupported = unsupported;
	}

	/**
	 * The casts from or to a type ({@code cast (character varying AS public.status)}),
	 * each with its definition ({@code WITH INOUT AS IMPLICIT}): not units of the graph,
	 * but a rebuild of the type must take them along.
	 */
	Map<String, String> castsOf(QualifiedName type) {
		Map<String, String> casts = new TreeMap<>();
		this.unsupported.forEach((name, definition) -> {
			if (name.startsWith("cast (" + type.sql() + " AS ")
					|| (name.startsWith("cast (") && name.endsWith(" AS " + type.sql() + ")"))) {
				casts.put(name, definition);
			}
		});
		return casts;
	}

	/**
	 * The statements that give a unit's privileges again, as read.
	 */
	List<String> grantsOf(String key) {
		return this.grants.getOrDefault(key, List.of());
	}

	/**
	 * The major version of the server the schema was read from, or {@code 0}.
	 */
	int serverVersion() {
		return this.serverVersion;
	}

	Map<String, Node> nodes() {
		return this.nodes;
	}

	Node node(String key) {
		return this.nodes.get(key);
	}

	boolean contains(String key) {
		return this.nodes.containsKey(key);
	}

	Set<String> dependenciesOf(String key) {
		return this.dependencies.getOrDefault(key, Set.of());
	}

	/**
	 * The units that depend on this one directly.
	 */
	Set<String> dependentsOf(String key) {
		Set<String> dependents = new TreeSet<>();
		this.dependencies.forEach((from, on) -> {
			if (on.contains(key)) {
				dependents.add(from);
			}
		});
		return dependents;
	}

	static NodeGraph of(DatabaseSchema schema) {
		Map<String, Node> nodes = new LinkedHashMap<>();
		Map<String, Set<String>> structural = new TreeMap<>();
		for (SchemaObject object : schema.objects().values()) {
			add(schema, object, nodes, structural);
		}
		Map<String, Set<String>> dependencies = new TreeMap<>();
		schema.dependencies().forEach((key, on) -> {
			if (nodes.containsKey(key)) {
				for (String target : on) {
					if (nodes.containsKey(target) && !target.equals(key)) {
						dependencies.computeIfAbsent(key, (k) -> new TreeSet<>()).add(target);
					}
				}
			}
		});
		structural.forEach((key, on) -> {
			for (String target : on) {
				if (nodes.containsKey(target) && !target.equals(key)) {
					dependencies.computeIfAbsent(key, (k) -> new TreeSet<>()).add(target);
				}
			}
		});
		// a sequence owned by a column is not made to depend on it: the column's default
		// depends on the sequence
		nodes.values().forEach((node) -> {
			if (node.model() instanceof Sequence) {
				Set<String> on = dependencies.get(node.key());
				if (on != null) {
					on.removeIf((target) -> target.startsWith("column ") || target.startsWith("table "));
				}
			}
		});
		return new NodeGraph(nodes, dependencies, schema.grants(), schema.serverVersion(), schema.unsupported());
	}

	private static void add(DatabaseSchema schema, SchemaObject object, Map<String, Node> nodes,
			Map<String, Set<String>> structural) {
		String key = object.key();
		if (object instanceof Schema s) {
			nodes.put(key, new Node(key, 0, s, null, Set.of(), "schema " + s.name()));
			return;
		}
		if (object instanceof Extension x) {
			nodes.put(key, new Node(key, 1, x, null, Set.of(), key));
			depend(structural, key, "schema " + x.schema());
			return;
		}
		if (object instanceof TextSearchDictionary || object instanceof TextSearchConfiguration) {
			// among the first created, the last dropped: a function's body names a
			// configuration as text, which leaves no dependency in the catalog
			QualifiedName name = (object instanceof TextSearchDictionary d) ? d.name()
					: ((TextSearchConfiguration) object).name();
			nodes.put(key, new Node(key, 1, object, null, Set.of(), key));
			depend(structural, key, "schema " + name.schema());
			return;
		}
		if (object instanceof EnumType || object instanceof Domain || object instanceof CompositeType) {
			int rank = (object instanceof EnumType) ? 2 : (object instanceof Domain) ? 3 : 4;
			QualifiedName name = typeName(object);
			nodes.put(key, new Node(key, rank, object, null, Set.of(), "relation " + name));
			depend(structural, key, "schema " + name.schema());
			return;
		}
		if (object instanceof Sequence s) {
			Set<String> dropsWith = (s.ownedBy() != null) ? Set.of("column " + s.ownedBy()) : Set.of();
			nodes.put(key, new Node(key, 5, s, null, dropsWith, "relation " + s.name()));
			depend(structural, key, "schema " + s.name().schema());
			if (s.ownedBy() != null) {
				String owner = "owner " + s.name();
				nodes.put(owner, new Node(owner, 10, new OwnerPart(s), null, Set.of(key), owner));
				depend(structural, owner, key);
				depend(structural, owner, "column " + s.ownedBy());
			}
			return;
		}
		if (object instanceof Function f) {
			nodes.put(key, new Node(key, 6, f, null, Set.of(), key));
			depend(structural, key, "schema " + f.name().schema());
			return;
		}
		if (object instanceof Table t) {
			Set<String> dropsWith = (t.partitionOf() != null) ? Set.of("table " + t.partitionOf()) : Set.of();
			nodes.put(key, new Node(key, 7, t, null, dropsWith, "relation " + t.name()));
			depend(structural, key, "schema " + t.name().schema());
			if (t.partitionOf() != null) {
				depend(structural, key, "table " + t.partitionOf());
			}
			for (Column column : t.columns()) {
				String columnKey = "column " + t.name() + "." + column.name();
				if (t.partitionOf() != null) {
					// a partition's column comes and goes with its parent's
					String parentColumn = "column " + t.partitionOf() + "." + column.name();
					nodes.put(columnKey, new Node(columnKey, 8, new ColumnPart(t, column), parentColumn,
							Set.of(key, parentColumn), columnKey));
					depend(structural, columnKey, key);
					continue;
				}
				nodes.put(columnKey, new Node(columnKey, 8, new ColumnPart(t, column), key, Set.of(key), columnKey));
				depend(structural, columnKey, key);
				if (column.defaultValue() != null) {
					String defaultKey = "default " + t.name() + "." + column.name();
					nodes.put(defaultKey, new Node(defaultKey, 9, new DefaultPart(t, column), columnKey,
							Set.of(columnKey), defaultKey));
					depend(structural, defaultKey, columnKey);
				}
			}
			return;
		}
		if (object instanceof Constraint c) {
			String table = "table " + c.table();
			int rank = (c.type() == Constraint.Type.FOREIGN_KEY) ? 12 : 11;
			boolean ownsIndex = c.type() == Constraint.Type.PRIMARY_KEY || c.type() == Constraint.Type.UNIQUE
					|| c.type() == Constraint.Type.EXCLUSION;
			String slot = ownsIndex ? "relation " + new QualifiedName(c.table().schema(), c.name()) : key;
			nodes.put(key, new Node(key, rank, c, null, Set.of(table), slot));
			depend(structural, key, table);
			if (c.references() != null) {
				depend(structural, key, "table " + c.references());
			}
			return;
		}
		if (object instanceof Index i) {
			String on = (schema.object("view " + i.table()) != null) ? "view " + i.table() : "table " + i.table();
			nodes.put(key, new Node(key, 13, i, null, Set.of(on), "relation " + i.name()));
			depend(structural, key, on);
			return;
		}
		if (object instanceof View v) {
			nodes.put(key, new Node(key, 14, v, null, Set.of(), "relation " + v.name()));
			depend(structural, key, "schema " + v.name().schema());
			return;
		}
		if (object instanceof Trigger t) {
			String on = (schema.object("view " + t.table()) != null) ? "view " + t.table() : "table " + t.table();
			nodes.put(key, new Node(key, 15, t, null, Set.of(on), key));
			depend(structural, key, on);
			return;
		}
		if (object instanceof Policy p) {
			String on = "table " + p.table();
			nodes.put(key, new Node(key, 16, p, null, Set.of(on), key));
			depend(structural, key, on);
		}
	}

	static QualifiedName typeName(Object type) {
		if (type instanceof EnumType e) {
			return e.name();
		}
		if (type instanceof Domain d) {
			return d.name();
		}
		return ((CompositeType) type).name();
	}

	private static void depend(Map<String, Set<String>> dependencies, String key, String on) {
		dependencies.computeIfAbsent(key, (k) -> new HashSet<>()).add(on);
	}

}
