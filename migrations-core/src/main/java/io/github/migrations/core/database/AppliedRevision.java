package io.github.migrations.core.database;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One row of the applied set.
 *
 * @param revision the revision id
 * @param downRevisions its parents when it was applied, so that a revision whose script
 * is gone can still be placed
 * @param checksum the checksum recorded when it was applied, or {@code null}
 * @param state applied, or interrupted while running outside a transaction
 * @param appliedBy the database user that applied it
 * @param appliedAt when it was applied
 * @param executionMs how long it took
 */
public record AppliedRevision(String revision, List<String> downRevisions, @Nullable String checksum,
		AppliedState state, String appliedBy, OffsetDateTime appliedAt, long executionMs) {

	public AppliedRevision {
		downRevisions = List.copyOf(downRevisions);
	}

}
