package io.github.migrations.reliability;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.github.migrations.cli.MigrationsCli;
import io.github.migrations.test.database.TestDatabase;

/**
 * Runs the CLI's entry point in this JVM with an environment of its own, capturing
 * standard output, standard error and what the engine logs (SLF4J's simple logger writes
 * to {@code System.err}, which is swapped while the command runs; runs are therefore one
 * at a time).
 */
final class InProcessCli {

	private final Map<String, String> environment;

	InProcessCli(Map<String, String> environment) {
		this.environment = Map.copyOf(environment);
	}

	/**
	 * A CLI that reaches the database through {@code DATABASE_URL},
	 * {@code DATABASE_USERNAME} and {@code DATABASE_PASSWORD}, as a deploy pipeline sets
	 * them.
	 */
	static InProcessCli connectedTo(TestDatabase.Database database) {
		return new InProcessCli(environment(database));
	}

	static Map<String, String> environment(TestDatabase.Database database) {
		Map<String, String> environment = new HashMap<>();
		environment.put("DATABASE_URL", database.url());
		environment.put("DATABASE_USERNAME", database.username());
		environment.put("DATABASE_PASSWORD", database.password());
		return environment;
	}

	CliResult run(String... args) {
		synchronized (InProcessCli.class) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			ByteArrayOutputStream log = new ByteArrayOutputStream();
			PrintStream systemErr = System.err;
			System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
			int code;
			try {
				code = MigrationsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
						new PrintStream(err, true, StandardCharsets.UTF_8), this.environment::get);
			}
			finally {
				System.setErr(systemErr);
			}
			return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
					log.toString(StandardCharsets.UTF_8));
		}
	}

}
