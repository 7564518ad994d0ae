package io.github.migrations.core.run;

import java.util.List;
import java.util.stream.Collectors;

import io.github.migrations.core.lint.Linter;
import io.github.migrations.core.lint.LockOn;
import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The {@code -- locks: ACCESS EXCLUSIVE on public.invoices} line that the review script
 * prints above a statement, from the same classifier as {@code lint}: a comment only, so
 * what is reviewed is still what runs.
 */
final class LockComment {

	private LockComment() {
	}

	/**
	 * The comment line for a statement as sent, or {@code null} when it takes no lock on
	 * an existing table that lint knows of.
	 * @param schema the schema first on the revisions' {@code search_path}, which
	 * qualifies unqualified tables, or {@code null}
	 */
	static @Nullable String of(String sql, @Nullable String schema) {
		List<LockOn> locks = Linter.locks(new SqlStatement(sql, 1));
		if (locks.isEmpty()) {
			return null;
		}
		return "-- locks: " + locks.stream()
			.map((lock) -> lock.lock().sql() + " on " + qualified(lock.table(), schema))
			.collect(Collectors.joining("; "));
	}

	private static String qualified(String table, @Nullable String schema) {
		boolean plain = table.indexOf('.') < 0 && table.indexOf(' ') < 0;
		return ScriptRenderer.comment((plain && schema != null) ? schema + "." + table : table);
	}

}
