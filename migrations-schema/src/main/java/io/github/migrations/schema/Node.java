package io.github.migrations.schema;

import java.util.List;
import java.util.Set;

import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * One unit the differ creates, drops or alters: an object of the model, or a part of a
 * table that changes on its own (a column, a column's default, a sequence's owner).
 *
 * @param key the unit's key ({@code column public.t.c}, {@code default public.t.c},
 * {@code owner public.t_id_seq}, or the object's own key)
 * @param rank its place among kinds when nothing else orders two statements (creates in
 * rising rank, drops in falling rank)
 * @param model the object, or the part
 * @param createdWith the key of the unit whose creation creates this one too (a column
 * with its table, a default with its column), or {@code null}
 * @param dropsWith the keys of units whose drop drops this one too (a column with its
 * table, an index with its table, an owned sequence with its column)
 * @param slot the name it takes among others of its namespace (a relation's schema and
 * name), so that a drop that frees a name comes before a create that takes it
 */
record Node(String key, int rank, Object model, @Nullable String createdWith, Set<String> dropsWith, String slot) {

	/**
	 * What orders two units that nothing else orders: the key, but a table's columns in
	 * their order in the table.
	 */
	String sortKey() {
		if (this.model instanceof ColumnPart c) {
			return "column %s.%05d".formatted(c.table().name(), c.table().columns().indexOf(c.column()));
		}
		return this.key;
	}

	/**
	 * What two units with the same key compare by: the unit's own attributes, without the
	 * parts that are units of their own (a table's columns but their order, a column's
	 * default, a sequence's owner).
	 */
	Object definition() {
		if (this.model instanceof ColumnPart c) {
			Column column = c.column();
			if (c.inherited()) {
				return column.name();
			}
			// an existing identity's START WITH only says where a RESTART without a value
			// goes back to: not compared (a new column's is written when it is created)
			Table.IdentitySequence sequence = column.identitySequence();
			return new Column(column.name(), column.type(), column.collation(), column.notNull(), null,
					column.generated(), column.identity(), (sequence != null) ? sequence.withoutStart() : null,
					column.comment());
		}
		if (this.model instanceof DefaultPart d) {
			return String.valueOf(d.column().defaultValue());
		}
		if (this.model instanceof OwnerPart o) {
			return String.valueOf(o.sequence().ownedBy());
		}
		if (this.model instanceof Sequence s) {
			return new Sequence(s.name(), s.type(), s.start(), s.increment(), s.minValue(), s.maxValue(), s.cache(),
					s.cycle(), null, s.comment());
		}
		if (this.model instanceof Table t) {
			if (t.partitionOf() != null) {
				return new Table(t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(), t.partitionBound(),
						List.of(), t.options(), t.rowSecurity(), t.forceRowSecurity(), t.comment());
			}
			return List.of(
					new Table(t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(), t.partitionBound(), List.of(),
							t.options(), t.rowSecurity(), t.forceRowSecurity(), t.comment()),
					t.columns().stream().map(Column::name).toList());
		}
		return this.model;
	}

	/**
	 * A column of a table.
	 */
	record ColumnPart(Table table, Column column) {

		/**
		 * Whether the column is a partition's, which follows its parent's.
		 */
		boolean inherited() {
			return this.table.partitionOf() != null;
		}

		String sqlName() {
			return Sql.ident(this.column.name());
		}

	}

	/**
	 * A column's default.
	 */
	record DefaultPart(Table table, Column column) {

	}

	/**
	 * A sequence's {@code OWNED BY}.
	 */
	record OwnerPart(Sequence sequence) {

	}

}
