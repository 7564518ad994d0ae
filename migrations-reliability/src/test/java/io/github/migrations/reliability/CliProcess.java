package io.github.migrations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.migrations.cli.MigrationsCli;

/**
 * The CLI in a JVM of its own ({@code java -cp <this class path> <main> ...}), with
 * standard output and error sent to files so that a killed process leaves them readable.
 */
final class CliProcess {

	/**
	 * Options that start a small JVM quickly; a test adds {@code -Xmx64m} and the like.
	 */
	private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-Xshare:auto");

	private final Process process;

	private final Path out;

	private final Path err;

	private CliProcess(Process process, Path out, Path err) {
		this.process = process;
		this.out = out;
		this.err = err;
	}

	/**
	 * Starts {@link MigrationsCli#main}.
	 */
	static CliProcess start(Path folder, Map<String, String> environment, String... args) {
		return start(folder, List.of(), MigrationsCli.class, environment, args);
	}

	/**
	 * Starts a main class of the CLI or of this suite.
	 * @param folder where the output files go
	 * @param jvmOptions options such as {@code -Xmx64m}
	 * @param main the class whose {@code main} runs
	 * @param environment variables added to (and replacing) this JVM's,
	 * {@code DATABASE_*} removed first
	 * @param args the program's arguments
	 */
	static CliProcess start(Path folder, List<String> jvmOptions, Class<?> main, Map<String, String> environment,
			String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(QUICK_START);
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(List.of(args));
		try {
			Path directory = Files.createDirectories(folder);
			Path out = Files.createTempFile(directory, "cli-", ".out");
			Path err = Files.createTempFile(directory, "cli-", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
			builder.environment().keySet().removeIf((name) -> name.startsWith("DATABASE_"));
			builder.environment().putAll(environment);
			return new CliProcess(builder.start(), out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Kills the process with SIGKILL (on Linux), as the OOM killer or {@code kill -9}
	 * would, and waits until it is gone.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits for the process to end and returns what it printed.
	 * @throws AssertionError when it has not ended within {@code timeout} (it is killed
	 * then)
	 */
	CliResult await(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill();
				throw new AssertionError("The CLI process did not end within " + timeout + "; killed it.\n" + output());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		return output();
	}

	/**
	 * What it printed so far, with the exit code (or -1 while it runs).
	 */
	CliResult output() {
		try {
			int code = this.process.isAlive() ? -1 : this.process.exitValue();
			String err = Files.readString(this.err, StandardCharsets.UTF_8);
			return new CliResult(code, Files.readString(this.out, StandardCharsets.UTF_8), err, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
