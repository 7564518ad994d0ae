package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Brings the server's deparsed text to the form it settles in: PostgreSQL prints some
 * expressions in a form that, parsed again, prints differently. The one that matters in
 * practice is an {@code IN} list over a {@code varchar} column, printed as
 * {@code = ANY ((ARRAY['a'::character varying, ...])::text[])} from the original
 * statement but as {@code = ANY (ARRAY[('a'::character varying)::text, ...])} once that
 * text is run again. The model keeps the settled form, so that a schema built from the
 * differ's own statements reads back exactly as the schema they were computed from.
 */
final class Deparsed {

	private static final Pattern CAST_ARRAY = Pattern.compile("\\(\\(ARRAY\\[([^\\]]*)\\]\\)::([a-z][a-z ]*)\\[\\]\\)");

	private static final Pattern CAST_LITERAL = Pattern.compile("'(?:[^']|'')*'::[a-z][a-z ]*");

	private Deparsed() {
	}

	static @Nullable String settle(@Nullable String text) {
		if (text == null || !text.contains("::")) {
			return text;
		}
		Matcher matcher = CAST_ARRAY.matcher(text);
		StringBuilder settled = new StringBuilder();
		while (matcher.find()) {
			List<String> elements = elements(matcher.group(1));
			String type = matcher.group(2);
			String replacement = matcher.group();
			if (elements != null) {
				List<String> cast = new ArrayList<>();
				for (String element : elements) {
					cast.add(element.endsWith("::" + type) ? element : "(" + element + ")::" + type);
				}
				replacement = "(ARRAY[" + String.join(", ", cast) + "])";
			}
			matcher.appendReplacement(settled, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(settled);
		return settled.toString();
	}

	/**
	 * The elements of an array constructor when each is a cast literal
	 * ({@code 'a'::character varying}), else {@code null}.
	 */
	private static @Nullable List<String> elements(String list) {
		List<String> elements = new ArrayList<>();
		Matcher literal = CAST_LITERAL.matcher(list);
		int at = 0;
		while (at < list.length()) {
			if (!literal.find(at) || literal.start() != at) {
				return null;
			}
			elements.add(literal.group());
			at = literal.end();
			if (at < list.length()) {
				if (!list.startsWith(", ", at)) {
					return null;
				}
				at += 2;
			}
		}
		return elements.isEmpty() ? null : elements;
	}

}
