package io.github.migrations.autoconfigure.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.migrations.autoconfigure.MigrationStatuses;
import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts what the auto-configured {@link Migrator} runs, as a listener, and shows it as
 * meters: {@code migrations.revisions} (steps, tagged by direction),
 * {@code migrations.runs} (a timer of whole runs) and {@code migrations.pending}
 * (revisions pending up to the target, one gauge per {@code Migrator} bean tagged with
 * its name, read through the {@link MigrationStatuses} cache). Counting starts before any
 * registry exists, so the startup migration is not lost.
 */
final class MigrationsMetrics implements MigrationListener, MeterBinder {

	private final AtomicLong upgraded = new AtomicLong();

	private final AtomicLong downgraded = new AtomicLong();

	private final AtomicLong runs = new AtomicLong();

	private final AtomicLong runNanos = new AtomicLong();

	private final MigrationStatuses statuses;

	private final String target;

	MigrationsMetrics(MigrationStatuses statuses, String target) {
		this.statuses = statuses;
		this.target = target;
	}

	@Override
	public void afterStep(MigrationStep step, Duration duration) {
		(step.direction() == Direction.UPGRADE ? this.upgraded : this.downgraded).incrementAndGet();
	}

	@Override
	public void afterRun(MigrationResult result) {
		this.runs.incrementAndGet();
		this.runNanos.addAndGet(result.duration().toNanos());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("migrations.revisions", this.upgraded, AtomicLong::get)
			.description("Revisions applied (direction=upgrade) or removed (direction=downgrade) by this instance")
			.tag("direction", "upgrade")
			.register(registry);
		FunctionCounter.builder("migrations.revisions", this.downgraded, AtomicLong::get)
			.description("Revisions applied (direction=upgrade) or removed (direction=downgrade) by this instance")
			.tag("direction", "downgrade")
			.register(registry);
		FunctionTimer
			.builder("migrations.runs", this, (metrics) -> metrics.runs.get(), (metrics) -> metrics.runNanos.get(),
					TimeUnit.NANOSECONDS)
			.description("Upgrade and downgrade runs of this instance, including those that found nothing to do")
			.register(registry);
		for (String name : this.statuses.migratorNames()) {
			Gauge.builder("migrations.pending", () -> pending(name))
				.description("Revisions not applied yet up to the target")
				.tag("name", name)
				.tag("target", this.target)
				.register(registry);
		}
	}

	private double pending(String migratorName) {
		MigrationStatus status = this.statuses.read(migratorName).status();
		return (status != null) ? status.pending().size() : Double.NaN;
	}

}
