package io.github.migrations.core.database;

import io.github.migrations.core.script.Script;

/**
 * A revision whose statements ran in a run's single transaction and that is recorded with
 * the others just before the commit.
 *
 * @param script the revision
 * @param executionMs how long its statements took
 * @param finishedMicros when it finished, in microseconds after the transaction started:
 * its applied time, which also keeps the revisions in the order they ran
 */
public record CompletedRevision(Script script, long executionMs, long finishedMicros) {

}
