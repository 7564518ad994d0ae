package io.github.migrations.core.script;

/**
 * PostgreSQL's lexical rules for the tokens that may hide a semicolon: strings, escape
 * strings, quoted identifiers, dollar-quoted bodies and block comments. Each method takes
 * the position where the token starts and returns the position just after it.
 */
final class SqlLexing {

	private SqlLexing() {
	}

	static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
	}

	static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
	}

	static int endOfWord(String text, int start) {
		int end = start;
		while (end < text.length() && isIdentifierPart(text.charAt(end))) {
			end++;
		}
		return end;
	}

	/**
	 * A {@code '...'} string or a {@code "..."} identifier, in which the quote is escaped
	 * by doubling it.
	 */
	static int endOfQuoted(String text, int start, char quote, Unterminated error) {
		int from = start + 1;
		while (true) {
			int close = text.indexOf(quote, from);
			if (close < 0) {
				throw (quote == '\'')
						? error.at(start, "unterminated string that starts here",
								"Close the string with ' (write '' for a quote inside it).")
						: error.at(start, "unterminated quoted identifier that starts here",
								"Close the identifier with \" (write \"\" for a quote inside it).");
			}
			if (close + 1 < text.length() && text.charAt(close + 1) == quote) {
				from = close + 2;
			}
			else {
				return close + 1;
			}
		}
	}

	/**
	 * An {@code E'...'} string, starting at its {@code E}, in which a backslash escapes
	 * the next character.
	 */
	static int endOfEscapeString(String text, int start, Unterminated error) {
		int i = start + 2;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\') {
				i += 2;
			}
			else if (c == '\'') {
				if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		throw error.at(start, "unterminated escape string that starts here",
				"Close the string with ' (write \\' or '' for a quote inside it).");
	}

	/**
	 * What starts with {@code $}: a parameter such as {@code $1}, a dollar-quoted body
	 * such as {@code $$...$$} or {@code $body$...$body$}, or a lone {@code $}.
	 */
	static int endOfDollarToken(String text, int start, Unterminated error) {
		int i = start + 1;
		if (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
			while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
				i++;
			}
			return i;
		}
		if (i < text.length() && isIdentifierStart(text.charAt(i))) {
			while (i < text.length() && isIdentifierPart(text.charAt(i)) && text.charAt(i) != '$') {
				i++;
			}
		}
		if (i >= text.length() || text.charAt(i) != '$') {
			return start + 1;
		}
		String tag = text.substring(start, i + 1);
		int close = text.indexOf(tag, i + 1);
		if (close < 0) {
			throw error.at(start, "unterminated dollar-quoted body '%s' that starts here".formatted(tag),
					"Close the body with '%s', the same tag that opens it.".formatted(tag));
		}
		return close + tag.length();
	}

	/**
	 * A {@code /* ... *}{@code /} comment, which may contain nested block comments.
	 */
	static int endOfBlockComment(String text, int start, Unterminated error) {
		int depth = 1;
		int i = start + 2;
		while (i + 1 < text.length()) {
			char c = text.charAt(i);
			char next = text.charAt(i + 1);
			if (c == '/' && next == '*') {
				depth++;
				i += 2;
			}
			else if (c == '*' && next == '/') {
				depth--;
				i += 2;
				if (depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		throw error.at(start, "unterminated block comment that starts here",
				"Close it with '*/'; block comments nest, so each '/*' inside it needs its own '*/'.");
	}

	/**
	 * Makes the exception for a token that the text does not close.
	 */
	@FunctionalInterface
	interface Unterminated {

		ScriptException at(int start, String problem, String hint);

	}

}
