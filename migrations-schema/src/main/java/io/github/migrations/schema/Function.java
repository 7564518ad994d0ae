package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * A function or a procedure.
 *
 * @param name its qualified name
 * @param identityArguments its argument types, which identify it among overloads
 * ({@code pg_get_function_identity_arguments})
 * @param procedure whether it is a procedure
 * @param arguments its arguments with names and defaults
 * ({@code pg_get_function_arguments})
 * @param result its result type ({@code pg_get_function_result}), or {@code null} for a
 * procedure
 * @param definition the whole {@code CREATE OR REPLACE} statement, as
 * {@code pg_get_functiondef} prints it
 * @param comment its comment, or {@code null}
 */
public record Function(QualifiedName name, String identityArguments, boolean procedure, String arguments,
		@Nullable String result, String definition, @Nullable String comment) implements SchemaObject {

	@Override
	public String key() {
		return "function " + this.name + "(" + this.identityArguments + ")";
	}

	/**
	 * How SQL names this function in {@code DROP} and {@code COMMENT ON}.
	 */
	public String signature() {
		return this.name.sql() + "(" + this.identityArguments + ")";
	}

}
