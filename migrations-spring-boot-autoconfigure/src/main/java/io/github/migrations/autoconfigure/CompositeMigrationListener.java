package io.github.migrations.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;

/**
 * Passes each callback to the application's {@link MigrationListener} beans, in order.
 */
final class CompositeMigrationListener implements MigrationListener {

	private final List<MigrationListener> listeners;

	CompositeMigrationListener(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
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
	public void afterRun(MigrationResult result) {
		this.listeners.forEach((listener) -> listener.afterRun(result));
	}

}
