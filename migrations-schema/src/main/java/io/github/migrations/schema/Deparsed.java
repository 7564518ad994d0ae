package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The server's deparsed text of an {@code IN} list, in the two directions the differ
 * needs. PostgreSQL prints {@code status IN ('a', 'b')} on a {@code varchar} column as
 * {@code ((status)::text = ANY ((ARRAY['a'::character varying, ...])::text[]))}, but that
 * text, run again, is stored as
 * {@code = ANY (ARRAY[('a'::character varying)::text, ...])}: the printed form is not a
 * fixed point (the parser pushes a cast of an array constructor down into its elements).
 * {@link #settle} brings both forms to the second one, so that the model compares them as
 * equal; {@link #written} writes that form back as the {@code IN} (or {@code NOT IN})
 * list it comes from, which the server stores exactly as the original text. Only the
 * printed form of an {@code IN} list changes; every other expression is written as the
 * server prints it, which is a fixed point.
 */
final class Deparsed {

	private static final Pattern CAST_ARRAY = Pattern.compile("\\(\\(ARRAY\\[([^\\]]*)\\]\\)::([a-z][a-z ]*)\\[\\]\\)");

	private static final Pattern CAST_LITERAL = Pattern.compile("'(?:[^']|'')*'::[a-z][a-z ]*");

	/**
	 * An element of a list: a cast literal, or one cast again
	 * ({@code ('a'::character varying)::text}).
	 */
	private static final Pattern ELEMENT = Pattern
		.compile(CAST_LITERAL.pattern() + "|\\(" + CAST_LITERAL.pattern() + "\\)::[a-z][a-z ]*");

	/**
	 * Where a settled list starts: the left operand's cast, the operator and the array.
	 */
	private static final Pattern SETTLED_LIST = Pattern
		.compile("\\)::([a-z][a-z ]*?) (= ANY|<> ALL) \\(ARRAY\\[(?=\\('(?:[^']|'')*'::[a-z][a-z ]*\\)::)");

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
	 * The text to run for a settled expression: each settled list
	 * {@code (x)::text = ANY (ARRAY[('a'::character varying)::text, ...])} written as
	 * {@code (x) IN ('a'::character varying, ...)} ({@code <> ALL} as {@code NOT IN}),
	 * the rest as it is.
	 */
	static @Nullable String written(@Nullable String text) {
		if (text == null || !text.contains(" (ARRAY[(")) {
			return text;
		}
		StringBuilder written = new StringBuilder();
		Matcher list = SETTLED_LIST.matcher(text);
		int copied = 0;
		while (list.find()) {
			int close = list.start();
			int open = openingParenthesis(text, close);
			int end = text.indexOf("])", list.end());
			if (open < copied || end < 0) {
				continue;
			}
			List<String> elements = elements(text.substring(list.end(), end));
			String suffix = ")::" + list.group(1);
			List<String> uncast = new ArrayList<>();
			for (String element : (elements != null) ? elements : List.<String>of()) {
				if (!element.startsWith("(") || !element.endsWith(suffix)) {
					uncast.clear();
					break;
				}
				uncast.add(element.substring(1, element.length() - suffix.length()));
			}
			if (!uncast.isEmpty()) {
				String operator = list.group(2).equals("= ANY") ? " IN (" : " NOT IN (";
				// IN binds tighter than the comparison it replaces: no parentheses needed
				written.append(text, copied, open)
					.append(text, open, close + 1)
					.append(operator)
					.append(String.join(", ", uncast))
					.append(')');
				copied = end + 2;
			}
		}
		written.append(text, copied, text.length());
		return written.toString();
	}

	/**
	 * The offset of the parenthesis that the one at {@code close} closes, or {@code -1};
	 * parentheses in quoted literals and identifiers do not count.
	 */
	private static int openingParenthesis(String text, int close) {
		int depth = 0;
		for (int at = close; at >= 0; at--) {
			char c = text.charAt(at);
			if (c == '\'' || c == '"') {
				at = text.lastIndexOf(c, at - 1);
				if (at < 0) {
					return -1;
				}
			}
			else if (c == ')') {
				depth++;
			}
			else if (c == '(' && --depth == 0) {
				return at;
			}
		}
		return -1;
	}

	/**
	 * The elements of an array constructor when each is a cast literal
	 * ({@code 'a'::character varying}), or a cast literal cast again in parentheses
	 * ({@code ('a'::character varying)::text}), else {@code null}.
	 */
	private static @Nullable List<String> elements(String list) {
		List<String> elements = new ArrayList<>();
		Matcher literal = ELEMENT.matcher(list);
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
