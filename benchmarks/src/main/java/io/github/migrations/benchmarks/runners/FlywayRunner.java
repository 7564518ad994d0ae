package io.github.migrations.benchmarks.runners;

import org.flywaydb.core.Flyway;

/**
 * {@code flyway migrate} with Flyway's default settings: the location and the data source
 * are the only things configured.
 */
public final class FlywayRunner {

	private FlywayRunner() {
	}

	public static void main(String[] args) {
		RunnerArgs arguments = RunnerArgs.parse(args, "FlywayRunner <jdbc-url> <user> <migrations-folder>");
		long start = System.nanoTime();
		Flyway.configure()
			.dataSource(arguments.url(), arguments.user(), arguments.password())
			.locations("filesystem:" + arguments.location())
			.load()
			.migrate();
		RunnerArgs.report(start);
	}

}
