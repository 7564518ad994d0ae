package io.github.migrations.core.lint;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.script.SqlTokens.Kind;
import io.github.migrations.core.script.SqlTokens.Token;

/**
 * Reads a run of tokens from left to right, as the statement readers need: keywords,
 * names (qualified or not), parenthesised groups and comma-separated lists at the same
 * depth.
 */
final class Cursor {

	private static final Token END = new Token(Kind.SYMBOL, ";", -1);

	private final List<Token> tokens;

	private final int end;

	private int position;

	Cursor(List<Token> tokens) {
		this(tokens, 0, tokens.size());
	}

	private Cursor(List<Token> tokens, int start, int end) {
		this.tokens = tokens;
		this.position = start;
		this.end = end;
	}

	Token peek(int ahead) {
		int i = this.position + ahead;
		return (i < this.end) ? this.tokens.get(i) : END;
	}

	Token peek() {
		return peek(0);
	}

	boolean atEnd() {
		return this.position >= this.end;
	}

	Token next() {
		Token token = peek();
		if (!atEnd()) {
			this.position++;
		}
		return token;
	}

	/**
	 * Whether the next tokens are these keywords.
	 */
	boolean is(String... words) {
		for (int i = 0; i < words.length; i++) {
			if (!peek(i).is(words[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Steps over these keywords when they come next.
	 */
	boolean accept(String... words) {
		if (is(words)) {
			this.position += words.length;
			return true;
		}
		return false;
	}

	boolean acceptSymbol(String symbol) {
		if (peek().isSymbol(symbol)) {
			this.position++;
			return true;
		}
		return false;
	}

	/**
	 * A name, qualified or not ({@code public.invoices}, {@code "Odd"."Name"}), or an
	 * empty string when none comes next.
	 */
	String name() {
		if (!peek().isName()) {
			return "";
		}
		StringBuilder name = new StringBuilder(next().text());
		while (peek().isSymbol(".") && peek(1).isName()) {
			this.position++;
			name.append('.').append(next().text());
		}
		return name.toString();
	}

	/**
	 * Steps over a parenthesised group starting here, if any, and returns its inside.
	 */
	Cursor group() {
		if (!peek().isSymbol("(")) {
			return new Cursor(this.tokens, this.position, this.position);
		}
		int open = this.position;
		int depth = 0;
		while (!atEnd()) {
			Token token = next();
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if ((token.isSymbol(")") || token.isSymbol("]")) && --depth == 0) {
				break;
			}
		}
		return new Cursor(this.tokens, open + 1, Math.max(open + 1, this.position - 1));
	}

	/**
	 * The rest, cut at the commas outside parentheses.
	 */
	List<Cursor> split() {
		List<Cursor> parts = new ArrayList<>();
		int start = this.position;
		int depth = 0;
		for (int i = this.position; i < this.end; i++) {
			Token token = this.tokens.get(i);
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if (token.isSymbol(")") || token.isSymbol("]")) {
				depth--;
			}
			else if (token.isSymbol(",") && depth == 0) {
				parts.add(new Cursor(this.tokens, start, i));
				start = i + 1;
			}
		}
		if (start < this.end) {
			parts.add(new Cursor(this.tokens, start, this.end));
		}
		this.position = this.end;
		return parts;
	}

	/**
	 * The tokens from here up to the end or the first of these keywords outside
	 * parentheses, which is not consumed.
	 */
	List<Token> until(String... words) {
		List<Token> taken = new ArrayList<>();
		int depth = 0;
		while (!atEnd()) {
			Token token = peek();
			if (depth == 0 && isAny(token, words)) {
				break;
			}
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if (token.isSymbol(")") || token.isSymbol("]")) {
				depth--;
			}
			taken.add(next());
		}
		return taken;
	}

	/**
	 * The remaining tokens, not consumed.
	 */
	List<Token> rest() {
		return this.tokens.subList(this.position, this.end);
	}

	/**
	 * Whether a keyword appears anywhere in the rest, outside strings.
	 */
	boolean contains(String word) {
		return rest().stream().anyMatch((token) -> token.is(word));
	}

	private static boolean isAny(Token token, String... words) {
		for (String word : words) {
			if (token.is(word)) {
				return true;
			}
		}
		return false;
	}

}
