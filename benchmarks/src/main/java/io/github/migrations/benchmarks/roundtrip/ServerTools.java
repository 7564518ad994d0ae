package io.github.migrations.benchmarks.roundtrip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.benchmarks.PostgresServer;

/**
 * The PostgreSQL client programs the harness runs against the server: {@code psql}, which
 * applies every script (the histories' upgrades and every differ's output, the same way),
 * and {@code pg_dump --schema-only}, the second judge of "same schema", used only when
 * its major version is the server's (an older pg_dump refuses a newer server, and a newer
 * one prints differently).
 */
final class ServerTools {

	private static final Pattern MAJOR = Pattern.compile("(\\d+)(?:\\.\\d+)?");

	private final PostgresServer server;

	private final Path psql;

	private final Path pgDump;

	private final Path scratch;

	ServerTools(PostgresServer server, Path psql, Path pgDump, Path scratch) {
		this.server = server;
		this.psql = psql;
		this.pgDump = pgDump;
		this.scratch = scratch;
	}

	/**
	 * What running a script gave: {@code null} when it ran to the end, else psql's error
	 * output.
	 */
	String apply(String database, String sql, boolean oneTransaction) throws IOException, InterruptedException {
		Path file = Files.writeString(this.scratch.resolve("apply.sql"), sql);
		List<String> command = new ArrayList<>(List.of(this.psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
				this.server.host(), "-p", String.valueOf(this.server.port()), "-U", this.server.user(), "-d", database,
				"-f", file.toString()));
		if (oneTransaction) {
			command.add(2, "-1");
		}
		Result result = run(command);
		if (result.exit() == 0) {
			return null;
		}
		return result.error().isBlank() ? "psql exited with " + result.exit() : result.error().strip();
	}

	/**
	 * The pg_dump major version, or -1 when there is no usable pg_dump.
	 */
	int pgDumpMajor() throws InterruptedException {
		if (this.pgDump == null || !Files.isExecutable(this.pgDump)) {
			return -1;
		}
		try {
			Result result = run(List.of(this.pgDump.toString(), "--version"));
			Matcher matcher = MAJOR.matcher(result.output().replaceFirst("^\\D*", ""));
			return matcher.lookingAt() ? Integer.parseInt(matcher.group(1)) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * {@code pg_dump --schema-only} of a database, without its comment lines, blank lines
	 * and the {@code \restrict} lines (a random key per run).
	 */
	String schemaDump(String database) throws IOException, InterruptedException {
		Result result = run(List.of(this.pgDump.toString(), "--schema-only", "--no-owner", "--no-privileges", "-h",
				this.server.host(), "-p", String.valueOf(this.server.port()), "-U", this.server.user(), database));
		if (result.exit() != 0) {
			throw new IllegalStateException("pg_dump of '" + database + "' failed: " + result.error());
		}
		StringBuilder dump = new StringBuilder();
		for (String line : result.output().split("\n")) {
			if (line.isBlank() || line.startsWith("--") || line.startsWith("\\restrict")
					|| line.startsWith("\\unrestrict")) {
				continue;
			}
			dump.append(line).append('\n');
		}
		return dump.toString();
	}

	private Result run(List<String> command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> environment = builder.environment();
		environment.put("PGPASSWORD", this.server.password());
		environment.put("PGCONNECT_TIMEOUT", "30");
		// errors only: the notices of DROP … IF EXISTS are not failures
		environment.put("PGOPTIONS", "-c client_min_messages=warning");
		Path out = this.scratch.resolve("out.txt");
		Path err = this.scratch.resolve("err.txt");
		builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
		Process process = builder.start();
		process.getOutputStream().close();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out after 10 minutes: " + String.join(" ", command));
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Result(int exit, String output, String error) {
	}

}
