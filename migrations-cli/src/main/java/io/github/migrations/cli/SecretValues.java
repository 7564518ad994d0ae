package io.github.migrations.cli;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.api.Secrets;

/**
 * The secrets a configuration file's text holds, found as {@link Secrets#mask} finds them
 * line by line ({@code password: ...}, a URL's password), so that a parser's message
 * about the file, which may quote a value without its key (SnakeYAML's "could not
 * determine a constructor for the tag !S3cret", "found undefined alias S3cret", "For
 * input string: "S3cret""), is shown without them.
 */
final class SecretValues {

	/** What YAML reads before a value as a tag, an alias or an anchor, and quotes. */
	private static final String INDICATORS = "!*&'\"";

	/**
	 * YAML's own tags ({@code !!int}): what a value is read as, never part of it.
	 */
	private static final Set<String> STANDARD_TAGS = Set.of("!!str", "!!int", "!!float", "!!bool", "!!null",
			"!!timestamp", "!!binary", "!!seq", "!!map", "!!set", "!!omap", "!!pairs", "!!merge", "!!value");

	private final Set<String> values = new HashSet<>();

	private SecretValues(String text) {
		for (String line : text.split("\\R")) {
			String masked = Secrets.mask(line);
			if (!masked.equals(line)) {
				addRemoved(line, masked);
			}
		}
	}

	/**
	 * {@code message}, masked, with each secret of the file {@code text} (not within a
	 * longer word) replaced by {@value Secrets#MASK}, longest first.
	 */
	static String masked(String message, String text) {
		String masked = Secrets.mask(message);
		for (String value : new SecretValues(text).values.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList()) {
			masked = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])")
				.matcher(masked)
				.replaceAll(Matcher.quoteReplacement(Secrets.MASK));
		}
		return masked;
	}

	/**
	 * What masking took out of a line (between the parts both share), as a whole, word by
	 * word and without YAML's indicators around each word.
	 */
	private void addRemoved(String line, String masked) {
		int prefix = 0;
		while (prefix < line.length() && prefix < masked.length() && line.charAt(prefix) == masked.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < line.length() - prefix && suffix < masked.length() - prefix
				&& line.charAt(line.length() - 1 - suffix) == masked.charAt(masked.length() - 1 - suffix)) {
			suffix++;
		}
		String removed = line.substring(prefix, line.length() - suffix);
		add(removed);
		for (String word : removed.split("\\s+")) {
			if (STANDARD_TAGS.contains(word)) {
				continue;
			}
			add(word);
			add(strip(word));
		}
	}

	private void add(String value) {
		if (!value.isBlank() && !value.equals(Secrets.MASK)) {
			this.values.add(value);
		}
	}

	private static String strip(String word) {
		int start = 0;
		int end = word.length();
		while (start < end && INDICATORS.indexOf(word.charAt(start)) >= 0) {
			start++;
		}
		while (end > start && INDICATORS.indexOf(word.charAt(end - 1)) >= 0) {
			end--;
		}
		return word.substring(start, end);
	}

}
