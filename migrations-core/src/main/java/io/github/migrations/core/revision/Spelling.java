package io.github.migrations.core.revision;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean": the known names closest to a mistyped one by edit distance, for the
 * hints about revision ids, branch labels and header keys.
 */
public final class Spelling {

	private static final int MOST = 3;

	private Spelling() {
	}

	/**
	 * The known names nearest to {@code written} (ignoring case), at most three, sorted;
	 * none when every name is too far to be a misspelling of it.
	 */
	public static List<String> closest(String written, Collection<String> known) {
		String typed = written.toLowerCase(Locale.ROOT);
		int allowed = (typed.length() <= 4) ? 1 : (typed.length() <= 8) ? 2 : 3;
		int best = known.stream()
			.mapToInt((name) -> distance(typed, name.toLowerCase(Locale.ROOT)))
			.min()
			.orElse(Integer.MAX_VALUE);
		if (best > allowed) {
			return List.of();
		}
		return known.stream()
			.filter((name) -> distance(typed, name.toLowerCase(Locale.ROOT)) == best)
			.sorted()
			.limit(MOST)
			.toList();
	}

	/**
	 * The Levenshtein distance: how many characters to insert, delete or replace.
	 */
	public static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int replace = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
