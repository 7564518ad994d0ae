package io.github.migrations.core;

import java.util.List;

import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;

/**
 * Where the database stands against the scripts, read without changing anything.
 *
 * @param current the applied revisions no applied revision builds on (unknown ones
 * included)
 * @param heads the heads of the scripts' graph
 * @param pending the steps an upgrade to the target would run, in order
 * @param unknown applied revisions that no script declares
 */
public record MigrationStatus(List<String> current, List<RevisionId> heads, List<MigrationStep> pending,
		List<String> unknown) {

	public MigrationStatus {
		current = List.copyOf(current);
		heads = List.copyOf(heads);
		pending = List.copyOf(pending);
		unknown = List.copyOf(unknown);
	}

	/**
	 * Nothing pending and nothing unknown.
	 */
	public boolean isUpToDate() {
		return this.pending.isEmpty() && this.unknown.isEmpty();
	}

}
