package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.schema.DiffOptions.Rename;
import io.github.migrations.schema.Sequence.ColumnName;
import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * Applies rename hints to the schema diffed from: the renamed table or column takes its
 * new name there, so that it matches the target, and the {@code ALTER ... RENAME} that
 * does so in the database is kept aside. What PostgreSQL renames along (an index's or a
 * constraint's mention of the table or column) is renamed too.
 */
final class Renames {

	private final DatabaseSchema schema;

	private final List<Renamed> renamed;

	private Renames(DatabaseSchema schema, List<Renamed> renamed) {
		this.schema = schema;
		this.renamed = renamed;
	}

	DatabaseSchema schema() {
		return this.schema;
	}

	List<Renamed> renamed() {
		return this.renamed;
	}

	static Renames apply(DatabaseSchema from, DatabaseSchema to, List<Rename> hints) {
		DatabaseSchema schema = from;
		List<Renamed> renamed = new ArrayList<>();
		for (Rename hint : hints) {
			if (hint.column()) {
				Table table = findTable(schema, hint, hint.table());
				if (table == null && !hint.table().equals(hint.from())) {
					table = null;
				}
				Rename tableHint = (table == null || to.table(table.name()) == null) ? renameOf(hints, hint) : null;
				if (tableHint != null) {
					String prefix = (hint.schema() != null) ? hint.schema() + "." : "";
					throw MigrationException.of(
							"Rename hint '%s' does not match: table '%s' is renamed to '%s' by '%s', and a column's table is "
								.formatted(hint, hint.table(), tableHint.to(), tableHint)
									+ "named as the target has it.",
							"Write it as 'column:%s%s.%s=%s.%s'.".formatted(prefix, tableHint.to(), hint.from(),
									tableHint.to(), hint.to()));
				}
				if (table == null || table.column(hint.from()) == null || to.table(table.name()) == null
						|| to.table(table.name()).column(hint.to()) == null) {
					throw notFound(hint, "column '%s.%s' in the schema diffed from and '%s.%s' in the target"
						.formatted(hint.table(), hint.from(), hint.table(), hint.to()));
				}
				QualifiedName name = table.name();
				String newKey = "column " + name + "." + hint.to();
				renamed
					.add(new Renamed(newKey,
							Change.of(newKey,
									"ALTER TABLE %s RENAME COLUMN %s TO %s".formatted(name.sql(),
											Sql.ident(hint.from()), Sql.ident(hint.to()))),
							"column " + name + "." + hint.from(), newKey));
				schema = renameColumn(schema, name, hint.from(), hint.to());
			}
			else {
				Table table = findTable(schema, hint, hint.from());
				QualifiedName target = (table != null) ? new QualifiedName(table.name().schema(), hint.to()) : null;
				if (table == null || to.table(target) == null || schema.table(target) != null) {
					throw notFound(hint, "table '%s' in the schema diffed from and '%s' in the target"
						.formatted(hint.from(), hint.to()));
				}
				String newKey = "table " + target;
				renamed.add(new Renamed(newKey,
						Change.of(newKey,
								"ALTER TABLE %s RENAME TO %s".formatted(table.name().sql(), Sql.ident(hint.to()))),
						"relation " + table.name(), "relation " + target));
				schema = renameTable(schema, table.name(), target);
				schema = renameNamedAfter(schema, to, target, hint.from(), hint.to(), renamed);
			}
		}
		schema = renameIndexes(schema, to, renamed);
		return new Renames(schema, renamed);
	}

	/**
	 * Renames, without a hint, an index that only the schema diffed from has to the one
	 * index that only the target has on the same table with the same definition but its
	 * name: {@code ALTER INDEX ... RENAME TO} instead of a drop and a build.
	 */
	private static DatabaseSchema renameIndexes(DatabaseSchema schema, DatabaseSchema to, List<Renamed> renamed) {
		DatabaseSchema result = schema;
		for (Index i : schema.all(Index.class)) {
			if (to.object(i.key()) != null) {
				continue;
			}
			List<Index> same = new ArrayList<>();
			for (Index candidate : to.all(Index.class)) {
				if (candidate.table().equals(i.table()) && candidate.name().schema().equals(i.name().schema())
						&& schema.object(candidate.key()) == null && renamedTo(i, candidate.name()).equals(candidate)) {
					same.add(candidate);
				}
			}
			long alike = schema.all(Index.class)
				.stream()
				.filter((other) -> to.object(other.key()) == null && same.size() == 1
						&& renamedTo(other, same.get(0).name()).equals(same.get(0)))
				.count();
			if (same.size() != 1 || alike != 1 || relationTaken(result, i.name().schema(), same.get(0).name().name())) {
				continue;
			}
			Index now = same.get(0);
			renamed.add(new Renamed(now.key(),
					Change.of(now.key(),
							"ALTER INDEX %s RENAME TO %s".formatted(i.name().sql(), Sql.ident(now.name().name()))),
					"relation " + i.name(), "relation " + now.name()));
			result = replace(result, i, now);
		}
		return result;
	}

	private static Index renamedTo(Index index, QualifiedName name) {
		String definition = index.definition()
			.replaceFirst("^(CREATE (UNIQUE )?INDEX )" + Pattern.quote(Sql.ident(index.name().name())) + " ON ",
					"$1" + Matcher.quoteReplacement(Sql.ident(name.name())) + " ON ");
		return new Index(name, index.table(), definition, index.comment());
	}

	/**
	 * Renames the constraints, indexes and owned sequences of a renamed table that are
	 * named after it ({@code customers_pkey}, {@code customers_id_seq}) when the target
	 * has them, otherwise equal, named after its new name ({@code clients_pkey}) and not
	 * under the old one.
	 */
	private static DatabaseSchema renameNamedAfter(DatabaseSchema schema, DatabaseSchema to, QualifiedName table,
			String oldName, String newName, List<Renamed> renamed) {
		DatabaseSchema result = schema;
		for (Constraint c : schema.all(Constraint.class)) {
			String name = alongName(c.name(), oldName, newName);
			if (!c.table().equals(table) || name == null) {
				continue;
			}
			Constraint now = new Constraint(table, name, c.type(), c.definition(), c.references(), c.comment());
			if (now.equals(to.object(now.key())) && to.object(c.key()) == null && schema.object(now.key()) == null
					&& !relationTaken(schema, table.schema(), name)) {
				boolean ownsIndex = c.type() == Constraint.Type.PRIMARY_KEY || c.type() == Constraint.Type.UNIQUE
						|| c.type() == Constraint.Type.EXCLUSION;
				String frees = ownsIndex ? "relation " + new QualifiedName(table.schema(), c.name()) : c.key();
				String takes = ownsIndex ? "relation " + new QualifiedName(table.schema(), name) : now.key();
				renamed.add(new Renamed(now.key(), Change.of(now.key(), "ALTER TABLE %s RENAME CONSTRAINT %s TO %s"
					.formatted(table.sql(), Sql.ident(c.name()), Sql.ident(name))), frees, takes));
				result = replace(result, c, now);
			}
		}
		for (Index i : schema.all(Index.class)) {
			String name = alongName(i.name().name(), oldName, newName);
			if (!i.table().equals(table) || name == null) {
				continue;
			}
			QualifiedName newIndex = new QualifiedName(i.name().schema(), name);
			String definition = i.definition()
				.replaceFirst("^(CREATE (UNIQUE )?INDEX )" + Pattern.quote(Sql.ident(i.name().name())) + " ON ",
						"$1" + Matcher.quoteReplacement(Sql.ident(name)) + " ON ");
			Index now = new Index(newIndex, i.table(), definition, i.comment());
			if (now.equals(to.object(now.key())) && to.object(i.key()) == null
					&& !relationTaken(schema, i.name().schema(), name)) {
				renamed.add(new Renamed(now.key(),
						Change.of(now.key(), "ALTER INDEX %s RENAME TO %s".formatted(i.name().sql(), Sql.ident(name))),
						"relation " + i.name(), "relation " + newIndex));
				result = replace(result, i, now);
			}
		}
		for (Sequence s : schema.all(Sequence.class)) {
			String name = alongName(s.name().name(), oldName, newName);
			if (s.ownedBy() == null || !s.ownedBy().table().equals(table) || name == null) {
				continue;
			}
			QualifiedName newSequence = new QualifiedName(s.name().schema(), name);
			Sequence now = new Sequence(newSequence, s.type(), s.start(), s.increment(), s.minValue(), s.maxValue(),
					s.cache(), s.cycle(), s.ownedBy(), s.comment());
			if (now.equals(to.object(now.key())) && to.object(s.key()) == null
					&& !relationTaken(schema, s.name().schema(), name)) {
				renamed.add(new Renamed(now.key(),
						Change.of(now.key(),
								"ALTER SEQUENCE %s RENAME TO %s".formatted(s.name().sql(), Sql.ident(name))),
						"relation " + s.name(), "relation " + newSequence));
				result = renameSequence(result, s, now);
			}
		}
		return result;
	}

	/**
	 * Replaces a sequence by its renamed self, and the name in the column defaults that
	 * call it ({@code nextval('orders_id_seq'::regclass)}, qualified or not as the search
	 * path makes it visible), as PostgreSQL prints them once it is renamed.
	 */
	private static DatabaseSchema renameSequence(DatabaseSchema schema, Sequence old, Sequence now) {
		Map<String, String> names = Map.of(Sql.literal(old.name().sql()) + "::regclass",
				Sql.literal(now.name().sql()) + "::regclass", Sql.literal(Sql.ident(old.name().name())) + "::regclass",
				Sql.literal(Sql.ident(now.name().name())) + "::regclass");
		List<SchemaObject> objects = new ArrayList<>();
		for (SchemaObject object : schema.objects().values()) {
			if (object.equals(old)) {
				objects.add(now);
			}
			else if (object instanceof Table t) {
				List<Column> columns = new ArrayList<>();
				for (Column c : t.columns()) {
					String value = c.defaultValue();
					if (value != null) {
						for (Map.Entry<String, String> name : names.entrySet()) {
							value = value.replace(name.getKey(), name.getValue());
						}
					}
					columns.add(new Column(c.name(), c.type(), c.collation(), c.notNull(), value, c.generated(),
							c.identity(), c.identitySequence(), c.comment()));
				}
				objects.add(new Table(t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(), t.partitionBound(),
						columns, t.options(), t.rowSecurity(), t.forceRowSecurity(), t.comment()));
			}
			else {
				objects.add(object);
			}
		}
		return new DatabaseSchema(objects, schema.unsupported(),
				renameKeys(schema.dependencies(), Map.of(), old.key(), now.key()), schema.grants(),
				schema.serverVersion());
	}

	private static String alongName(String name, String oldName, String newName) {
		return name.startsWith(oldName + "_") ? newName + name.substring(oldName.length()) : null;
	}

	private static boolean relationTaken(DatabaseSchema schema, String namespace, String name) {
		QualifiedName relation = new QualifiedName(namespace, name);
		return schema.table(relation) != null || schema.object("index " + relation) != null
				|| schema.object("sequence " + relation) != null || schema.object("view " + relation) != null
				|| schema.all(Constraint.class)
					.stream()
					.anyMatch((c) -> c.table().schema().equals(namespace) && c.name().equals(name));
	}

	private static DatabaseSchema replace(DatabaseSchema schema, SchemaObject old, SchemaObject now) {
		List<SchemaObject> objects = new ArrayList<>();
		for (SchemaObject object : schema.objects().values()) {
			objects.add(object.equals(old) ? now : object);
		}
		return new DatabaseSchema(objects, schema.unsupported(),
				renameKeys(schema.dependencies(), Map.of(), old.key(), now.key()), schema.grants(),
				schema.serverVersion());
	}

	private static Table findTable(DatabaseSchema schema, Rename hint, String name) {
		for (Table table : schema.all(Table.class)) {
			if (table.name().name().equals(name)
					&& (hint.schema() == null || hint.schema().equals(table.name().schema()))) {
				return table;
			}
		}
		return null;
	}

	/**
	 * The table hint that renames the table a column hint names by its old name, or
	 * {@code null}.
	 */
	private static @Nullable Rename renameOf(List<Rename> hints, Rename column) {
		for (Rename hint : hints) {
			if (!hint.column() && hint.from().equals(column.table())
					&& (column.schema() == null || column.schema().equals(hint.schema()) || hint.schema() == null)) {
				return hint;
			}
		}
		return null;
	}

	private static MigrationException notFound(Rename hint, String what) {
		return MigrationException.of("Rename hint '%s' does not match: there is no %s.".formatted(hint, what),
				"Check the names (a table keeps its schema; qualify it as 'table:schema.old=schema.new' when "
						+ "several schemas have it), or leave the hint out.");
	}

	private static DatabaseSchema renameTable(DatabaseSchema schema, QualifiedName old, QualifiedName now) {
		String oldSql = old.sql();
		String nowSql = now.sql();
		List<SchemaObject> objects = new ArrayList<>();
		for (SchemaObject object : schema.objects().values()) {
			if (object instanceof Table t) {
				QualifiedName parent = old.equals(t.partitionOf()) ? now : t.partitionOf();
				objects.add(new Table(t.name().equals(old) ? now : t.name(), t.unlogged(), t.partitionKey(), parent,
						t.partitionBound(), t.columns(), t.options(), t.rowSecurity(), t.forceRowSecurity(),
						t.comment()));
			}
			else if (object instanceof Constraint c) {
				String definition = c.definition();
				if (old.equals(c.references())) {
					// PostgreSQL names the referenced table qualified or not, as the
					// search path
					// makes it visible
					definition = definition.replace(" REFERENCES " + oldSql + "(", " REFERENCES " + nowSql + "(")
						.replace(" REFERENCES " + Sql.ident(old.name()) + "(",
								" REFERENCES " + Sql.ident(now.name()) + "(");
				}
				objects.add(new Constraint(c.table().equals(old) ? now : c.table(), c.name(), c.type(), definition,
						old.equals(c.references()) ? now : c.references(), c.comment()));
			}
			else if (object instanceof Index i && i.table().equals(old)) {
				String definition = i.definition()
					.replace(" ON " + oldSql + " USING", " ON " + nowSql + " USING")
					.replace(" ON ONLY " + oldSql + " USING", " ON ONLY " + nowSql + " USING");
				objects.add(new Index(i.name(), now, definition, i.comment()));
			}
			else if (object instanceof Trigger t && t.table().equals(old)) {
				objects.add(new Trigger(now, t.name(), t.definition(), t.comment()));
			}
			else if (object instanceof Policy p && p.table().equals(old)) {
				objects.add(new Policy(now, p.name(), p.permissive(), p.command(), p.roles(), p.using(), p.check(),
						p.comment()));
			}
			else if (object instanceof Sequence s && s.ownedBy() != null && s.ownedBy().table().equals(old)) {
				objects.add(new Sequence(s.name(), s.type(), s.start(), s.increment(), s.minValue(), s.maxValue(),
						s.cache(), s.cycle(), new ColumnName(now, s.ownedBy().column()), s.comment()));
			}
			else {
				objects.add(object);
			}
		}
		Map<String, String> prefixes = new TreeMap<>();
		for (String kind : List.of("column ", "default ", "constraint ", "trigger ", "policy ")) {
			prefixes.put(kind + old + ".", kind + now + ".");
		}
		return new DatabaseSchema(objects, schema.unsupported(),
				renameKeys(schema.dependencies(), prefixes, "table " + old, "table " + now), schema.grants(),
				schema.serverVersion());
	}

	private static DatabaseSchema renameColumn(DatabaseSchema schema, QualifiedName table, String old, String now) {
		Pattern word = Pattern.compile("(?<![\\w\"$])" + Pattern.quote(Sql.ident(old)) + "(?![\\w\"$])");
		String replacement = Matcher.quoteReplacement(Sql.ident(now));
		List<SchemaObject> objects = new ArrayList<>();
		for (SchemaObject object : schema.objects().values()) {
			if (object instanceof Table t && t.name().equals(table)) {
				List<Column> columns = new ArrayList<>();
				for (Column c : t.columns()) {
					columns.add(c.name().equals(old) ? new Column(now, c.type(), c.collation(), c.notNull(),
							c.defaultValue(), c.generated(), c.identity(), c.identitySequence(), c.comment()) : c);
				}
				objects.add(new Table(t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(), t.partitionBound(),
						columns, t.options(), t.rowSecurity(), t.forceRowSecurity(), t.comment()));
			}
			else if (object instanceof Index i && i.table().equals(table)) {
				objects.add(new Index(i.name(), i.table(), word.matcher(i.definition()).replaceAll(replacement),
						i.comment()));
			}
			else if (object instanceof Constraint c && c.table().equals(table)) {
				objects.add(new Constraint(c.table(), c.name(), c.type(),
						word.matcher(c.definition()).replaceAll(replacement), c.references(), c.comment()));
			}
			else if (object instanceof Sequence s && s.ownedBy() != null && s.ownedBy().table().equals(table)
					&& s.ownedBy().column().equals(old)) {
				objects.add(new Sequence(s.name(), s.type(), s.start(), s.increment(), s.minValue(), s.maxValue(),
						s.cache(), s.cycle(), new ColumnName(table, now), s.comment()));
			}
			else {
				objects.add(object);
			}
		}
		return new DatabaseSchema(
				objects, schema.unsupported(), renameKeys(schema.dependencies(), Map.of(),
						"column " + table + "." + old, "column " + table + "." + now),
				schema.grants(), schema.serverVersion());
	}

	private static Map<String, Set<String>> renameKeys(Map<String, Set<String>> dependencies,
			Map<String, String> prefixes, String oldKey, String newKey) {
		Map<String, Set<String>> renamed = new TreeMap<>();
		dependencies.forEach((key, on) -> {
			Set<String> targets = new TreeSet<>();
			on.forEach((target) -> targets.add(renameKey(target, prefixes, oldKey, newKey)));
			renamed.computeIfAbsent(renameKey(key, prefixes, oldKey, newKey), (k) -> new TreeSet<>()).addAll(targets);
		});
		return renamed;
	}

	private static String renameKey(String key, Map<String, String> prefixes, String oldKey, String newKey) {
		if (key.equals(oldKey)) {
			return newKey;
		}
		String oldDefault = oldKey.replaceFirst("^column ", "default ");
		if (oldKey.startsWith("column ") && key.equals(oldDefault)) {
			return newKey.replaceFirst("^column ", "default ");
		}
		for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
			if (key.startsWith(prefix.getKey())) {
				return prefix.getValue() + key.substring(prefix.getKey().length());
			}
		}
		return key;
	}

	/**
	 * One rename: the statement, the key of the renamed unit (under its new name), and
	 * the name it frees and the name it takes.
	 */
	record Renamed(String key, Change change, String frees, String takes) {
	}

}
