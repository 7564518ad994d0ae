package io.github.migrations.core.script;

import io.github.migrations.core.api.ScriptLocation;

/**
 * Tells whether a place in a file is outside every string, quoted identifier,
 * dollar-quoted body and comment, as the statement splitter will read it: a line that
 * looks like a section marker is one only there. Reads the text once, from one place
 * known to be outside to the next, so that checking the few marker-looking lines of a
 * file costs one pass at most.
 */
final class TopLevel {

	private static final SqlLexing.Unterminated UNTERMINATED = (start, problem,
			hint) -> new ScriptException(ScriptLocation.at("text", 0), problem, hint);

	private final byte[] bytes;

	/** A byte offset known to be outside every token. */
	private int outside;

	TopLevel(byte[] bytes, int start) {
		this.bytes = bytes;
		this.outside = start;
	}

	/**
	 * Whether {@code offset} (of a byte, after the last offset asked about) is outside
	 * every token that may span lines.
	 */
	boolean at(int offset) {
		if (offset < this.outside) {
			return false;
		}
		String text = ScriptText.text(this.bytes, this.outside, offset);
		if (!endsOutside(text)) {
			return false;
		}
		this.outside = offset;
		return true;
	}

	private static boolean endsOutside(String text) {
		try {
			int i = 0;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
					int newline = text.indexOf('\n', i);
					if (newline < 0) {
						// the place is in a line comment
						return false;
					}
					i = newline + 1;
				}
				else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
					i = SqlLexing.endOfBlockComment(text, i, UNTERMINATED);
				}
				else if (c == '\'' || c == '"') {
					i = SqlLexing.endOfQuoted(text, i, c, UNTERMINATED);
				}
				else if (c == '$') {
					i = SqlLexing.endOfDollarToken(text, i, UNTERMINATED);
				}
				else if ((c == 'E' || c == 'e') && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
					i = SqlLexing.endOfEscapeString(text, i, UNTERMINATED);
				}
				else if (SqlLexing.isIdentifierStart(c)) {
					i = SqlLexing.endOfWord(text, i);
				}
				else {
					i++;
				}
			}
			return true;
		}
		catch (ScriptException ex) {
			// a token the text does not close goes on past it
			return false;
		}
	}

}
