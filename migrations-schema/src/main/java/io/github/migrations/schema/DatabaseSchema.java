package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What {@link SchemaReader} read from a database's catalog: every object by its
 * {@link SchemaObject#key() key}, the objects it could read but the differ cannot
 * express, and which object depends on which. Immutable; two schemas are equal when their
 * objects and unsupported objects are.
 */
public final class DatabaseSchema {

	private final Map<String, SchemaObject> objects;

	private final Map<String, String> unsupported;

	private final Map<String, Set<String>> dependencies;

	private final Map<String, List<String>> grants;

	private final int serverVersion;

	/**
	 * @param objects the objects (keyed by {@link SchemaObject#key()} here)
	 * @param unsupported objects the differ cannot express, by kind and name (such as
	 * {@code aggregate public.total(integer)}), each with a definition to compare
	 * @param dependencies for an object's key, the keys it depends on (from
	 * {@code pg_depend}); columns are {@code column schema.table.column}, column defaults
	 * {@code default schema.table.column}
	 * @param grants for an object's key, the statements that give its privileges again
	 * ({@code GRANT SELECT ON TABLE public.v TO reader})
	 * @param serverVersion the major version of the PostgreSQL server it was read from
	 * ({@code 17}), or {@code 0} when unknown
	 */
	public DatabaseSchema(List<? extends SchemaObject> objects, Map<String, String> unsupported,
			Map<String, Set<String>> dependencies, Map<String, List<String>> grants, int serverVersion) {
		Map<String, SchemaObject> byKey = new TreeMap<>();
		for (SchemaObject object : objects) {
			byKey.put(object.key(), object);
		}
		this.objects = Collections.unmodifiableMap(byKey);
		this.unsupported = Collections.unmodifiableMap(new TreeMap<>(unsupported));
		Map<String, Set<String>> copy = new TreeMap<>();
		dependencies.forEach((key, on) -> copy.put(key, Collections.unmodifiableSet(new TreeSet<>(on))));
		this.dependencies = Collections.unmodifiableMap(copy);
		Map<String, List<String>> grantsCopy = new TreeMap<>();
		grants.forEach((key, statements) -> grantsCopy.put(key, List.copyOf(statements)));
		this.grants = Collections.unmodifiableMap(grantsCopy);
		this.serverVersion = serverVersion;
	}

	/**
	 * Every object by key, sorted by key.
	 */
	public Map<String, SchemaObject> objects() {
		return this.objects;
	}

	/**
	 * The object with this key, or {@code null}.
	 */
	public @Nullable SchemaObject object(String key) {
		return this.objects.get(key);
	}

	/**
	 * The objects of one kind, sorted by key.
	 */
	public <T extends SchemaObject> List<T> all(Class<T> kind) {
		List<T> all = new ArrayList<>();
		for (SchemaObject object : this.objects.values()) {
			if (kind.isInstance(object)) {
				all.add(kind.cast(object));
			}
		}
		return all;
	}

	/**
	 * The table with this name, or {@code null}.
	 */
	public @Nullable Table table(QualifiedName name) {
		return (this.objects.get("table " + name) instanceof Table table) ? table : null;
	}

	/**
	 * Objects present in the catalog that the differ cannot express (aggregates, rules,
	 * foreign tables, table inheritance, operators, range types, ...), by kind and name,
	 * each with a definition to compare.
	 */
	public Map<String, String> unsupported() {
		return this.unsupported;
	}

	/**
	 * For each object key, the keys of the objects it depends on.
	 */
	public Map<String, Set<String>> dependencies() {
		return this.dependencies;
	}

	/**
	 * The keys this object depends on.
	 */
	public Set<String> dependenciesOf(String key) {
		return this.dependencies.getOrDefault(key, Set.of());
	}

	/**
	 * For an object's key, the statements that give its privileges again: {@code GRANT}s
	 * to every role but its owner, and for a function whose {@code EXECUTE} was revoked
	 * from {@code PUBLIC}, that {@code REVOKE}. Privileges are not compared (not part of
	 * {@link #equals(Object)}); a diff gives them back to what it drops and creates
	 * again.
	 */
	public Map<String, List<String>> grants() {
		return this.grants;
	}

	/**
	 * The major version of the server it was read from ({@code 17}), or {@code 0} when
	 * unknown. A diff from this schema, which runs where it was read, writes a statement
	 * that only later versions have (such as {@code ALTER COLUMN ... SET EXPRESSION}, new
	 * in PostgreSQL 17) only when this version has it, and the form every version runs
	 * otherwise. Not part of {@link #equals(Object)}.
	 */
	public int serverVersion() {
		return this.serverVersion;
	}

	/**
	 * Whether there is nothing in it.
	 */
	public boolean isEmpty() {
		return this.objects.isEmpty() && this.unsupported.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DatabaseSchema schema && this.objects.equals(schema.objects)
				&& this.unsupported.equals(schema.unsupported);
	}

	@Override
	public int hashCode() {
		return this.objects.hashCode() * 31 + this.unsupported.hashCode();
	}

	/**
	 * One object per line, with its definition.
	 */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.objects.values().forEach((object) -> text.append(object).append('\n'));
		this.unsupported.forEach((name,
				definition) -> text.append("unsupported ").append(name).append(": ").append(definition).append('\n'));
		return text.toString();
	}

}
