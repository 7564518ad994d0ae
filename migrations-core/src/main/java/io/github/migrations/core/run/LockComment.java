package io.github.migrations.core.run;

import java.util.List;
import java.util.stream.Collectors;

import io.github.migrations.core.lint.LockOn;
import io.github.migrations.core.lint.RevisionLocks;
import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * The {@code -- locks: ACCESS EXCLUSIVE on public.invoices} line that the review script
 * prints above a statement, from the same classifier as {@code lint}: a comment only, so
 * what is reviewed is still what runs. One per revision, fed its statements in order, so
 * that a table the revision created is shown as new.
 */
final class LockComment {

	private final RevisionLocks locks = new RevisionLocks();

	private final @Nullable String schema;

	/**
	 * @param schema the schema first on the revisions' {@code search_path}, which
	 * qualifies unqualified tables, or {@code null}
	 */
	LockComment(@Nullable String schema) {
		this.schema = schema;
	}

	/**
	 * The comment line for the next statement as sent, or {@code null} when it takes no
	 * lock on a table that lint knows of.
	 */
	@Nullable String next(String sql) {
		List<LockOn> locks = this.locks.next(new SqlStatement(sql, 1));
		if (locks.isEmpty()) {
			return null;
		}
		return "-- locks: " + locks.stream().map(this::describe).collect(Collectors.joining("; "));
	}

	private String describe(LockOn lock) {
		String table = lock.table();
		boolean plain = table.indexOf('.') < 0 && table.indexOf(' ') < 0;
		String name = (plain && this.schema != null) ? this.schema + "." + table : table;
		return ScriptRenderer.comment(
				lock.lock().sql() + " on " + name + (this.locks.isNew(table) ? " (created in this revision)" : ""));
	}

}
