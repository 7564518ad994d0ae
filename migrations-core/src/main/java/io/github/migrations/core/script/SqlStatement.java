package io.github.migrations.core.script;

import java.util.List;

/**
 * One SQL statement of a revision, exactly as written (without the closing semicolon),
 * and the 1-based line of the file on which it starts.
 */
public record SqlStatement(String sql, int line) {

	/**
	 * Splits a plain SQL text (no revision header) into statements as {@code psql} would,
	 * with the line each starts on.
	 * @param file the file the text comes from, for errors
	 * @throws ScriptException if a string, quoted identifier, dollar-quoted body, block
	 * comment or function body is not closed
	 */
	public static List<SqlStatement> split(String file, String text) {
		return StatementSplitter.split(file, text, 1);
	}

	/**
	 * The file line of a 1-based character position inside this statement, such as the
	 * error position PostgreSQL reports.
	 */
	public int lineOf(int position) {
		int line = this.line;
		int end = Math.min(Math.max(position - 1, 0), this.sql.length());
		for (int i = 0; i < end; i++) {
			if (this.sql.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
