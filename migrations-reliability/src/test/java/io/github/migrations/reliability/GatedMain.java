package io.github.migrations.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.github.migrations.cli.MigrationsCli;

/**
 * Starts the CLI's {@code main} in a child JVM at a moment the test chooses: creates the file
 * {@code args[0]} once the JVM is up, waits for the file {@code args[1]} to appear, then runs
 * {@code MigrationsCli.main} with the remaining arguments. This lets processes and threads start
 * together although a JVM takes a second to boot.
 */
final class GatedMain {

	private GatedMain() {
	}

	public static void main(String[] args) throws Exception {
		Path ready = Path.of(args[0]);
		Path gate = Path.of(args[1]);
		// load the CLI's classes before waiting, as a booted application would have them
		Class.forName(MigrationsCli.class.getName());
		Files.createFile(ready);
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!Files.exists(gate)) {
			if (System.nanoTime() > deadline) {
				System.err.println("gate " + gate + " never opened");
				System.exit(3);
			}
			Thread.sleep(2);
		}
		MigrationsCli.main(Arrays.copyOfRange(args, 2, args.length));
	}

}
