package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * An index that no constraint owns (a primary key's or unique constraint's index is part
 * of its {@link Constraint}).
 *
 * @param name its qualified name
 * @param table the table or materialized view it indexes
 * @param definition as {@code pg_get_indexdef} prints it (a whole {@code CREATE INDEX}
 * statement)
 * @param comment its comment, or {@code null}
 */
public record Index(QualifiedName name, QualifiedName table, String definition,
		@Nullable String comment) implements SchemaObject {

	@Override
	public String key() {
		return "index " + this.name;
	}

}
