package io.github.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A table: an ordinary table, a partitioned table, or a partition of one. A partition's
 * columns follow its parent's: they are listed, but never changed on their own.
 *
 * @param name its qualified name
 * @param unlogged whether it is {@code UNLOGGED}
 * @param partitionKey for a partitioned table, its key as {@code pg_get_partkeydef}
 * prints it ({@code RANGE (placed_at)}), else {@code null}
 * @param partitionOf for a partition, its parent, else {@code null}
 * @param partitionBound for a partition, its bound ({@code FOR VALUES ...} or
 * {@code DEFAULT}), else {@code null}
 * @param columns its columns, in order
 * @param options its storage parameters ({@code fillfactor=70})
 * @param rowSecurity whether row-level security is enabled
 * @param forceRowSecurity whether it is forced on the table's owner too
 * @param comment its comment, or {@code null}
 */
public record Table(QualifiedName name, boolean unlogged, @Nullable String partitionKey,
		@Nullable QualifiedName partitionOf, @Nullable String partitionBound, List<Column> columns,
		List<String> options, boolean rowSecurity, boolean forceRowSecurity,
		@Nullable String comment) implements SchemaObject {

	public Table {
		columns = List.copyOf(columns);
		options = List.copyOf(options);
	}

	@Override
	public String key() {
		return "table " + this.name;
	}

	/**
	 * The column with this name, or {@code null}.
	 */
	public @Nullable Column column(String name) {
		for (Column column : this.columns) {
			if (column.name().equals(name)) {
				return column;
			}
		}
		return null;
	}

	/**
	 * One column of a table.
	 *
	 * @param name its name
	 * @param type its type, as {@code format_type} prints it (with its modifier and array
	 * brackets)
	 * @param collation its collation when it differs from its type's, or {@code null}
	 * @param notNull whether it is {@code NOT NULL}
	 * @param defaultValue its default expression, or {@code null}
	 * @param generated the expression of a generated (stored) column, or {@code null}
	 * @param identity {@code ALWAYS} or {@code BY DEFAULT} for an identity column, else
	 * {@code null}
	 * @param identitySequence the options of an identity column's sequence, else
	 * {@code null}
	 * @param comment its comment, or {@code null}
	 */
	public record Column(String name, String type, @Nullable String collation, boolean notNull,
			@Nullable String defaultValue, @Nullable String generated, @Nullable String identity,
			@Nullable IdentitySequence identitySequence, @Nullable String comment) {
	}

	/**
	 * The options of an identity column's sequence. Its current value is data, not
	 * compared.
	 *
	 * @param start {@code START WITH}: where a new column's sequence starts, and where a
	 * {@code RESTART} without a value goes back to
	 * @param increment {@code INCREMENT BY}
	 * @param minValue {@code MINVALUE}
	 * @param maxValue {@code MAXVALUE}
	 * @param cache {@code CACHE}
	 * @param cycle {@code CYCLE}
	 */
	public record IdentitySequence(long start, long increment, long minValue, long maxValue, long cache,
			boolean cycle) {

		/**
		 * The same options but {@code START WITH}, which the differ compares only for new
		 * columns.
		 */
		IdentitySequence withoutStart() {
			return new IdentitySequence(0, this.increment, this.minValue, this.maxValue, this.cache, this.cycle);
		}

	}

}
