package io.github.migrations.core.run;

import java.time.Duration;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;

/**
 * Callbacks around each run and each step of a run, for progress output, logging, metrics
 * and tracing. All callbacks of a run come on the thread that called the run.
 */
public interface MigrationListener {

	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * Called once when an upgrade or downgrade run starts, before anything is read.
	 */
	default void beforeRun(Direction direction) {
	}

	/**
	 * Called when a run that has something to do, a stamp, a repair or an adoption of
	 * Alembic's version table finds the migration lock held by another instance, before
	 * it waits for it (up to {@code lock-wait-timeout}), on the calling thread.
	 * @param message how long the run waits and who holds the lock, as a sentence:
	 * "Waiting up to 1m for the migration lock of "public"."migrations_revisions", held
	 * by PostgreSQL backend 4242 (...), connected for 3 s, active, running: ..."
	 */
	default void waitingForLock(String message) {
	}

	default void beforeStep(MigrationStep step) {
	}

	default void afterStep(MigrationStep step, Duration duration) {
	}

	/**
	 * Called when an upgrade, before its steps, records revisions as applied without
	 * running them: it adopts Alembic's version table ({@code adopt-alembic-version}) or
	 * stamps the baseline of a database that has tables but no version store.
	 * @param revisions the revisions recorded, parents first
	 * @param reason what recorded them, a phrase such as {@code adopted from Alembic's
	 * public.alembic_version}
	 */
	default void recordedWithoutRunning(List<RevisionId> revisions, String reason) {
	}

	/**
	 * Called once after an upgrade or downgrade run that succeeded, including one that
	 * found nothing to do.
	 */
	default void afterRun(MigrationResult result) {
	}

	/**
	 * Called once instead of {@link #afterRun} when a run fails; a step that heard
	 * {@link #beforeStep} but not {@link #afterStep} is the one that failed.
	 */
	default void afterFailure(Direction direction, RuntimeException failure) {
	}

	/**
	 * One listener that passes each callback to the given ones, in order.
	 */
	static MigrationListener composite(List<MigrationListener> listeners) {
		List<MigrationListener> all = List.copyOf(listeners);
		return (all.size() == 1) ? all.get(0) : new CompositeMigrationListener(all);
	}

}
