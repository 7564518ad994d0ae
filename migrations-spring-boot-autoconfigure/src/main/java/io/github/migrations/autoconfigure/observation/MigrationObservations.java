package io.github.migrations.autoconfigure.observation;

import java.time.Duration;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer observations of what the auto-configured {@link Migrator} runs, as a
 * listener: one {@code migrations.run} per upgrade or downgrade run (in scope while it
 * runs, so that other observations nest under it) and one {@code migrations.revision} per
 * revision applied or removed, a child of its run. Both carry the low-cardinality keys
 * {@code migrations.direction} ({@code upgrade}, {@code downgrade}) and
 * {@code migrations.outcome} ({@code success}, {@code failure}); a revision also carries
 * its id as the high-cardinality key {@code migrations.revision}, and a failure is the
 * observation's error.
 */
final class MigrationObservations implements MigrationListener {

	static final String RUN = "migrations.run";

	static final String REVISION = "migrations.revision";

	private final ObservationRegistry registry;

	private final ThreadLocal<@Nullable Run> runs = new ThreadLocal<>();

	MigrationObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void beforeRun(Direction direction) {
		Observation observation = Observation.createNotStarted(RUN, this.registry)
			.contextualName("migrations " + direction.label())
			.lowCardinalityKeyValue("migrations.direction", direction.label())
			.start();
		this.runs.set(new Run(observation, observation.openScope()));
	}

	@Override
	public void beforeStep(MigrationStep step) {
		Run run = this.runs.get();
		if (run == null) {
			// a step outside a run: nothing would ever stop its observation
			return;
		}
		String direction = step.direction().label();
		String id = step.revision().id().value();
		run.revision = Observation.createNotStarted(REVISION, this.registry)
			.contextualName(direction + " " + id)
			.parentObservation(run.observation)
			.lowCardinalityKeyValue("migrations.direction", direction)
			.highCardinalityKeyValue("migrations.revision", id)
			.start();
	}

	@Override
	public void afterStep(MigrationStep step, Duration duration) {
		Run run = this.runs.get();
		if (run != null && run.revision != null) {
			succeed(run.revision);
			run.revision = null;
		}
	}

	@Override
	public void afterRun(MigrationResult result) {
		Run run = this.runs.get();
		if (run != null) {
			this.runs.remove();
			run.scope.close();
			run.observation.highCardinalityKeyValue("migrations.revisions", String.valueOf(result.steps().size()));
			succeed(run.observation);
		}
	}

	@Override
	public void afterFailure(Direction direction, RuntimeException failure) {
		Run run = this.runs.get();
		if (run != null) {
			this.runs.remove();
			if (run.revision != null) {
				fail(run.revision, failure);
			}
			run.scope.close();
			fail(run.observation, failure);
		}
	}

	private static void succeed(Observation observation) {
		observation.lowCardinalityKeyValue("migrations.outcome", "success").stop();
	}

	private static void fail(Observation observation, RuntimeException failure) {
		observation.lowCardinalityKeyValue("migrations.outcome", "failure").error(failure).stop();
	}

	/**
	 * A run in progress on this thread, and its revision in progress.
	 */
	private static final class Run {

		private final Observation observation;

		private final Observation.Scope scope;

		private @Nullable Observation revision;

		Run(Observation observation, Observation.Scope scope) {
			this.observation = observation;
			this.scope = scope;
		}

	}

}
