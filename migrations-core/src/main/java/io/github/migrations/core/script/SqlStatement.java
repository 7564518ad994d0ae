package io.github.migrations.core.script;

/**
 * One SQL statement of a revision, exactly as written (without the closing semicolon),
 * and the 1-based line of the file on which it starts.
 */
public record SqlStatement(String sql, int line) {

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
