package io.github.migrations.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.script.ScriptParser;
import io.github.migrations.core.script.SqlScript;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * Starts, on a daemon thread, what every command that reads the database needs and what
 * takes a JVM that has just started a while to load and initialise: the PostgreSQL driver
 * and the logging of the engine, the parsing of revision files and the revision graph. It
 * runs while the main thread parses the command line (itself a matter of loading and
 * initialising classes), so on two cores the two overlap instead of adding up, as Spring
 * Boot's own background pre-initializer does. Nothing it does has an effect other than
 * classes being ready sooner; a failure is left for the command to meet and report.
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

	private BackgroundPreinitializer() {
	}

	static void start() {
		Thread thread = new Thread(BackgroundPreinitializer::preinitializeQuietly, "migrations-preinitializer");
		thread.setDaemon(true);
		thread.start();
	}

	private static void preinitializeQuietly() {
		try {
			preinitialize();
		}
		catch (Throwable ex) {
			// the command itself meets the same problem and reports it
		}
	}

	/**
	 * Loads and initialises the classes, returning the revision it parsed.
	 */
	static SqlScript preinitialize() {
		new PGSimpleDataSource();
		LoggerFactory.getLogger(Migrator.class);
		SqlScript script = ScriptParser.parse("preinitialize.sql", REVISION.getBytes(StandardCharsets.UTF_8));
		RevisionGraph.of(List.of(script.revision())).headsOf(List.of(script.revision().id()));
		return script;
	}

}
