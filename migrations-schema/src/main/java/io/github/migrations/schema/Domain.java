package io.github.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A domain.
 *
 * @param name its qualified name
 * @param baseType the underlying type, as {@code format_type} prints it
 * @param collation its collation when it differs from the base type's, or {@code null}
 * @param defaultValue its default expression, or {@code null}
 * @param notNull whether it is {@code NOT NULL}
 * @param checks its check constraints, by name
 * @param comment its comment, or {@code null}
 */
public record Domain(QualifiedName name, String baseType, @Nullable String collation, @Nullable String defaultValue,
		boolean notNull, List<Check> checks, @Nullable String comment) implements SchemaObject {

	public Domain {
		checks = List.copyOf(checks);
	}

	@Override
	public String key() {
		return "type " + this.name;
	}

	/**
	 * A domain's check constraint.
	 *
	 * @param name the constraint's name
	 * @param definition as {@code pg_get_constraintdef} prints it ({@code CHECK (...)},
	 * with {@code NOT VALID} when it is not validated)
	 */
	public record Check(String name, String definition) {
	}

}
