package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * A schema (namespace).
 *
 * @param name the schema's name
 * @param comment its comment, or {@code null}
 */
public record Schema(String name, @Nullable String comment) implements SchemaObject {

	@Override
	public String key() {
		return "schema " + this.name;
	}

}
