package io.github.migrations.core.run;

import java.time.Duration;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;

/**
 * Passes each callback to several listeners, in order.
 */
final class CompositeMigrationListener implements MigrationListener {

	private final List<MigrationListener> listeners;

	CompositeMigrationListener(List<MigrationListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public void beforeRun(Direction direction) {
		this.listeners.forEach((listener) -> listener.beforeRun(direction));
	}

	@Override
	public void waitingForLock(String message) {
		this.listeners.forEach((listener) -> listener.waitingForLock(message));
	}

	@Override
	public void beforeStep(MigrationStep step) {
		this.listeners.forEach((listener) -> listener.beforeStep(step));
	}

	@Override
	public void afterStep(MigrationStep step, Duration duration) {
		this.listeners.forEach((listener) -> listener.afterStep(step, duration));
	}

	@Override
	public void recordedWithoutRunning(List<RevisionId> revisions, String reason) {
		this.listeners.forEach((listener) -> listener.recordedWithoutRunning(revisions, reason));
	}

	@Override
	public void afterRun(MigrationResult result) {
		this.listeners.forEach((listener) -> listener.afterRun(result));
	}

	@Override
	public void afterFailure(Direction direction, RuntimeException failure) {
		this.listeners.forEach((listener) -> listener.afterFailure(direction, failure));
	}

}
