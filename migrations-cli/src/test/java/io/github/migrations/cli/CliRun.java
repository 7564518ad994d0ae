package io.github.migrations.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.github.migrations.test.database.TestDatabase;

/**
 * One run of the command line in-process, as a test sees it: the exit code, standard
 * output and standard error.
 *
 * @param code the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int code, String out, String err) {

	/**
	 * Runs the command line with an environment of its own, in the JVM's working
	 * directory.
	 */
	static CliRun of(Map<String, String> environment, String... args) {
		return in(Path.of(""), environment, args);
	}

	/**
	 * Runs the command line with an environment of its own, as if started in
	 * {@code workingDirectory}.
	 */
	static CliRun in(Path workingDirectory, Map<String, String> environment, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = MigrationsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), environment::get, workingDirectory);
		return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * Runs the command line with an environment of its own and {@code input} on standard
	 * input, without a terminal, as a CI job runs it.
	 */
	static CliRun withInput(String input, Map<String, String> environment, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = MigrationsCli.run(args, null, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				environment::get, Path.of(""));
		return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/**
	 * The arguments after {@code --locations <revisions>}.
	 */
	static String[] withLocations(Path revisions, String... args) {
		return Stream.concat(Stream.of("--locations", revisions.toString()), Stream.of(args)).toArray(String[]::new);
	}

	/**
	 * A revision file that creates one table, with "create" and the table's name as its
	 * message.
	 */
	static String tableRevision(String id, String parent, String table) {
		return tableRevision(id, parent, table, "");
	}

	/**
	 * The same, with more header lines (each ending with a line break) after the message.
	 */
	static String tableRevision(String id, String parent, String table, String moreHeaders) {
		return """
				-- revision: %s
				-- down_revision: %s
				-- message: create %s
				%s
				-- +upgrade
				CREATE TABLE %s (id bigint PRIMARY KEY);

				-- +downgrade
				DROP TABLE %s;
				""".formatted(id, parent, table, moreHeaders, table, table);
	}

	/**
	 * The environment that points the command line at a test database, as
	 * {@code DATABASE_URL}, {@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD}.
	 */
	static Map<String, String> databaseEnvironment(TestDatabase.Database database) {
		return Map.of("DATABASE_URL", database.url(), "DATABASE_USERNAME", database.username(), "DATABASE_PASSWORD",
				database.password());
	}

}
