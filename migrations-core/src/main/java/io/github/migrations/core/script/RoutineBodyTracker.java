package io.github.migrations.core.script;

/**
 * Follows the words of one statement to tell when it is inside the body of
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END}, where
 * semicolons do not end the statement. As in {@code psql}: in such a statement, a
 * {@code BEGIN} outside parentheses opens a block, {@code CASE} inside a block opens
 * another, and {@code END} closes one.
 */
final class RoutineBodyTracker {

	private enum Kind {

		UNDECIDED, ROUTINE, OTHER

	}

	private Kind kind = Kind.UNDECIDED;

	private int words;

	private int depth;

	private int bodyStart;

	void reset() {
		this.kind = Kind.UNDECIDED;
		this.words = 0;
		this.depth = 0;
	}

	boolean insideBody() {
		return this.depth > 0;
	}

	/**
	 * Where the outermost {@code BEGIN} starts, while {@link #insideBody()}.
	 */
	int bodyStart() {
		return this.bodyStart;
	}

	/**
	 * Takes the next unquoted word of the statement, {@code text[start, end)}.
	 */
	void word(String text, int start, int end, boolean outsideParentheses) {
		if (this.kind == Kind.UNDECIDED) {
			this.kind = decide(this.words, text, start, end);
		}
		this.words++;
		if (this.kind != Kind.ROUTINE || !outsideParentheses) {
			return;
		}
		if (is(text, start, end, "begin")) {
			if (this.depth == 0) {
				this.bodyStart = start;
			}
			this.depth++;
		}
		else if (is(text, start, end, "case") && this.depth > 0) {
			this.depth++;
		}
		else if (is(text, start, end, "end") && this.depth > 0) {
			this.depth--;
		}
	}

	private static Kind decide(int index, String text, int start, int end) {
		boolean routine = is(text, start, end, "function") || is(text, start, end, "procedure");
		return switch (index) {
			case 0 -> is(text, start, end, "create") ? Kind.UNDECIDED : Kind.OTHER;
			case 1 -> routine ? Kind.ROUTINE : (is(text, start, end, "or") ? Kind.UNDECIDED : Kind.OTHER);
			case 2 -> is(text, start, end, "replace") ? Kind.UNDECIDED : Kind.OTHER;
			case 3 -> routine ? Kind.ROUTINE : Kind.OTHER;
			default -> Kind.OTHER;
		};
	}

	private static boolean is(String text, int start, int end, String word) {
		return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
	}

}
