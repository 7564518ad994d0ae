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
 * takes a JVM that has just started a while to load and initialise: the logging of the
 * engine (first, see {@link #awaitLogging()}), the PostgreSQL driver (the classes its
 * connections use, listed in {@value #DRIVER_CLASSES}), the parsing of revision files and
 * the revision graph. It runs while the main thread parses the command line (itself a
 * matter of loading and initialising classes), so on two cores the two overlap instead of
 * adding up, as Spring Boot's own background pre-initializer does. Nothing it does has an
 * effect other than classes being ready sooner; a failure is left for the command to meet
 * and report.
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
	 * How long a command waits at most for SLF4J to start on the preinitializer's thread,
	 * which is the first thing that thread does; only a thread that never gets to run
	 * makes the wait this long.
	 */
	static final Duration LOGGING_TIMEOUT = Duration.ofSeconds(10);

	private static final LoggingStart LOGGING = new LoggingStart();

	private BackgroundPreinitializer() {
	}

	static void start() {
		LOGGING.expect();
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
			LOGGING.started();
		}
	}

	/**
	 * Waits, when the preinitializer was started, until SLF4J has started on its thread
	 * (at most {@link #LOGGING_TIMEOUT}). SLF4J 2 starts once, on the first thread that
	 * asks for a logger; another thread that asks while it starts gets a stand-in factory
	 * that queues its events and replays them later with a warning on stderr
	 * ({@code SLF4J(W): A number (N) of logging calls during the initialization phase
	 * have been intercepted...}). So a command waits here before it runs the engine,
	 * which logs. Without a started preinitializer (tests and embedders calling
	 * {@link MigrationsCli#run}) nobody else starts SLF4J and there is nothing to wait
	 * for: the latch would never open, so it is not waited on.
	 */
	static void awaitLogging() {
		LOGGING.await(LOGGING_TIMEOUT);
	}

	/**
	 * Loads and initialises the classes, returning the revision it parsed. SLF4J comes
	 * first: it is what the main thread may need soonest (see {@link #awaitLogging()}).
	 */
	static SqlScript preinitialize() {
		LoggerFactory.getLogger(Migrator.class);
		LOGGING.started();
		new PGSimpleDataSource();
		for (String name : driverClasses()) {
			try {
				Class.forName(name, true, BackgroundPreinitializer.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// another version of the driver: the connection loads what it needs
			}
		}
		SqlScript script = ScriptParser.parse("preinitialize.sql", REVISION.getBytes(StandardCharsets.UTF_8));
		RevisionGraph.of(List.of(script.revision())).headsOf(List.of(script.revision().id()));
		return script;
	}

	/**
	 * Whether SLF4J is expected to start on the preinitializer's thread, and whether it
	 * has (or the thread gave up).
	 */
	static final class LoggingStart {

		private final CountDownLatch started = new CountDownLatch(1);

		private volatile boolean expected;

		/**
		 * Says that a preinitializer thread is about to start SLF4J.
		 */
		void expect() {
			this.expected = true;
		}

		void started() {
			this.started.countDown();
		}

		/**
		 * Waits up to {@code timeout} for SLF4J to have started, when it is expected to
		 * start on another thread; returns at once otherwise.
		 * @return whether it waited
		 */
		boolean await(Duration timeout) {
			if (!this.expected) {
				return false;
			}
			try {
				this.started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return true;
		}

	}

}
