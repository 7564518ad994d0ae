package io.github.migrations.benchmarks.roundtrip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.migrations.benchmarks.PostgresServer;

/**
 * {@code @pgkit/migra}, the JavaScript port of migra, as its command line runs it
 * ({@code migra <from-url> <to-url> --unsafe}: the package's {@code run} function, which
 * its CLI calls, with {@code --unsafe} so that it writes drops, which a round trip
 * needs), through {@code roundtrip/migra-diff.js}, which prints the SQL and exits at
 * once, where the CLI waits for its idle connection pools to time out. One Node process
 * per diff.
 */
final class MigraDiffer implements Differ {

	private final Path installation;

	private final Path script;

	private final PostgresServer server;

	private final Path scratch;

	MigraDiffer(Path installation, PostgresServer server, Path scratch) throws IOException {
		this.installation = installation.toAbsolutePath();
		if (!Files.isRegularFile(this.installation.resolve("node_modules/@pgkit/migra/dist/command.js"))) {
			throw new IllegalArgumentException(
					"@pgkit/migra is not installed in '" + installation + "': run 'npm install --prefix " + installation
							+ " @pgkit/migra@0.6.1', or leave migra out" + " with --tools.");
		}
		this.server = server;
		this.scratch = scratch;
		this.script = scratch.resolve("migra-diff.js");
		try (InputStream in = MigraDiffer.class.getResourceAsStream("/roundtrip/migra-diff.js")) {
			Files.copy(in, this.script, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Override
	public String name() {
		return "migra";
	}

	@Override
	public String diff(String from, String to) throws Exception {
		Path out = this.scratch.resolve("migra.out");
		Path err = this.scratch.resolve("migra.err");
		Process process = new ProcessBuilder(
				List.of("node", this.script.toString(), this.installation.toString(), url(from), url(to)))
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		process.getOutputStream().close();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("migra timed out after 10 minutes");
		}
		if (process.exitValue() != 0) {
			String error = Files.readString(err, StandardCharsets.UTF_8).strip();
			throw new IllegalStateException("migra exited with " + process.exitValue() + ": " + error);
		}
		return Files.readString(out, StandardCharsets.UTF_8);
	}

	private String url(String database) {
		String password = this.server.password().isEmpty() ? "" : ":" + this.server.password();
		return "postgresql://" + this.server.user() + password + "@" + this.server.host() + ":" + this.server.port()
				+ "/" + database;
	}

}
