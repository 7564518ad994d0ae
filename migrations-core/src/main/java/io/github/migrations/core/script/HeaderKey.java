package io.github.migrations.core.script;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.migrations.core.revision.Spelling;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a revision file's header, each with an example line for messages.
 */
enum HeaderKey {

	REVISION("-- revision: 7c41e0a9b2d3"),

	DOWN_REVISION("-- down_revision: 1f09aa4c6e70"),

	MESSAGE("-- message: add orders table"),

	BRANCH_LABELS("-- branch_labels: shopping"),

	DEPENDS_ON("-- depends_on: 55ab12cd"),

	TRANSACTIONAL("-- transactional: false"),

	LOCK_TIMEOUT("-- lock_timeout: 5s"),

	STATEMENT_TIMEOUT("-- statement_timeout: 10min"),

	/**
	 * An opt-out of lint rules for the whole revision, read by {@code lint}; it may
	 * appear more than once.
	 */
	LINT("-- lint: allow drop-column (no release reads it since 2.3)");

	private static final Map<String, HeaderKey> BY_KEY = new HashMap<>();

	static {
		for (HeaderKey key : values()) {
			BY_KEY.put(key.key(), key);
		}
	}

	private final String example;

	HeaderKey(String example) {
		this.example = example;
	}

	/**
	 * The key as written in a file, such as {@code down_revision}.
	 */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	String example() {
		return this.example;
	}

	/**
	 * The key written as {@code key}, or {@code null} when there is none.
	 */
	static @Nullable HeaderKey of(String key) {
		return BY_KEY.get(key);
	}

	/**
	 * Every key, quoted and separated by commas, for messages.
	 */
	static String list() {
		return Arrays.stream(values()).map((key) -> "'" + key.key() + "'").collect(Collectors.joining(", "));
	}

	/**
	 * The key that {@code written} is most likely a misspelling of, or {@code null} when
	 * it is too far from every key.
	 */
	static @Nullable HeaderKey closest(String written) {
		String normalised = written.toLowerCase(Locale.ROOT).replace('-', '_');
		// a short word one letter from a short key is more often a word of its own ('--
		// hint:'
		// beside 'lint') than a typo
		int allowed = (normalised.length() <= 4) ? 0 : (normalised.length() <= 8) ? 2 : 3;
		HeaderKey closest = null;
		int closestDistance = Integer.MAX_VALUE;
		for (HeaderKey candidate : values()) {
			int distance = Spelling.distance(normalised, candidate.key());
			if (distance <= allowed && distance < closestDistance) {
				closest = candidate;
				closestDistance = distance;
			}
		}
		return closest;
	}

}
