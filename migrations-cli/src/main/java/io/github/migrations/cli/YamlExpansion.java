package io.github.migrations.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How many values a YAML document holds once its aliases are expanded, counted without
 * expanding them: an alias ({@code *name}) is the very object its anchor ({@code &name})
 * holds, counted once and reused. A document of a few lines whose aliases refer to
 * aliases ("billion laughs") would otherwise be flattened into more settings than the
 * memory holds, and one that refers to itself would never end.
 */
final class YamlExpansion {

	/**
	 * The most values a document may hold: far more than an application's settings.
	 */
	static final long LARGEST = 100_000;

	private final Path path;

	private final Map<Object, Long> counted = new IdentityHashMap<>();

	private YamlExpansion(Path path) {
		this.path = path;
	}

	/**
	 * Refuses a document that expands to more than {@value #LARGEST} values, or that
	 * holds itself.
	 * @param path the file, for the error
	 */
	static void check(Object document, Path path) {
		if (new YamlExpansion(path).size(document) > LARGEST) {
			throw new CliException(
					"Configuration file '%s' expands to more than %d values: its aliases (*name) repeat what their anchors (&name) hold, and aliases within them repeat it again."
						.formatted(path, LARGEST),
					"Write the settings out, or use aliases that do not refer to other aliases.");
		}
	}

	private long size(Object node) {
		if (!(node instanceof Map<?, ?>) && !(node instanceof Collection<?>)) {
			return 1;
		}
		Long known = this.counted.get(node);
		if (known != null) {
			if (known < 0) {
				throw new CliException(
						"Configuration file '%s' has an anchor (&name) that holds an alias of itself (*name)."
							.formatted(this.path),
						"Remove the alias, or point it at another anchor.");
			}
			return known;
		}
		this.counted.put(node, -1L);
		long total = 1;
		Collection<?> children = (node instanceof Map<?, ?> map) ? map.entrySet() : (Collection<?>) node;
		for (Object child : children) {
			if (child instanceof Map.Entry<?, ?> entry) {
				total += size(entry.getKey()) + size(entry.getValue());
			}
			else {
				total += size(child);
			}
			total = Math.min(total, LARGEST + 1);
		}
		this.counted.put(node, total);
		return total;
	}

}
