package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.github.migrations.schema.TextSearchConfiguration.Mapping;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of text search dictionaries and configurations. A configuration is created
 * empty on its parser, then given each mapping ({@code ADD MAPPING}), the token types of
 * the same dictionaries in one statement, so that it holds exactly the mappings read (a
 * {@code COPY} would copy whatever the source has then); a changed one is altered in
 * place, mapping by mapping, since the indexes, generated columns and views that name it
 * hold on to it.
 */
final class TextSearchDdl {

	private TextSearchDdl() {
	}

	static List<String> create(TextSearchDictionary dictionary) {
		List<String> parts = new ArrayList<>();
		parts.add("TEMPLATE = " + dictionary.template());
		parts.addAll(dictionary.options());
		return List
			.of("CREATE TEXT SEARCH DICTIONARY %s (%s)".formatted(dictionary.name().sql(), String.join(", ", parts)));
	}

	static List<String> create(TextSearchConfiguration configuration) {
		List<String> statements = new ArrayList<>();
		statements.add("CREATE TEXT SEARCH CONFIGURATION %s (PARSER = %s)".formatted(configuration.name().sql(),
				configuration.parser()));
		statements.addAll(mappings(configuration, "ADD", configuration.mappings()));
		return statements;
	}

	static String drop(Object model) {
		return "DROP " + target(model);
	}

	/**
	 * What {@code COMMENT ON} and {@code DROP} name.
	 */
	static String target(Object model) {
		return (model instanceof TextSearchDictionary d) ? "TEXT SEARCH DICTIONARY " + d.name().sql()
				: "TEXT SEARCH CONFIGURATION " + ((TextSearchConfiguration) model).name().sql();
	}

	/**
	 * The changes of a dictionary's options in place, or {@code null} when its template
	 * changes.
	 */
	static @Nullable Alteration alter(TextSearchDictionary before, TextSearchDictionary after) {
		if (!before.template().equals(after.template())) {
			return null;
		}
		String key = after.key();
		List<Change> changes = new ArrayList<>();
		if (!before.options().equals(after.options())) {
			List<String> options = new ArrayList<>();
			after.options().stream().filter((option) -> !before.options().contains(option)).forEach(options::add);
			List<String> names = after.options().stream().map(TextSearchReader::optionName).toList();
			before.options()
				.stream()
				.map(TextSearchReader::optionName)
				.filter((name) -> !names.contains(name))
				.forEach(options::add);
			changes.add(Change.of(key,
					"ALTER TEXT SEARCH DICTIONARY %s (%s)".formatted(after.name().sql(), String.join(", ", options))));
		}
		if (!Objects.equals(before.comment(), after.comment())) {
			changes.add(Change.of(key, Ddl.comment(after, after.comment())));
		}
		return Alteration.of(changes);
	}

	/**
	 * The changes of a configuration's mappings in place ({@code DROP}, {@code ALTER} and
	 * {@code ADD MAPPING}), or {@code null} when its parser changes. The first change
	 * says which indexes and generated columns keep what they computed with the old
	 * mappings.
	 * @param stored the indexes and generated columns that use the configuration
	 */
	static @Nullable Alteration alter(TextSearchConfiguration before, TextSearchConfiguration after,
			List<String> stored) {
		if (!before.parser().equals(after.parser())) {
			return null;
		}
		Map<String, List<String>> old = byTokenType(before);
		Map<String, List<String>> now = byTokenType(after);
		List<Mapping> dropped = new ArrayList<>();
		List<Mapping> altered = new ArrayList<>();
		List<Mapping> added = new ArrayList<>();
		old.forEach((type, dictionaries) -> {
			if (!now.containsKey(type)) {
				dropped.add(new Mapping(type, dictionaries));
			}
		});
		now.forEach((type, dictionaries) -> {
			List<String> previous = old.get(type);
			if (previous == null) {
				added.add(new Mapping(type, dictionaries));
			}
			else if (!previous.equals(dictionaries)) {
				altered.add(new Mapping(type, dictionaries));
			}
		});
		String key = after.key();
		List<Change> changes = new ArrayList<>();
		if (!dropped.isEmpty()) {
			changes.add(Change.of(key, "ALTER TEXT SEARCH CONFIGURATION %s DROP MAPPING FOR %s"
				.formatted(after.name().sql(), String.join(", ", dropped.stream().map(Mapping::tokenType).toList()))));
		}
		mappings(after, "ALTER", altered).forEach((sql) -> changes.add(Change.of(key, sql)));
		mappings(after, "ADD", added).forEach((sql) -> changes.add(Change.of(key, sql)));
		if (!changes.isEmpty() && !stored.isEmpty()) {
			changes.set(0, changes.get(0)
				.withReview(("%s keep what the old mappings gave for the rows they hold; rebuild them (REINDEX, "
						+ "an UPDATE of the rows) if these must change too")
					.formatted(String.join(", ", stored))));
		}
		if (!Objects.equals(before.comment(), after.comment())) {
			changes.add(Change.of(key, Ddl.comment(after, after.comment())));
		}
		return Alteration.of(changes);
	}

	/**
	 * One statement per list of dictionaries, naming every token type mapped to it.
	 */
	private static List<String> mappings(TextSearchConfiguration configuration, String verb, List<Mapping> mappings) {
		Map<List<String>, List<String>> typesByDictionaries = new LinkedHashMap<>();
		for (Mapping mapping : mappings) {
			typesByDictionaries.computeIfAbsent(mapping.dictionaries(), (d) -> new ArrayList<>())
				.add(mapping.tokenType());
		}
		List<String> statements = new ArrayList<>();
		typesByDictionaries.forEach((dictionaries, types) -> statements
			.add("ALTER TEXT SEARCH CONFIGURATION %s %s MAPPING FOR %s WITH %s".formatted(configuration.name().sql(),
					verb, String.join(", ", types), String.join(", ", dictionaries))));
		return statements;
	}

	private static Map<String, List<String>> byTokenType(TextSearchConfiguration configuration) {
		Map<String, List<String>> mappings = new TreeMap<>();
		configuration.mappings().forEach((mapping) -> mappings.put(mapping.tokenType(), mapping.dictionaries()));
		return mappings;
	}

}
