package io.github.migrations.benchmarks.workload;

import java.util.List;

/**
 * A chain of changes that every tool applies from an empty database.
 *
 * @param name short name for file names and the report ({@code w1-1000}, {@code w2})
 * @param title what it is, for the report
 * @param changes the chain, in order
 * @param checkSql a query whose single value shows that the work was done, run after each
 * apply
 * @param expected what {@code checkSql} returns once the whole chain is applied
 */
public record Workload(String name, String title, List<Change> changes, String checkSql, String expected) {

	public Workload {
		changes = List.copyOf(changes);
	}

	public int size() {
		return this.changes.size();
	}

}
