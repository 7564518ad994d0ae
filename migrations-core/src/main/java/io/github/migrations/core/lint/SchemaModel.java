package io.github.migrations.core.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the revisions read so far have built: tables with their columns and the revision
 * that made each, indexes and their tables, and the validated
 * {@code CHECK (column IS NOT NULL)} constraints that make {@code SET NOT NULL} cheap.
 */
final class SchemaModel {

	private final Map<String, Table> tables = new HashMap<>();

	private final Map<String, String> indexTables = new HashMap<>();

	/** Index → the names it indexes on; an unnamed index is keyed by its statement. */
	private final Map<String, List<String>> indexColumns = new HashMap<>();

	/** Constraint name → table key and column of a {@code CHECK (column IS NOT NULL)}. */
	private final Map<String, String[]> notNullChecks = new HashMap<>();

	/** Type or domain → the revision that created it. */
	private final Map<String, String> types = new HashMap<>();

	/** Name of a {@code CHECK} constraint added {@code NOT VALID} → its table's key. */
	private final Map<String, String> notValidChecks = new HashMap<>();

	/**
	 * The revision that created a type or domain, or {@code null} when no revision read
	 * so far did.
	 */
	@Nullable String typeCreatedIn(String type) {
		return this.types.get(key(type));
	}

	/**
	 * Whether the revisions show a validated {@code CHECK} constraint on a table (one
	 * that may imply a partition's bounds).
	 */
	boolean hasValidatedCheck(String table) {
		Table state = this.tables.get(key(table));
		return state != null && state.validatedCheck;
	}

	/**
	 * The revision that created a table, or {@code null} when no revision read so far did
	 * (it existed before, or was made outside the revisions).
	 */
	@Nullable String createdIn(String table) {
		Table state = this.tables.get(key(table));
		return (state != null) ? state.createdIn : null;
	}

	/**
	 * The revision that added a column, or {@code null} when unknown.
	 */
	@Nullable String columnCreatedIn(String table, String column) {
		Table state = this.tables.get(key(table));
		Column col = (state != null) ? state.columns.get(column) : null;
		return (col != null) ? col.createdIn : null;
	}

	@Nullable String columnType(String table, String column) {
		Table state = this.tables.get(key(table));
		Column col = (state != null) ? state.columns.get(column) : null;
		return (col != null) ? col.type : null;
	}

	boolean hasValidatedNotNullCheck(String table, String column) {
		Table state = this.tables.get(key(table));
		return state != null && state.checkedNotNull.contains(column);
	}

	/**
	 * Whether the revisions show a column nullable: created without {@code NOT NULL},
	 * never set {@code NOT NULL}, with no validated {@code CHECK (column IS NOT NULL)}.
	 * {@code false} for a column they do not show.
	 */
	boolean knownNullable(String table, String column) {
		Table state = this.tables.get(key(table));
		Column col = (state != null) ? state.columns.get(column) : null;
		return col != null && col.nullable && !state.checkedNotNull.contains(column);
	}

	/**
	 * The names a known index indexes on, or none.
	 */
	List<String> indexedColumns(String index) {
		return this.indexColumns.getOrDefault(key(index), List.of());
	}

	@Nullable String indexTable(String index) {
		return this.indexTables.get(key(index));
	}

	/**
	 * Whether a known index (or a {@code UNIQUE} or {@code PRIMARY KEY} column of a
	 * {@code CREATE TABLE}) covers a column, so that changing its type rebuilds the
	 * index.
	 */
	boolean indexed(String table, String column) {
		Table state = this.tables.get(key(table));
		if (state != null && state.indexed.contains(key(column))) {
			return true;
		}
		return this.indexTables.entrySet()
			.stream()
			.anyMatch((index) -> key(index.getValue()).equals(key(table))
					&& this.indexColumns.getOrDefault(index.getKey(), List.of())
						.stream()
						.anyMatch((name) -> key(name).equals(key(column))));
	}

	/**
	 * Records what a statement of {@code revision} changed.
	 */
	void apply(Shape shape, String revision) {
		switch (shape.verb) {
			case CREATE_TABLE -> {
				Table table = new Table(revision);
				shape.columns
					.forEach((column) -> table.columns.put(column.name(), new Column(Types.stored(column.type()),
							revision, nullable(column) && !shape.primaryKey.contains(column.name()))));
				shape.columns.stream()
					.filter((column) -> column.primaryKey() || column.unique())
					.forEach((column) -> table.indexed.add(key(column.name())));
				shape.primaryKey.forEach((column) -> table.indexed.add(key(column)));
				table.validatedCheck = shape.checked;
				this.tables.put(key(shape.table), table);
			}
			case CREATE_INDEX -> {
				String index = shape.index.isEmpty() ? "#" + revision + "#" + shape.statement.line() : key(shape.index);
				this.indexTables.put(index, shape.table);
				this.indexColumns.put(index, List.copyOf(shape.indexColumns));
			}
			case DROP_INDEX -> {
				this.indexTables.remove(key(shape.index));
				this.indexColumns.remove(key(shape.index));
			}
			case CREATE_TYPE -> this.types.put(key(shape.name), revision);
			case ALTER_TYPE, ALTER_DOMAIN -> {
				if (shape.renamedTo != null) {
					renameType(shape.name, shape.renamedTo);
				}
			}
			case CREATE_MATERIALIZED_VIEW -> this.tables.put(key(shape.table), new Table(revision));
			case DROP_TABLE -> shape.tables.forEach((table) -> this.tables.remove(key(table)));
			case ALTER_TABLE -> shape.actions.forEach((action) -> alter(shape.table, action, revision));
			default -> {
			}
		}
	}

	private void alter(String name, Action action, String revision) {
		Table table = this.tables.get(key(name));
		if (action instanceof Action.Rename rename && rename.what().equals("TABLE")) {
			if (table != null) {
				this.tables.remove(key(name));
				this.tables.put(key(rename.to()), table);
			}
			return;
		}
		if (table == null) {
			table = new Table(null);
			this.tables.put(key(name), table);
		}
		checks(table, name, action);
		if (action instanceof Action.AddColumn add) {
			table.columns.put(add.column().name(),
					new Column(Types.stored(add.column().type()), revision, nullable(add.column())));
		}
		else if (action instanceof Action.DropColumn drop) {
			table.columns.remove(drop.column());
			table.checkedNotNull.remove(drop.column());
		}
		else if (action instanceof Action.AlterType type) {
			Column old = table.columns.get(type.column());
			table.columns.put(type.column(),
					new Column(type.type(), (old != null) ? old.createdIn : null, old != null && old.nullable));
		}
		else if (action instanceof Action.SetNotNull set) {
			Column old = table.columns.get(set.column());
			if (old != null) {
				table.columns.put(set.column(), new Column(old.type, old.createdIn, false));
			}
		}
		else if (action instanceof Action.Rename rename && rename.what().equals("COLUMN")) {
			Column old = table.columns.remove(rename.from());
			if (old != null) {
				table.columns.put(rename.to(), old);
			}
		}
		else if (action instanceof Action.AddConstraint check && check.notNullColumn() != null) {
			if (!check.notValid()) {
				table.checkedNotNull.add(check.notNullColumn());
			}
			if (check.name() != null) {
				this.notNullChecks.put(key(check.name()), new String[] { key(name), check.notNullColumn() });
			}
		}
		else if (action instanceof Action.ValidateConstraint validate) {
			String[] check = this.notNullChecks.get(key(validate.name()));
			if (check != null && this.tables.containsKey(check[0])) {
				this.tables.get(check[0]).checkedNotNull.add(check[1]);
			}
		}
	}

	/**
	 * Follows {@code ALTER TYPE old RENAME TO new} (or a domain's): the type keeps its
	 * schema, and the columns of that type (or an array of it) now name it by its new
	 * name, as the catalog would print them.
	 */
	private void renameType(String old, String to) {
		int dot = old.lastIndexOf('.');
		String renamed = (dot >= 0) ? old.substring(0, dot + 1) + to : to;
		String createdIn = this.types.remove(key(old));
		if (createdIn != null) {
			this.types.put(key(renamed), createdIn);
		}
		for (Table table : this.tables.values()) {
			table.columns.replaceAll((name, column) -> {
				String type = column.type;
				String base = type.replaceFirst("(\\[\\d*\\])+$", "");
				if (!key(base).equals(key(old))) {
					return column;
				}
				int at = base.lastIndexOf('.');
				String named = (at >= 0) ? base.substring(0, at + 1) + to : to;
				return new Column(named + type.substring(base.length()), column.createdIn, column.nullable);
			});
		}
	}

	/**
	 * Records a {@code CHECK} constraint added validated, or validated later.
	 */
	private void checks(Table table, String name, Action action) {
		if (action instanceof Action.AddConstraint check && check.kind().equals("CHECK")) {
			if (!check.notValid()) {
				table.validatedCheck = true;
			}
			else if (check.name() != null) {
				this.notValidChecks.put(key(check.name()), key(name));
			}
		}
		else if (action instanceof Action.ValidateConstraint validate) {
			String checked = this.notValidChecks.remove(key(validate.name()));
			if (checked != null && this.tables.containsKey(checked)) {
				this.tables.get(checked).validatedCheck = true;
			}
		}
	}

	/**
	 * A name as the model keys it: unqualified names are in {@code public}.
	 */
	static String key(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("public.") ? lower.substring("public.".length()) : lower;
	}

	private static final class Table {

		final @Nullable String createdIn;

		final Map<String, Column> columns = new HashMap<>();

		final Set<String> checkedNotNull = new HashSet<>();

		/** Columns a {@code UNIQUE} or {@code PRIMARY KEY} of its creation indexes. */
		final Set<String> indexed = new HashSet<>();

		/** Whether a validated {@code CHECK} constraint is known on it. */
		boolean validatedCheck;

		Table(@Nullable String createdIn) {
			this.createdIn = createdIn;
		}

	}

	/**
	 * Whether a column as defined is surely nullable: no {@code NOT NULL}, not the
	 * primary key, not an identity or serial.
	 */
	private static boolean nullable(ColumnDef column) {
		return !column.notNull() && !column.primaryKey() && !column.computed();
	}

	/**
	 * @param nullable whether the revisions show it nullable: defined without
	 * {@code NOT NULL} and never set so
	 */
	private record Column(String type, @Nullable String createdIn, boolean nullable) {

	}

}
