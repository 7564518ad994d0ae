package io.github.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A composite type ({@code CREATE TYPE ... AS (...)}).
 *
 * @param name its qualified name
 * @param attributes its attributes, in order
 * @param comment its comment, or {@code null}
 */
public record CompositeType(QualifiedName name, List<Attribute> attributes,
		@Nullable String comment) implements SchemaObject {

	public CompositeType {
		attributes = List.copyOf(attributes);
	}

	@Override
	public String key() {
		return "type " + this.name;
	}

	/**
	 * One attribute of a composite type.
	 *
	 * @param name its name
	 * @param type its type, as {@code format_type} prints it
	 * @param collation its collation when it differs from the type's, or {@code null}
	 */
	public record Attribute(String name, String type, @Nullable String collation) {
	}

}
