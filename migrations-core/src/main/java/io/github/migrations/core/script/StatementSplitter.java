package io.github.migrations.core.script;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.api.ScriptLocation;

/**
 * Splits the SQL text of a section into statements, as {@code psql} would: a semicolon
 * ends a statement unless it is inside a string, a quoted identifier, a dollar-quoted
 * body, a comment, parentheses, or the {@code BEGIN ... END} body of a
 * {@code CREATE FUNCTION} or {@code CREATE PROCEDURE} (a SQL-standard body such as
 * {@code BEGIN ATOMIC ... END}).
 * <p>
 * One pass over the text, so its time is linear in the text's length.
 */
final class StatementSplitter {

	private final String file;

	private final String text;

	private final List<SqlStatement> statements = new ArrayList<>();

	private final LineCounter lines;

	private final RoutineBodyTracker routine = new RoutineBodyTracker();

	private int position;

	private int statementStart = -1;

	private int statementLine;

	private int parenthesisDepth;

	private StatementSplitter(String file, String text, int firstLine) {
		this.file = file;
		this.text = text;
		this.lines = new LineCounter(text, firstLine);
	}

	/**
	 * Splits {@code text}, whose first character is on line {@code firstLine} of
	 * {@code file}.
	 * @throws ScriptException if a string, quoted identifier, dollar-quoted body, block
	 * comment or function body is not closed, or the text holds what only psql runs
	 * ({@link ClientCommands})
	 */
	static List<SqlStatement> split(String file, String text, int firstLine) {
		return new StatementSplitter(file, text, firstLine).split();
	}

	private List<SqlStatement> split() {
		int length = this.text.length();
		while (this.position < length) {
			char c = this.text.charAt(this.position);
			if (SqlLexing.isWhitespace(c)) {
				this.position++;
			}
			else if (c == '-' && charAt(this.position + 1) == '-') {
				int newline = this.text.indexOf('\n', this.position);
				this.position = (newline >= 0) ? newline : length;
			}
			else if (c == '/' && charAt(this.position + 1) == '*') {
				this.position = SqlLexing.endOfBlockComment(this.text, this.position, this::unterminated);
			}
			else if (c == ';' && this.parenthesisDepth == 0 && !this.routine.insideBody()) {
				endStatement(this.position);
				this.position++;
			}
			else {
				startStatement();
				token(c);
			}
		}
		endStatement(length);
		return this.statements;
	}

	private void token(char c) {
		int start = this.position;
		switch (c) {
			case '\'' -> this.position = SqlLexing.endOfQuoted(this.text, start, '\'', this::unterminated);
			case '"' -> this.position = SqlLexing.endOfQuoted(this.text, start, '"', this::unterminated);
			case '$' -> this.position = SqlLexing.endOfDollarToken(this.text, start, this::unterminated);
			case '(' -> {
				this.parenthesisDepth++;
				this.position++;
			}
			case ')' -> {
				this.parenthesisDepth = Math.max(0, this.parenthesisDepth - 1);
				this.position++;
			}
			default -> word(c, start);
		}
	}

	private void word(char c, int start) {
		if (c == '\\') {
			throw ClientCommands.metaCommand(this.file, this.lines.lineAt(start), this.text, start);
		}
		if (!SqlLexing.isIdentifierPart(c)) {
			this.position++;
			return;
		}
		int end = SqlLexing.endOfWord(this.text, start);
		if (end - start == 1 && (c == 'E' || c == 'e') && charAt(end) == '\'') {
			this.position = SqlLexing.endOfEscapeString(this.text, start, this::unterminated);
			return;
		}
		this.position = end;
		if (SqlLexing.isIdentifierStart(c)) {
			this.routine.word(this.text, start, end, this.parenthesisDepth == 0);
		}
	}

	private void startStatement() {
		if (this.statementStart < 0) {
			this.statementStart = this.position;
			this.statementLine = this.lines.lineAt(this.position);
		}
	}

	private void endStatement(int end) {
		if (this.statementStart >= 0) {
			if (this.routine.insideBody()) {
				int begin = this.routine.bodyStart();
				throw new ScriptException(ScriptLocation.at(this.file, this.lines.lineAt(begin)),
						"function body '%s' that starts here has no matching 'END'"
							.formatted(this.text.substring(begin, begin + 5)),
						"End the body with 'END' before the ';' that ends the CREATE statement.");
			}
			int trimmed = end;
			while (trimmed > this.statementStart && SqlLexing.isWhitespace(this.text.charAt(trimmed - 1))) {
				trimmed--;
			}
			SqlStatement statement = new SqlStatement(this.text.substring(this.statementStart, trimmed),
					this.statementLine);
			ClientCommands.checkCopy(this.file, statement);
			this.statements.add(statement);
		}
		this.statementStart = -1;
		this.parenthesisDepth = 0;
		this.routine.reset();
	}

	private ScriptException unterminated(int start, String problem, String hint) {
		return new ScriptException(ScriptLocation.at(this.file, this.lines.lineAt(start)), problem, hint);
	}

	private char charAt(int index) {
		return (index < this.text.length()) ? this.text.charAt(index) : '\0';
	}

}
