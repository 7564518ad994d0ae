package io.github.migrations.benchmarks.runners;

import java.time.Duration;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.script.ScriptSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Our engine through its API, {@code upgrade head} with default settings (one transaction
 * per revision), or with {@code --all} in one transaction for the whole run. With
 * {@code --breakdown} it also prints where the time went: reading and parsing the files,
 * the work before the first revision, the revisions themselves, and the rest.
 */
public final class OursRunner {

	private OursRunner() {
	}

	public static void main(String[] args) {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
		RunnerArgs arguments = RunnerArgs.parse(args,
				"OursRunner <jdbc-url> <user> <revisions-folder> [--all] [--breakdown]");
		long start = System.nanoTime();
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(arguments.url());
		dataSource.setUser(arguments.user());
		dataSource.setPassword(arguments.password());
		MigratorSettings settings = MigratorSettings.defaults().withLocations("filesystem:" + arguments.location());
		if (arguments.has("--all")) {
			settings = settings.withTransactionMode(TransactionMode.ALL);
		}
		Timings timings = new Timings();
		MigrationResult result = Migrator.builder(dataSource)
			.settings(settings)
			.listener(timings)
			.build()
			.upgrade(Target.head());
		long end = System.nanoTime();
		RunnerArgs.report(start);
		if (arguments.has("--breakdown")) {
			long parseStart = System.nanoTime();
			int files = ScriptSource.of(settings.locations()).load().size();
			long parseWarm = System.nanoTime() - parseStart;
			long stepsWall = (timings.firstStep == 0) ? 0 : timings.lastStepEnd - timings.firstStep;
			long before = ((timings.firstStep == 0) ? end : timings.firstStep) - start;
			long after = (timings.firstStep == 0) ? 0 : end - timings.lastStepEnd;
			System.out.printf(
					"BENCH breakdown files=%d applied=%d before_first_step_ns=%d steps_ns=%d step_sum_ns=%d "
							+ "after_last_step_ns=%d reparse_warm_ns=%d%n",
					files, result.steps().size(), before, stepsWall, timings.stepSum, after, parseWarm);
		}
	}

	/**
	 * Times the steps from the listener's calls.
	 */
	static final class Timings implements MigrationListener {

		long firstStep;

		long lastStepEnd;

		long stepSum;

		@Override
		public void beforeStep(MigrationStep step) {
			if (this.firstStep == 0) {
				this.firstStep = System.nanoTime();
			}
		}

		@Override
		public void afterStep(MigrationStep step, Duration duration) {
			this.lastStepEnd = System.nanoTime();
			this.stepSum += duration.toNanos();
		}

	}

}
