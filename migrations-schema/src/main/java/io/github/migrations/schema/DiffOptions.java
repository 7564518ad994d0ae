package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.api.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * How {@link SchemaDiffer} writes a diff.
 *
 * @param renames objects renamed between the two schemas: each turns a drop and an add
 * into {@code ALTER ... RENAME}
 * @param concurrentIndexes new indexes on tables that already exist are built
 * {@code CONCURRENTLY} (such a statement cannot run in a transaction)
 * @param notValidConstraints new foreign keys and checks on tables that already exist are
 * added {@code NOT VALID}, then validated by a second statement, so that existing rows
 * are checked without blocking writes
 * @param enumValuesInTransaction an enum type that gains values the same diff uses is
 * rebuilt with them (a new type, its columns converted through {@code text}, the old one
 * dropped), which runs in a transaction, instead of getting them by {@code ADD VALUE},
 * which must then run outside one (PostgreSQL refuses a value in the transaction that
 * added it, SQLSTATE 55P04); {@link #reversed()} turns it on
 */
public record DiffOptions(List<Rename> renames, boolean concurrentIndexes, boolean notValidConstraints,
		boolean enumValuesInTransaction) {

	public DiffOptions {
		renames = List.copyOf(renames);
	}

	/**
	 * No renames, plain {@code CREATE INDEX} and constraints validated as they are added.
	 */
	public static DiffOptions defaults() {
		return new DiffOptions(List.of(), false, false, false);
	}

	/**
	 * These options with one more rename, given as {@code table:old=new} or
	 * {@code column:table.old=table.new} (names may be schema-qualified:
	 * {@code table:sales.old=sales.new}; a bare table name is looked up in every schema).
	 * @throws MigrationException when the hint cannot be read
	 */
	public DiffOptions withRename(String hint) {
		List<Rename> all = new ArrayList<>(this.renames);
		all.add(Rename.parse(hint));
		return new DiffOptions(all, this.concurrentIndexes, this.notValidConstraints, this.enumValuesInTransaction);
	}

	/**
	 * These options with new indexes on existing tables built {@code CONCURRENTLY}.
	 */
	public DiffOptions withConcurrentIndexes(boolean concurrentIndexes) {
		return new DiffOptions(this.renames, concurrentIndexes, this.notValidConstraints, this.enumValuesInTransaction);
	}

	/**
	 * These options with new foreign keys and checks on existing tables added
	 * {@code NOT VALID} and then validated.
	 */
	public DiffOptions withNotValidConstraints(boolean notValidConstraints) {
		return new DiffOptions(this.renames, this.concurrentIndexes, notValidConstraints, this.enumValuesInTransaction);
	}

	/**
	 * These options for the diff back (a downgrade's): every rename undone, in the order
	 * that diff needs. Tables are renamed first, the last one first; then columns, each
	 * naming its table by the name the table has again once the tables are renamed back.
	 * And enum values the diff back uses are restored in its transaction
	 * ({@link #enumValuesInTransaction()}): no revision before a downgrade can commit
	 * them, as one before an upgrade does ({@link SchemaDiffer#withNewEnumValues}).
	 */
	public DiffOptions reversed() {
		List<Rename> reversed = new ArrayList<>();
		for (Rename rename : this.renames) {
			if (!rename.column()) {
				reversed.add(0, new Rename(false, rename.schema(), rename.to(), rename.to(), rename.from()));
			}
		}
		for (Rename rename : this.renames) {
			if (rename.column()) {
				String table = rename.table();
				for (Rename renamed : this.renames) {
					if (!renamed.column() && renamed.to().equals(table)) {
						table = renamed.from();
					}
				}
				reversed.add(new Rename(true, rename.schema(), table, rename.to(), rename.from()));
			}
		}
		return new DiffOptions(reversed, this.concurrentIndexes, this.notValidConstraints, true);
	}

	/**
	 * A table or column that was renamed.
	 *
	 * @param column whether a column (else a table) was renamed
	 * @param schema the table's schema, or {@code null} to find the table in any schema
	 * @param table the table's old name
	 * @param from the old name (of the table, or of the column)
	 * @param to the new name (of the table, or of the column)
	 */
	public record Rename(boolean column, @Nullable String schema, String table, String from, String to) {

		/**
		 * Reads {@code table:old=new} or {@code column:table.old=table.new}, optionally
		 * schema-qualified.
		 * @throws MigrationException when the hint is not of that form
		 */
		public static Rename parse(String hint) {
			int colon = hint.indexOf(':');
			int equals = hint.indexOf('=');
			if (colon < 0 || equals < colon) {
				throw invalid(hint);
			}
			String kind = hint.substring(0, colon).strip();
			String[] from = hint.substring(colon + 1, equals).strip().split("\\.");
			String[] to = hint.substring(equals + 1).strip().split("\\.");
			if (kind.equals("table") && from.length <= 2 && to.length <= 2 && to.length <= from.length
					&& !from[from.length - 1].isEmpty() && !to[to.length - 1].isEmpty()) {
				String schema = (from.length == 2) ? from[0] : null;
				if (to.length == 2 && !to[0].equals(schema)) {
					throw invalid(hint);
				}
				return new Rename(false, schema, from[from.length - 1], from[from.length - 1], to[to.length - 1]);
			}
			if (kind.equals("column") && from.length >= 2 && from.length <= 3 && to.length >= 1 && to.length <= 3) {
				String schema = (from.length == 3) ? from[0] : null;
				String table = from[from.length - 2];
				if (to.length >= 2 && !to[to.length - 2].equals(table)) {
					throw invalid(hint);
				}
				return new Rename(true, schema, table, from[from.length - 1], to[to.length - 1]);
			}
			throw invalid(hint);
		}

		private static MigrationException invalid(String hint) {
			return MigrationException.of(
					"Rename hint '%s' is not of the form 'table:old=new' or ".formatted(hint.replace("'", "''"))
							+ "'column:table.old=table.new'.",
					"Write the kind, the old name and the new name, such as 'table:orders=purchases' or "
							+ "'column:orders.note=remark' (names may be schema-qualified: 'table:sales.a=sales.b'); "
							+ "a column keeps its table.");
		}

		boolean matches(QualifiedName table) {
			return table.name().equals(this.table) && (this.schema == null || this.schema.equals(table.schema()));
		}

		@Override
		public String toString() {
			String prefix = (this.schema != null) ? this.schema + "." : "";
			return this.column ? "column:%s%s.%s=%s.%s".formatted(prefix, this.table, this.from, this.table, this.to)
					: "table:%s%s=%s".formatted(prefix, this.from, this.to);
		}

	}

}
