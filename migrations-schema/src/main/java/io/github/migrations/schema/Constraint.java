package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * A table's primary key, unique, check, foreign key or exclusion constraint.
 *
 * @param table the table it belongs to
 * @param name its name
 * @param type its kind
 * @param definition as {@code pg_get_constraintdef} prints it, with {@code DEFERRABLE},
 * {@code ON DELETE} and {@code NOT VALID} where they apply
 * @param references for a foreign key, the table it references, else {@code null}
 * @param comment its comment, or {@code null}
 */
public record Constraint(QualifiedName table, String name, Type type, String definition,
		@Nullable QualifiedName references, @Nullable String comment) implements SchemaObject {

	@Override
	public String key() {
		return "constraint " + this.table + "." + this.name;
	}

	/**
	 * Whether the constraint is checked for existing rows (not {@code NOT VALID}).
	 */
	public boolean validated() {
		return !this.definition.endsWith(" NOT VALID");
	}

	/**
	 * The kinds of table constraint.
	 */
	public enum Type {

		PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUSION

	}

}
