package io.github.migrations.core.run;

import java.util.List;
import java.util.regex.Pattern;

import io.github.migrations.core.script.SqlStatement;

/**
 * Sends a transactional revision in one round trip: its statements and its version-store
 * record in one multi-statement execution, which PostgreSQL runs as one implicit
 * transaction and commits at its end (or rolls back entirely on an error). The driver
 * splits the text again, so statements its parser might cut differently from ours
 * ({@code BEGIN ATOMIC} bodies, {@code CREATE RULE} actions) keep one round trip per
 * statement instead.
 */
final class Pipeline {

	private Pipeline() {
	}

	private static final Pattern BEGIN_ATOMIC = Pattern.compile("\\bBEGIN\\s+ATOMIC\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern CREATE_RULE = Pattern.compile("CREATE\\s+(OR\\s+REPLACE\\s+)?RULE\\b",
			Pattern.CASE_INSENSITIVE);

	static boolean suits(List<SqlStatement> statements) {
		for (SqlStatement statement : statements) {
			String sql = statement.sql();
			if (CREATE_RULE.matcher(sql).lookingAt() || (mentionsAtomic(sql) && BEGIN_ATOMIC.matcher(sql).find())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the word {@code atomic} appears in any case: a cheap test that spares
	 * almost every statement the search for {@code BEGIN ATOMIC}.
	 */
	private static boolean mentionsAtomic(String sql) {
		for (int i = 0; i <= sql.length() - 6; i++) {
			char c = sql.charAt(i);
			if ((c == 'a' || c == 'A') && sql.regionMatches(true, i, "atomic", 0, 6)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The timeouts, the statements, then the record, as one text.
	 */
	static String text(List<String> timeouts, List<String> statements, String record) {
		StringBuilder text = new StringBuilder();
		for (String statement : timeouts) {
			text.append(statement).append(";\n");
		}
		for (String statement : statements) {
			text.append(statement).append(";\n");
		}
		return text.append(record).toString();
	}

}
