package io.github.migrations.core.run;

import java.time.Duration;

import io.github.migrations.core.plan.MigrationStep;

/**
 * Callbacks around each step of a run, for progress output and logging.
 */
public interface MigrationListener {

	MigrationListener NONE = new MigrationListener() {
	};

	default void beforeStep(MigrationStep step) {
	}

	default void afterStep(MigrationStep step, Duration duration) {
	}

	/**
	 * Called once after an upgrade or downgrade run that succeeded, including one that
	 * found nothing to do.
	 */
	default void afterRun(MigrationResult result) {
	}

}
