package io.github.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A view or a materialized view.
 *
 * @param name its qualified name
 * @param materialized whether it is a materialized view
 * @param query its query, as {@code pg_get_viewdef} prints it (without the final
 * semicolon)
 * @param options its options ({@code security_barrier=true}, {@code check_option=local})
 * @param comment its comment, or {@code null}
 */
public record View(QualifiedName name, boolean materialized, String query, List<String> options,
		@Nullable String comment) implements SchemaObject {

	public View {
		options = List.copyOf(options);
	}

	@Override
	public String key() {
		return "view " + this.name;
	}

}
