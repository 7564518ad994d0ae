package io.github.migrations.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.script.ScriptParser;
import io.github.migrations.core.script.SqlScript;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * Starts, on a daemon thread, what every command that reads the database needs and what
 * takes a JVM that has just started a while to load and initialise: the PostgreSQL driver
 * (the classes its connections use, listed in {@value #DRIVER_CLASSES}) and the logging
 * of the engine, the parsing of revision files and the revision graph. It runs while the
 * main thread parses the command line (itself a matter of loading and initialising
 * classes), so on two cores the two overlap instead of adding up, as Spring Boot's own
 * background pre-initializer does. Nothing it does has an effect other than classes being
 * ready sooner; a failure is left for the command to meet and report.
 */
final class BackgroundPreinitializer {

	/**
	 * A revision parsed to load and initialise the parser, its checksums and the graph.
	 */
	private static final String REVISION = """
			-- revision: preinitialize
			-- down_revision: base
			-- message: never applied

			-- +upgrade
			SELECT 1;

			-- +downgrade
			SELECT 1;
			""";

	static final String DRIVER_CLASSES = "/META-INF/migrations/driver-classes.txt";

	/**
	 * Opened once SLF4J has started on the preinitializer's thread (or the preinitializer
	 * gave up): until then other threads get a logger factory that only queues events.
	 */
	private static final CountDownLatch LOGGING = new CountDownLatch(1);

	private BackgroundPreinitializer() {
	}

	static void start() {
		Thread thread = new Thread(BackgroundPreinitializer::preinitializeQuietly, "migrations-preinitializer");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * The driver classes that connecting and the first queries load, as listed in
	 * {@value #DRIVER_CLASSES}.
	 */
	static List<String> driverClasses() {
		try (InputStream in = BackgroundPreinitializer.class.getResourceAsStream(DRIVER_CLASSES)) {
			if (in == null) {
				return List.of();
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static void preinitializeQuietly() {
		try {
			preinitialize();
		}
		catch (Throwable ex) {
			// the command itself meets the same problem and reports it
		}
		finally {
			LOGGING.countDown();
		}
	}

	/**
	 * Waits up to {@code timeout} for SLF4J to have started on the preinitializer's
	 * thread.
	 */
	static void awaitLogging(Duration timeout) {
		try {
			LOGGING.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Loads and initialises the classes, returning the revision it parsed.
	 */
	static SqlScript preinitialize() {
		new PGSimpleDataSource();
		for (String name : driverClasses()) {
			try {
				Class.forName(name, true, BackgroundPreinitializer.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// another version of the driver: the connection loads what it needs
			}
		}
		LoggerFactory.getLogger(Migrator.class);
		LOGGING.countDown();
		SqlScript script = ScriptParser.parse("preinitialize.sql", REVISION.getBytes(StandardCharsets.UTF_8));
		RevisionGraph.of(List.of(script.revision())).headsOf(List.of(script.revision().id()));
		return script;
	}

}
