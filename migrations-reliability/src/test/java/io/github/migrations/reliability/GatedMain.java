package io.github.migrations.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.github.migrations.cli.MigrationsCli;

/**
 * Starts the CLI's {@code main} in a child JVM at a moment the test chooses: creates the
 * file {@code args[0]} once the JVM is up, waits for the file {@code args[1]} to appear,
 * then runs {@code MigrationsCli.main} with the remaining arguments. This lets processes
 * and threads start together although a JVM takes a second to boot.
 */
final class GatedMain {

	private GatedMain() {
	}

	public static void main(String[] args) throws Exception {
		Path ready = Path.of(args[0]);
		Path gate = Path.of(args[1]);
		String[] cli = Arrays.copyOfRange(args, 2, args.length);
		warmUp(cli);
		awaitGate(gate, ready);
		MigrationsCli.main(cli);
	}

	/**
	 * Says it is ready, then waits for the gate file to be created: the file system tells
	 * (inotify on Linux), so every process wakes as soon as the test opens the gate.
	 */
	private static void awaitGate(Path gate, Path ready) throws IOException, InterruptedException {
		try (WatchService watcher = gate.getFileSystem().newWatchService()) {
			gate.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
			Files.createFile(ready);
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
			while (!Files.exists(gate)) {
				WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (key == null) {
					System.err.println("gate " + gate + " never opened");
					System.exit(3);
				}
				key.pollEvents();
				key.reset();
			}
		}
	}

	/**
	 * Loads what a run needs before waiting, as a booted application would have it
	 * loaded: the CLI and the parser (through {@code heads}, which reads only the
	 * revision files) and the PostgreSQL driver. Touches no database.
	 */
	private static void warmUp(String[] cli) throws ClassNotFoundException {
		int locations = Arrays.asList(cli).indexOf("--locations");
		if (locations >= 0) {
			PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
			MigrationsCli.run(new String[] { "--locations", cli[locations + 1], "heads" }, discard, discard,
					(name) -> null);
		}
		Class.forName("org.postgresql.Driver");
		Class.forName("org.postgresql.core.v3.ConnectionFactoryImpl");
		Class.forName("org.postgresql.jdbc.PgConnection");
	}

}
