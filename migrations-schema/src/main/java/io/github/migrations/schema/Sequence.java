package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * A sequence that is not an identity column's (those belong to their column).
 *
 * @param name its qualified name
 * @param type its data type ({@code bigint}, {@code integer}, {@code smallint})
 * @param start {@code START WITH}
 * @param increment {@code INCREMENT BY}
 * @param minValue {@code MINVALUE}
 * @param maxValue {@code MAXVALUE}
 * @param cache {@code CACHE}
 * @param cycle {@code CYCLE}
 * @param ownedBy the column it is {@code OWNED BY}, or {@code null}
 * @param comment its comment, or {@code null}
 */
public record Sequence(QualifiedName name, String type, long start, long increment, long minValue, long maxValue,
		long cache, boolean cycle, @Nullable ColumnName ownedBy, @Nullable String comment) implements SchemaObject {

	@Override
	public String key() {
		return "sequence " + this.name;
	}

	/**
	 * A column of a table.
	 *
	 * @param table the table
	 * @param column the column's name
	 */
	public record ColumnName(QualifiedName table, String column) {

		@Override
		public String toString() {
			return this.table + "." + this.column;
		}

	}

}
