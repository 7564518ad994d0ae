package io.github.migrations.core.lint;

/**
 * A lock a statement takes on a table.
 *
 * @param lock the mode
 * @param table the table as the statement names it ({@code public.invoices}); for a
 * {@code DROP INDEX}, the index's table where lint knows it, else
 * {@code the table of index <name>}
 */
public record LockOn(Lock lock, String table) {

	@Override
	public String toString() {
		return this.lock.sql() + " on " + this.table;
	}

}
