package io.github.migrations.schema;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A text search configuration: its parser and, for each token type it maps, the
 * dictionaries tried in order.
 *
 * @param name its qualified name
 * @param parser its parser as SQL names it ({@code "default"}, or qualified when not in
 * {@code pg_catalog})
 * @param mappings its mappings, by token type alias
 * @param comment its comment, or {@code null}
 */
public record TextSearchConfiguration(QualifiedName name, String parser, List<Mapping> mappings,
		@Nullable String comment) implements SchemaObject {

	public TextSearchConfiguration {
		mappings = List.copyOf(mappings);
	}

	@Override
	public String key() {
		return "text search configuration " + this.name;
	}

	/**
	 * The parser and the mappings on one line ({@code parser "default"; asciiword WITH
	 * simple; word WITH unaccent, spanish_stem}), as a snapshot shows it.
	 */
	public String definition() {
		return "parser " + this.parser
				+ this.mappings.stream()
					.map((mapping) -> "; " + mapping.tokenType() + " WITH " + String.join(", ", mapping.dictionaries()))
					.collect(Collectors.joining());
	}

	/**
	 * The dictionaries of one token type.
	 *
	 * @param tokenType the token type's alias ({@code asciiword})
	 * @param dictionaries the dictionaries, in the order they are tried, as SQL names
	 * them (qualified when not on the search path)
	 */
	public record Mapping(String tokenType, List<String> dictionaries) {

		public Mapping {
			dictionaries = List.copyOf(dictionaries);
		}

	}

}
