package io.github.migrations.core.database;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One row of the append-only log: a step that was taken, or attempted.
 *
 * @param id increasing number
 * @param revision the revision id
 * @param action {@code upgrade}, {@code downgrade}, {@code stamp} (recorded as applied
 * without running), {@code unstamp} (removed without running) or {@code repair}
 * @param checksum the script's checksum at the time
 * @param message the revision's message
 * @param success whether the step succeeded
 * @param performedBy the database user
 * @param performedAt when
 * @param executionMs how long it took
 * @param error the failure, for a step that did not succeed
 */
public record LogEntry(long id, String revision, String action, @Nullable String checksum, @Nullable String message,
		boolean success, String performedBy, OffsetDateTime performedAt, long executionMs, @Nullable String error) {

}
