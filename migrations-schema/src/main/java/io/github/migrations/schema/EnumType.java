package io.github.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An enum type.
 *
 * @param name its qualified name
 * @param labels its values, in their sort order
 * @param comment its comment, or {@code null}
 */
public record EnumType(QualifiedName name, List<String> labels, @Nullable String comment) implements SchemaObject {

	public EnumType {
		labels = List.copyOf(labels);
	}

	@Override
	public String key() {
		return "type " + this.name;
	}

}
