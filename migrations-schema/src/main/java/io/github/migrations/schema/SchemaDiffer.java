package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Computes the statements that turn one {@link DatabaseSchema} into another.
 * <p>
 * Objects are matched by kind and qualified name. A changed object is altered in place
 * where PostgreSQL can ({@code ALTER TABLE ... ALTER COLUMN}, {@code ALTER TYPE ... ADD
 * VALUE}, {@code CREATE OR REPLACE FUNCTION}, {@code ALTER SEQUENCE}, ...), else dropped
 * and created again, together with what depends on it (the views over a column whose type
 * changes, the triggers of a function whose signature changes). Statements are ordered by
 * the catalog's dependencies: drops of dependents before what they depend on, types,
 * sequences and functions before the tables that use them, tables before their foreign
 * keys, indexes, views and triggers.
 * <p>
 * Usage: <pre>{@code
 * DatabaseSchema from = SchemaReader.read(connectionA, SchemaFilter.allSchemas());
 * DatabaseSchema to = SchemaReader.read(connectionB, SchemaFilter.allSchemas());
 * SchemaChanges changes = SchemaDiffer.diff(from, to, DiffOptions.defaults());
 * System.out.print(changes.script());
 * }</pre>
 */
public final class SchemaDiffer {

	private SchemaDiffer() {
	}

	/**
	 * The statements that turn {@code from} into {@code to}.
	 * @param from the schema as it is
	 * @param to the schema as it should be
	 * @param options renames and safe forms
	 * @return the ordered statements, and the differences they cannot express
	 * @throws io.github.migrations.core.api.MigrationException when a rename hint matches
	 * no table or column
	 */
	public static SchemaChanges diff(DatabaseSchema from, DatabaseSchema to, DiffOptions options) {
		Renames renames = Renames.apply(from, to, options.renames());
		SchemaChanges changes = plan(renames, to, options, Set.of());
		if (options.enumValuesInTransaction()) {
			Set<String> rebuilt = changes.changes()
				.stream()
				.filter(NewEnumValues::isAddedValueUsedBelow)
				.map(Change::object)
				.collect(Collectors.toCollection(LinkedHashSet::new));
			if (!rebuilt.isEmpty()) {
				changes = plan(renames, to, options, rebuilt);
			}
		}
		return changes;
	}

	private static SchemaChanges plan(Renames renames, DatabaseSchema to, DiffOptions options,
			Set<String> rebuiltEnums) {
		return new DiffPlan(NodeGraph.of(renames.schema()), NodeGraph.of(to), options, rebuiltEnums, renames.renamed(),
				renames.schema().unsupported(), to.unsupported())
			.changes();
	}

	/**
	 * {@code to} as running {@code changes} on {@code from} leaves it: the same, but with
	 * each table's columns in the order {@code from} has them, followed by the columns
	 * the changes add (PostgreSQL adds a column at the end, see
	 * {@link SchemaChanges#isEmpty()}). The diff back from what an upgrade leaves (a
	 * downgrade) starts from this, so that it names a column order it cannot restore only
	 * where the upgrade changed it.
	 * @param from the schema as it is
	 * @param to the schema as it should be
	 * @param changes {@code diff(from, to, options)}
	 * @param options the options of that diff (its renames)
	 * @return {@code to} with its tables' columns in the order the changes leave them
	 */
	public static DatabaseSchema upgraded(DatabaseSchema from, DatabaseSchema to, SchemaChanges changes,
			DiffOptions options) {
		DatabaseSchema renamed = Renames.apply(from, to, options.renames()).schema();
		List<SchemaObject> objects = new ArrayList<>();
		for (SchemaObject object : to.objects().values()) {
			Table before = (object instanceof Table table) ? renamed.table(table.name()) : null;
			if (object instanceof Table table && before != null && table.partitionOf() == null && changes.changes()
				.stream()
				.noneMatch(
						(change) -> change.object().equals(table.key()) && change.sql().startsWith("CREATE TABLE "))) {
				Set<String> added = new LinkedHashSet<>();
				String prefix = "column " + table.name() + ".";
				for (Change change : changes.changes()) {
					if (change.object().startsWith(prefix) && change.sql().startsWith("ALTER TABLE ")
							&& change.sql().contains(" ADD COLUMN ")) {
						added.add(change.object().substring(prefix.length()));
					}
				}
				List<Table.Column> columns = new ArrayList<>();
				for (Table.Column column : before.columns()) {
					if (table.column(column.name()) != null && !added.contains(column.name())) {
						columns.add(table.column(column.name()));
					}
				}
				for (Table.Column column : table.columns()) {
					if (!columns.contains(column) && !added.contains(column.name())) {
						columns.add(column);
					}
				}
				added.stream().map(table::column).filter(Objects::nonNull).forEach(columns::add);
				objects.add(new Table(table.name(), table.unlogged(), table.partitionKey(), table.partitionOf(),
						table.partitionBound(), columns, table.options(), table.rowSecurity(), table.forceRowSecurity(),
						table.comment()));
			}
			else {
				objects.add(object);
			}
		}
		return new DatabaseSchema(objects, to.unsupported(), to.dependencies(), to.grants(), to.serverVersion());
	}

	/**
	 * The schema a diff must stop at, committed, when it adds an enum value and then uses
	 * it: PostgreSQL refuses to use a value in the transaction that added it (SQLSTATE
	 * 55P04), which is why {@code diff} marks such an {@code ADD VALUE} to run outside a
	 * transaction. The diff from {@code from} to this schema holds only the
	 * {@code ADD VALUE}s, the diff from it to {@code to} the rest; each runs in a
	 * transaction (PostgreSQL 12 and later run {@code ADD VALUE} in one).
	 * @param from the schema as it is
	 * @param to the schema as it should be
	 * @param changes {@code diff(from, to, options)}
	 * @return {@code from} with the values {@code to} adds to its enum types, or
	 * {@code null} when no statement of {@code changes} uses a value it adds
	 */
	public static @Nullable DatabaseSchema withNewEnumValues(DatabaseSchema from, DatabaseSchema to,
			SchemaChanges changes) {
		return NewEnumValues.between(from, to, changes);
	}

	/**
	 * The schema at which {@code --not-valid}'s safe form commits before it validates:
	 * {@code to} with each foreign key and check added to a table of {@code from}, and
	 * each check added to a domain of {@code from}, {@code NOT VALID}. The diff from
	 * {@code from} to it adds them {@code NOT VALID}, which checks no existing row; the
	 * diff from it to {@code to} is their {@code VALIDATE CONSTRAINT}s, which must run in
	 * a later transaction than the {@code ADD} (in the same one, the validation runs
	 * under the lock the {@code ADD} took). A table of {@code from} that {@code to}
	 * attaches as a partition (by range or list, on one column) is left apart there, with
	 * a {@code CHECK} of its bounds {@code NOT VALID}, so that {@link #validation}
	 * validates it before attaching: the server then skips the scan that proves the rows
	 * fit.
	 * @param from the schema as it is
	 * @param to the schema as it should be
	 * @return that schema, or {@code null} when the diff adds no such constraint
	 */
	public static @Nullable DatabaseSchema withConstraintsNotValid(DatabaseSchema from, DatabaseSchema to) {
		return PendingValidation.between(from, to);
	}

	/**
	 * The second step of {@code --not-valid}'s safe form, from
	 * {@link #withConstraintsNotValid} to {@code to}: each {@code VALIDATE CONSTRAINT},
	 * and for a table attached as a partition, its bounds' check validated, the table
	 * attached, the check dropped.
	 */
	public static SchemaChanges validation(DatabaseSchema pending, DatabaseSchema to) {
		return PendingValidation.validation(pending, to);
	}

	/**
	 * The schema after {@code --concurrently}'s index drops and before the rest of a
	 * diff: {@code from} without the indexes that {@code changes} drops
	 * {@code CONCURRENTLY}. The diff from {@code from} to it holds only those drops,
	 * which run outside a transaction; the rest runs after them, in one, on columns that
	 * no dropped index covers any longer.
	 * @param from the schema as it is
	 * @param changes {@code diff(from, to, options)} with concurrent indexes
	 * @return that schema, or {@code null} when the diff drops no index
	 * {@code CONCURRENTLY} that nothing else depends on
	 */
	public static @Nullable DatabaseSchema withoutIndexesDroppedConcurrently(DatabaseSchema from,
			SchemaChanges changes) {
		return ConcurrentIndexes.withoutDropped(from, changes);
	}

	/**
	 * The schema after the rest of a diff and before {@code --concurrently}'s index
	 * builds: {@code to} without the indexes that {@code changes} builds
	 * {@code CONCURRENTLY}. The diff from it to {@code to} holds only those builds, which
	 * run outside a transaction, after the rest has added the columns they cover.
	 * @param to the schema as it should be
	 * @param changes {@code diff(from, to, options)} with concurrent indexes
	 * @return that schema, or {@code null} when the diff builds no index
	 * {@code CONCURRENTLY} that nothing else depends on
	 */
	public static @Nullable DatabaseSchema withoutIndexesBuiltConcurrently(DatabaseSchema to, SchemaChanges changes) {
		return ConcurrentIndexes.withoutBuilt(to, changes);
	}

	/**
	 * The statements that turn {@code from} into {@code to}, with no renames and plain
	 * forms.
	 */
	public static SchemaChanges diff(DatabaseSchema from, DatabaseSchema to) {
		return diff(from, to, DiffOptions.defaults());
	}

}
