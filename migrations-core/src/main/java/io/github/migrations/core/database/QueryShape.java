package io.github.migrations.core.database;

import org.jspecify.annotations.Nullable;

/**
 * Another session's query with its data left out, as an operator may be shown it: each
 * string constant ({@code 'x'}, {@code E'x'}, {@code $tag$x$tag$}) becomes {@code '...'}
 * and each comment a space, while keywords, names and numbers stay. A secret given to a
 * query (a password, a key, a token) is such a constant, or a comment beside it. A
 * constant or comment the server cut off (its {@code track_activity_query_size}) runs to
 * the end.
 */
final class QueryShape {

	static final String CONSTANT = "'...'";

	private final String query;

	private final StringBuilder shape;

	private int at;

	private QueryShape(String query) {
		this.query = query;
		this.shape = new StringBuilder(query.length());
	}

	/**
	 * The query without its string constants and comments.
	 */
	static String of(String query) {
		QueryShape shape = new QueryShape(query);
		shape.read();
		return shape.shape.toString();
	}

	private void read() {
		while (this.at < this.query.length()) {
			char character = this.query.charAt(this.at);
			String tag = (character == '$' && !partOfName(this.at - 1)) ? dollarTag() : null;
			if (character == '\'') {
				boolean escapes = this.at > 0
						&& (this.query.charAt(this.at - 1) == 'E' || this.query.charAt(this.at - 1) == 'e')
						&& !partOfName(this.at - 2);
				skipQuoted(escapes);
				this.shape.append(CONSTANT);
			}
			else if (character == '"') {
				copyQuotedName();
			}
			else if (tag != null) {
				skipDollarQuoted(tag);
				this.shape.append(CONSTANT);
			}
			else if (this.query.startsWith("--", this.at)) {
				while (this.at < this.query.length() && this.query.charAt(this.at) != '\n'
						&& this.query.charAt(this.at) != '\r') {
					this.at++;
				}
				this.shape.append(' ');
			}
			else if (this.query.startsWith("/*", this.at)) {
				skipBlockComment();
				this.shape.append(' ');
			}
			else {
				this.shape.append(character);
				this.at++;
			}
		}
	}

	private boolean partOfName(int index) {
		if (index < 0) {
			return false;
		}
		char character = this.query.charAt(index);
		return Character.isLetterOrDigit(character) || character == '_' || character == '$';
	}

	/**
	 * A string constant from its opening quote: a doubled quote stays inside it, and so
	 * does an escaped one in an {@code E'...'} constant.
	 */
	private void skipQuoted(boolean escapes) {
		this.at++;
		while (this.at < this.query.length()) {
			char character = this.query.charAt(this.at);
			if (escapes && character == '\\') {
				this.at += 2;
			}
			else if (character == '\'' && this.at + 1 < this.query.length() && this.query.charAt(this.at + 1) == '\'') {
				this.at += 2;
			}
			else if (character == '\'') {
				this.at++;
				return;
			}
			else {
				this.at++;
			}
		}
		this.at = this.query.length();
	}

	private void copyQuotedName() {
		int end = this.query.indexOf('"', this.at + 1);
		while (end >= 0 && end + 1 < this.query.length() && this.query.charAt(end + 1) == '"') {
			end = this.query.indexOf('"', end + 2);
		}
		int stop = (end < 0) ? this.query.length() : end + 1;
		this.shape.append(this.query, this.at, stop);
		this.at = stop;
	}

	/**
	 * The tag that opens a dollar-quoted constant here ({@code $$}, {@code $body$}), or
	 * {@code null} ({@code $1} is a parameter).
	 */
	private @Nullable String dollarTag() {
		int end = this.at + 1;
		while (end < this.query.length()
				&& (Character.isLetterOrDigit(this.query.charAt(end)) || this.query.charAt(end) == '_')) {
			end++;
		}
		boolean valid = end < this.query.length() && this.query.charAt(end) == '$'
				&& (end == this.at + 1 || !Character.isDigit(this.query.charAt(this.at + 1)));
		return valid ? this.query.substring(this.at, end + 1) : null;
	}

	private void skipDollarQuoted(String tag) {
		int end = this.query.indexOf(tag, this.at + tag.length());
		this.at = (end < 0) ? this.query.length() : end + tag.length();
	}

	private void skipBlockComment() {
		int depth = 0;
		while (this.at < this.query.length()) {
			if (this.query.startsWith("/*", this.at)) {
				depth++;
				this.at += 2;
			}
			else if (this.query.startsWith("*/", this.at)) {
				depth--;
				this.at += 2;
				if (depth == 0) {
					return;
				}
			}
			else {
				this.at++;
			}
		}
	}

}
