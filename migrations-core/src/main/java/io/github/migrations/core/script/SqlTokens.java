package io.github.migrations.core.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.migrations.core.api.ScriptLocation;

/**
 * Every token of a piece of SQL, read with the same lexical rules as the
 * {@link StatementSplitter} ({@link SqlLexing}): words, quoted identifiers, strings,
 * dollar-quoted bodies, numbers and symbols, each with its offset; comments are kept
 * apart with theirs. For readers that need more than the leading keywords
 * {@link StatementClassifier} reads, such as {@code lint}. Never throws: an unterminated
 * token ends the text.
 *
 * @param tokens the tokens, in order
 * @param comments the {@code --} and block comments, in order
 */
public record SqlTokens(List<Token> tokens, List<Comment> comments) {

	private static final SqlLexing.Unterminated UNTERMINATED = (start, problem,
			hint) -> new ScriptException(ScriptLocation.at("statement", 0), problem, hint);

	/**
	 * Reads {@code sql}.
	 */
	public static SqlTokens read(String sql) {
		return read(sql, Integer.MAX_VALUE, true);
	}

	/**
	 * Reads the first {@code limit} tokens of {@code sql} (and the comments among them),
	 * so that a statement that loads data does not cost a token per value.
	 */
	public static SqlTokens read(String sql, int limit) {
		return read(sql, limit, true);
	}

	/**
	 * Reads only the comments of {@code text}, such as a whole revision file, keeping no
	 * token.
	 */
	public static List<Comment> comments(String text) {
		return read(text, Integer.MAX_VALUE, false).comments();
	}

	private static SqlTokens read(String sql, int limit, boolean keepTokens) {
		List<Token> tokens = new ArrayList<>();
		List<Comment> comments = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		while (i < length && tokens.size() < limit) {
			char c = sql.charAt(i);
			int end;
			try {
				end = next(sql, i, c, tokens, comments);
			}
			catch (ScriptException ex) {
				break;
			}
			if (!keepTokens) {
				tokens.clear();
			}
			i = Math.max(end, i + 1);
		}
		return new SqlTokens(List.copyOf(tokens), List.copyOf(comments));
	}

	private static int next(String sql, int i, char c, List<Token> tokens, List<Comment> comments) {
		char next = (i + 1 < sql.length()) ? sql.charAt(i + 1) : '\0';
		if (SqlLexing.isWhitespace(c)) {
			return i + 1;
		}
		if (c == '-' && next == '-') {
			int newline = sql.indexOf('\n', i);
			int end = (newline >= 0) ? newline : sql.length();
			comments.add(new Comment(sql.substring(i + 2, end).strip(), i));
			return end;
		}
		if (c == '/' && next == '*') {
			int end = SqlLexing.endOfBlockComment(sql, i, UNTERMINATED);
			comments.add(new Comment(sql.substring(i + 2, end - 2).strip(), i));
			return end;
		}
		if (c == '\'') {
			int end = SqlLexing.endOfQuoted(sql, i, '\'', UNTERMINATED);
			tokens.add(new Token(Kind.STRING, sql.substring(i + 1, end - 1).replace("''", "'"), i));
			return end;
		}
		if (c == '"') {
			int end = SqlLexing.endOfQuoted(sql, i, '"', UNTERMINATED);
			tokens.add(new Token(Kind.QUOTED, sql.substring(i + 1, end - 1).replace("\"\"", "\""), i));
			return end;
		}
		if (c == '$') {
			int end = SqlLexing.endOfDollarToken(sql, i, UNTERMINATED);
			tokens.add(new Token((end - i > 1 && !Character.isDigit(next)) ? Kind.STRING : Kind.SYMBOL,
					sql.substring(i, end), i));
			return end;
		}
		if (c >= '0' && c <= '9') {
			int end = i;
			while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
				end++;
			}
			tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i));
			return end;
		}
		if (SqlLexing.isIdentifierStart(c)) {
			int end = SqlLexing.endOfWord(sql, i);
			if (end - i == 1 && (c == 'E' || c == 'e') && end < sql.length() && sql.charAt(end) == '\'') {
				int close = SqlLexing.endOfEscapeString(sql, i, UNTERMINATED);
				tokens.add(new Token(Kind.STRING, sql.substring(i + 2, close - 1), i));
				return close;
			}
			tokens.add(new Token(Kind.WORD, sql.substring(i, end).toLowerCase(Locale.ROOT), i));
			return end;
		}
		if (c == ':' && next == ':') {
			tokens.add(new Token(Kind.SYMBOL, "::", i));
			return i + 2;
		}
		tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
		return i + 1;
	}

	/**
	 * What a token is.
	 */
	public enum Kind {

		/** A keyword or an unquoted identifier, lower-cased as PostgreSQL folds it. */
		WORD,

		/** A {@code "quoted"} identifier, without its quotes. */
		QUOTED,

		/** A string constant or a dollar-quoted body. */
		STRING,

		/** A numeric constant. */
		NUMBER,

		/** Punctuation or an operator character ({@code ::} is one token). */
		SYMBOL

	}

	/**
	 * One token.
	 *
	 * @param kind what it is
	 * @param text a word lower-cased, an identifier or string without its quotes, else
	 * the text as written
	 * @param offset where it starts in the text that was read
	 */
	public record Token(Kind kind, String text, int offset) {

		/**
		 * Whether this is the unquoted keyword {@code word} (lower case).
		 */
		public boolean is(String word) {
			return this.kind == Kind.WORD && this.text.equals(word);
		}

		/**
		 * Whether this is the symbol {@code symbol}.
		 */
		public boolean isSymbol(String symbol) {
			return this.kind == Kind.SYMBOL && this.text.equals(symbol);
		}

		/**
		 * Whether this names something: a word or a quoted identifier.
		 */
		public boolean isName() {
			return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
		}

	}

	/**
	 * A comment: its text without {@code --} or the block's delimiters, stripped, and
	 * where it starts.
	 */
	public record Comment(String text, int offset) {

	}

}
