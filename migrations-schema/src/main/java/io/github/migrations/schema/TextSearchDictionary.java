package io.github.migrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A text search dictionary: a template and its options.
 *
 * @param name its qualified name
 * @param template its template as SQL names it ({@code snowball}, or qualified when not
 * in {@code pg_catalog}, as an extension's {@code public.unaccent})
 * @param options its options, each as the catalog keeps it
 * ({@code language = 'spanish'}), sorted (PostgreSQL keeps them in the order they were
 * last given, which says nothing)
 * @param comment its comment, or {@code null}
 */
public record TextSearchDictionary(QualifiedName name, String template, List<String> options,
		@Nullable String comment) implements SchemaObject {

	public TextSearchDictionary {
		options = List.copyOf(options);
	}

	@Override
	public String key() {
		return "text search dictionary " + this.name;
	}

}
