package io.github.migrations.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.test.database.TestDatabase;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations of the migrations as Boot's {@code ObservationRegistry} hands them to the
 * application's handlers (a tracer's, in a real application).
 */
class MigrationObservationsTests {

	private final Recorder recorder = new Recorder();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				ObservationAutoConfiguration.class, MigrationsObservationAutoConfiguration.class))
		.withBean(Recorder.class, () -> this.recorder)
		.withPropertyValues(TestDatabase.shared().freshDatabaseProperties());

	@Test
	void theStartupRunIsOneObservationWithAChildPerRevision() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			List<Observation.Context> revisions = this.recorder.stopped(MigrationObservations.REVISION);
			assertThat(revisions).extracting((revision) -> value(revision, "migrations.revision"))
				.containsExactly("001", "002", "003", "004");
			assertThat(revisions).allSatisfy((revision) -> {
				assertThat(value(revision, "migrations.direction")).isEqualTo("upgrade");
				assertThat(value(revision, "migrations.outcome")).isEqualTo("success");
				assertThat(revision.getParentObservation()).isNotNull();
				assertThat(revision.getParentObservation().getContextView().getName())
					.isEqualTo(MigrationObservations.RUN);
			});
			Observation.Context run = this.recorder.stopped(MigrationObservations.RUN).get(0);
			assertThat(run.getContextualName()).isEqualTo("migrations upgrade");
			assertThat(value(run, "migrations.direction")).isEqualTo("upgrade");
			assertThat(value(run, "migrations.outcome")).isEqualTo("success");
			assertThat(value(run, "migrations.revisions")).isEqualTo("4");
			assertThat(this.recorder.stopped(MigrationObservations.RUN)).hasSize(1);
		});
	}

	@Test
	void laterRunsAreObservedTooEvenWithNothingToDo() {
		this.contextRunner.run((context) -> {
			Migrator migrator = context.getBean(Migrator.class);
			migrator.upgrade(Target.head());
			migrator.downgrade(Target.parse("-1"));
			List<Observation.Context> runs = this.recorder.stopped(MigrationObservations.RUN);
			assertThat(runs).extracting((run) -> value(run, "migrations.direction"))
				.containsExactly("upgrade", "upgrade", "downgrade");
			assertThat(runs).extracting((run) -> value(run, "migrations.revisions")).containsExactly("4", "0", "1");
			Observation.Context last = this.recorder.stopped(MigrationObservations.REVISION).get(4);
			assertThat(last.getContextualName()).isEqualTo("downgrade 004");
		});
	}

	@Test
	void aFailingRevisionEndsItsObservationAndTheRunsWithTheError() {
		this.contextRunner.withPropertyValues("app.migrations.locations=classpath:revisions/failing").run((context) -> {
			assertThat(context).hasFailed();
			List<Observation.Context> revisions = this.recorder.stopped(MigrationObservations.REVISION);
			assertThat(revisions).extracting((revision) -> value(revision, "migrations.outcome"))
				.containsExactly("success", "failure");
			assertThat(revisions.get(1).getError()).isInstanceOf(MigrationFailedException.class);
			Observation.Context run = this.recorder.stopped(MigrationObservations.RUN).get(0);
			assertThat(value(run, "migrations.outcome")).isEqualTo("failure");
			assertThat(run.getError()).isInstanceOf(MigrationFailedException.class);
		});
	}

	@Test
	void backsOffWithoutMicrometerObservation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.observation"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationObservations.class));
	}

	private static String value(Observation.Context context, String key) {
		KeyValue value = context.getLowCardinalityKeyValue(key);
		if (value == null) {
			value = context.getHighCardinalityKeyValue(key);
		}
		return (value != null) ? value.getValue() : null;
	}

	/**
	 * Records every observation that stops, as a tracing handler would see it.
	 */
	static final class Recorder implements ObservationHandler<Observation.Context> {

		private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStop(Observation.Context context) {
			this.stopped.add(context);
		}

		List<Observation.Context> stopped(String name) {
			return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
		}

	}

}
