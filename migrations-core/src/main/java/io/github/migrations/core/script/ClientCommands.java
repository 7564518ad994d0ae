package io.github.migrations.core.script;

import java.util.List;

import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.script.SqlTokens.Token;

/**
 * What only {@code psql} runs, which a revision cannot: a meta-command ({@code \set},
 * {@code \i}, the {@code \.} that ends {@code COPY} data), and {@code COPY} from or to
 * the client ({@code FROM STDIN}, {@code TO STDOUT}), whose rows the migrator neither
 * sends nor reads. Refused when the section is split, before anything runs.
 */
final class ClientCommands {

	private ClientCommands() {
	}

	/**
	 * The refusal of a backslash outside strings, comments and quoted names: a psql
	 * meta-command, which the server does not know.
	 * @param text the section's text
	 * @param at where the backslash is
	 */
	static ScriptException metaCommand(String file, int line, String text, int at) {
		int end = at + 1;
		while (end < text.length() && !SqlLexing.isWhitespace(text.charAt(end)) && text.charAt(end) != ';') {
			end++;
		}
		String command = text.substring(at, end);
		String hint = command.equals("\\.")
				? "It ends the rows of a COPY ... FROM STDIN, which a revision cannot send; " + COPY_HINT
				: "Only psql runs meta-commands; the migrator sends each statement to the server. Write it in SQL "
						+ "(the included file's statements for \\i, a literal for a \\set variable), or run it with "
						+ "psql outside the migration.";
		return new ScriptException(ScriptLocation.at(file, line),
				"'%s' is a psql meta-command, not SQL".formatted(command), hint);
	}

	private static final String COPY_HINT = "write the rows as INSERT ... VALUES, use a Java revision with "
			+ "PgJDBC's CopyManager, or COPY ... FROM a file on the database server.";

	/**
	 * Refuses {@code COPY ... FROM STDIN} and {@code COPY ... TO STDOUT}.
	 * @throws ScriptException naming the statement's line
	 */
	static void checkCopy(String file, SqlStatement statement) {
		String sql = statement.sql();
		if (!(sql.regionMatches(true, 0, "copy", 0, 4)
				&& (sql.length() == 4 || !SqlLexing.isIdentifierPart(sql.charAt(4))))) {
			return;
		}
		List<Token> tokens = SqlTokens.read(sql).tokens();
		int depth = 0;
		for (int i = 0; i + 1 < tokens.size(); i++) {
			Token token = tokens.get(i);
			depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			Token next = tokens.get(i + 1);
			if (depth == 0 && (token.is("from") && next.is("stdin") || token.is("to") && next.is("stdout"))) {
				throw token.is("from")
						? new ScriptException(ScriptLocation.at(file, statement.line()),
								"COPY ... FROM STDIN reads its rows from the client, which a revision cannot send",
								"Instead, " + COPY_HINT)
						: new ScriptException(ScriptLocation.at(file, statement.line()),
								"COPY ... TO STDOUT writes its rows to the client, which a revision does not read",
								"Use COPY ... TO a file on the database server, or a Java revision with PgJDBC's "
										+ "CopyManager.");
			}
		}
	}

}
