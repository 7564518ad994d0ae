package io.github.migrations.schema;

import java.util.List;
import java.util.Set;

/**
 * How a unit present on both sides changes in place.
 *
 * @param changes the statements
 * @param around keys whose dependents (views, triggers, policies, defaults...) must be
 * dropped before these statements and created again after them, because PostgreSQL
 * refuses the change while they exist (a column's type used by a view)
 * @param unsupported differences these statements do not cover
 */
record Alteration(List<Change> changes, Set<String> around, List<String> unsupported) {

	static Alteration of(List<Change> changes) {
		return new Alteration(changes, Set.of(), List.of());
	}

}
