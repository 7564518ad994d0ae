package io.github.migrations.core.lint;

import org.jspecify.annotations.Nullable;

/**
 * A lock a statement takes on a table.
 *
 * @param lock the mode
 * @param table the table as the statement names it ({@code public.invoices}, each name as
 * the catalog holds it: unquoted, an unquoted one lower-cased); for a {@code DROP INDEX},
 * the index's table where lint knows it, else {@code the table of index <name>}; for a
 * {@code REINDEX INDEX}, {@code index <name>}
 * @param index for a statement that names only an index whose table lint does not know,
 * that index, by which the table can be found in the catalog; else {@code null}
 */
public record LockOn(Lock lock, String table, @Nullable String index) {

	/**
	 * A lock on a table the statement names.
	 */
	public LockOn(Lock lock, String table) {
		this(lock, table, null);
	}

	@Override
	public String toString() {
		return this.lock.sql() + " on " + this.table;
	}

}
