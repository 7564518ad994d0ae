package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * A trigger (constraint triggers included; the ones PostgreSQL makes for foreign keys and
 * the clones on partitions are not listed).
 *
 * @param table the table or view it is on
 * @param name its name
 * @param definition as {@code pg_get_triggerdef} prints it
 * @param comment its comment, or {@code null}
 */
public record Trigger(QualifiedName table, String name, String definition,
		@Nullable String comment) implements SchemaObject {

	@Override
	public String key() {
		return "trigger " + this.table + "." + this.name;
	}

}
