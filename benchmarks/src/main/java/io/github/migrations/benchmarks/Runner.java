package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.benchmarks.workload.Workload;
import io.github.migrations.benchmarks.workload.WorkloadFiles;

/**
 * Runs the rounds: in each round every tool applies the workload to a database created
 * for it, then runs again with everything applied (the no-op run); then the floors. The
 * order of the tools turns by one place every round, so that no tool always runs first or
 * after the same one.
 */
final class Runner {

	private final Tool.Setup setup;

	private final BenchmarkMain.Options options;

	private final Path logs;

	private final List<Sample> samples = new ArrayList<>();

	private int failures;

	Runner(Tool.Setup setup, BenchmarkMain.Options options, Path logs) {
		this.setup = setup;
		this.options = options;
		this.logs = logs;
	}

	List<Sample> samples() {
		return this.samples;
	}

	int failures() {
		return this.failures;
	}

	void measure(Workload workload, WorkloadFiles files, int runs)
			throws IOException, InterruptedException, SQLException {
		List<Tool> tools = this.options.tools;
		BenchmarkMain.log("%s: %d revisions, %d runs of %s".formatted(workload.name(), workload.size(), runs,
				tools.stream().map((tool) -> tool.id).toList()));
		if (tools.contains(Tool.PSQL_SCRIPT)) {
			renderScript(workload, files);
		}
		for (int round = 1; round <= runs; round++) {
			for (int i = 0; i < tools.size(); i++) {
				Tool tool = tools.get((i + round - 1) % tools.size());
				runTool(workload, files, tool, round);
			}
			floors(workload, round);
		}
	}

	private void runTool(Workload workload, WorkloadFiles files, Tool tool, int round)
			throws IOException, InterruptedException, SQLException {
		String database = ("bench_" + workload.name() + "_" + tool.id + "_" + round).replace('-', '_');
		PostgresServer server = this.setup.server();
		server.createDatabase(database);
		server.checkpoint();
		List<String> command = tool.command(this.setup, files, database);
		Sample apply = time(workload.name(), tool.id, round, Sample.APPLY, command, null);
		String check = null;
		if (apply.result().ok()) {
			check = server.queryOne(database, workload.checkSql());
			if (!workload.expected().equals(check)) {
				this.failures++;
				BenchmarkMain.log("  %s round %d: the check returned '%s', expected '%s'".formatted(tool.id, round,
						check, workload.expected()));
			}
		}
		this.samples.set(this.samples.size() - 1, new Sample(apply.workload(), apply.subject(), apply.round(),
				apply.phase(), apply.result(), check, apply.loadAverage()));
		String noopText = "";
		if (apply.result().ok() && tool.hasNoop) {
			Sample noop = time(workload.name(), tool.id, round, Sample.NOOP, command, null);
			noopText = ", no-op " + millis(noop.result().wallNanos());
		}
		BenchmarkMain
			.log("  round %d %-13s apply %s%s".formatted(round, tool.id, millis(apply.result().wallNanos()), noopText));
		server.dropDatabase(database);
		server.checkpoint();
	}

	/**
	 * Renders our {@code upgrade --sql} script of the workload for
	 * {@link Tool#PSQL_SCRIPT}, against an empty database, and gives it the commit
	 * setting that our runs use: commits do not wait for the WAL flush, but for the last
	 * revision's.
	 */
	private void renderScript(Workload workload, WorkloadFiles files)
			throws IOException, InterruptedException, SQLException {
		String database = ("bench_" + workload.name() + "_render").replace('-', '_');
		PostgresServer server = this.setup.server();
		server.createDatabase(database);
		Path script = files.oursScript();
		Path log = this.logs.resolve(database + ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(Tool.renderScript(this.setup, files, database))
				.redirectOutput(script.toFile())
				.redirectError(log.toFile());
			builder.environment().putAll(environment());
			if (builder.start().waitFor() != 0) {
				throw new IllegalStateException(
						"Rendering the --sql script of " + workload.name() + " failed; see " + log);
			}
		}
		finally {
			server.dropDatabase(database);
		}
		List<String> lines = new ArrayList<>(Files.readAllLines(script, StandardCharsets.UTF_8));
		for (int i = lines.size() - 1; i > 0; i--) {
			if (lines.get(i).startsWith("-- Upgrade ")) {
				lines.add(i, "RESET synchronous_commit;");
				break;
			}
		}
		lines.add(0, "SET synchronous_commit TO off;");
		Files.write(script, lines, StandardCharsets.UTF_8);
		BenchmarkMain.log("  rendered %s (%d lines) for %s".formatted(script, lines.size(), Tool.PSQL_SCRIPT.id));
	}

	private void floors(Workload workload, int round) throws IOException, InterruptedException {
		if (this.setup.server() != null) {
			time(workload.name(), "jvm-select1", round, Sample.FLOOR, Tool.jvmFloor(this.setup), null);
			if (this.options.tools.contains(Tool.OURS_API_CLI_JVM)) {
				time(workload.name(), "jvm-select1-cli-jvm", round, Sample.FLOOR,
						Tool.jvmFloorWithCliOptions(this.setup), null);
			}
			if (this.options.tools.contains(Tool.OURS)) {
				time(workload.name(), "cli-version", round, Sample.FLOOR, Tool.cliFloor(this.setup), null);
			}
			if (this.options.tools.contains(Tool.PSQL) || this.options.tools.contains(Tool.PSQL_SCRIPT)) {
				time(workload.name(), "psql-select1", round, Sample.FLOOR, Tool.psqlFloor(this.setup), null);
			}
		}
	}

	/**
	 * One apply and one no-op run of our engine through the runner with
	 * {@code --breakdown}, on a database of their own; not part of the figures.
	 */
	Map<String, String> breakdown(Workload workload, WorkloadFiles files)
			throws IOException, InterruptedException, SQLException {
		Map<String, String> lines = new LinkedHashMap<>();
		String database = ("bench_" + workload.name() + "_breakdown").replace('-', '_');
		PostgresServer server = this.setup.server();
		server.createDatabase(database);
		server.checkpoint();
		List<String> command = new ArrayList<>(Tool.OURS_API.command(this.setup, files, database));
		command.add("--breakdown");
		for (String phase : List.of(Sample.APPLY, Sample.NOOP)) {
			Path log = this.logs.resolve(database + "_" + phase + ".log");
			TimedProcess.Result result = TimedProcess.run(command, environment(), log, this.options.timeoutSeconds);
			if (result.ok() && result.breakdown() != null) {
				lines.put(workload.name() + " " + phase, result.breakdown());
			}
		}
		server.dropDatabase(database);
		server.checkpoint();
		return lines;
	}

	/**
	 * Counts the statements each tool sends to apply the workload and to find nothing to
	 * do, with the server logging every statement; one extra apply and no-op per tool,
	 * not part of the figures.
	 * @return per tool id, the statements of the apply and of the no-op run
	 */
	Map<String, long[]> statementCounts(Workload workload, WorkloadFiles files)
			throws IOException, InterruptedException, SQLException {
		Map<String, long[]> counts = new LinkedHashMap<>();
		PostgresServer server = this.setup.server();
		if (!server.ownsLog()) {
			return counts;
		}
		server.logStatements(true);
		try {
			for (Tool tool : this.options.tools) {
				String database = ("bench_" + workload.name() + "_" + tool.id + "_count").replace('-', '_');
				server.createDatabase(database);
				List<String> command = tool.command(this.setup, files, database);
				Path log = this.logs.resolve(database + ".log");
				TimedProcess.Result apply = TimedProcess.run(command, environment(), log, this.options.timeoutSeconds);
				long applied = server.loggedStatements(database);
				long noop = -1;
				if (apply.ok() && tool.hasNoop) {
					TimedProcess.Result again = TimedProcess.run(command, environment(), log,
							this.options.timeoutSeconds);
					noop = again.ok() ? server.loggedStatements(database) - applied : -1;
				}
				counts.put(tool.id, new long[] { apply.ok() ? applied : -1, noop });
				server.dropDatabase(database);
			}
		}
		finally {
			server.logStatements(false);
			server.checkpoint();
		}
		return counts;
	}

	private Sample time(String workload, String subject, int round, String phase, List<String> command, String check)
			throws IOException, InterruptedException {
		double load = Conditions.currentLoad();
		Path log = this.logs.resolve("%s_%s_%d_%s.log".formatted(workload, subject, round, phase));
		TimedProcess.Result result = TimedProcess.run(command, environment(), log, this.options.timeoutSeconds);
		if (!result.ok()) {
			this.failures++;
			BenchmarkMain.log("  %s %s round %d FAILED with exit code %d; see %s".formatted(subject, phase, round,
					result.exitCode(), log));
		}
		Sample sample = new Sample(workload, subject, round, phase, result, check, load);
		this.samples.add(sample);
		return sample;
	}

	/**
	 * The environment of every process: our launcher runs the same {@code java} as the
	 * other tools, with its own JVM options (an inherited {@code JAVA_OPTS} would replace
	 * them), and the password when the server has one.
	 */
	private Map<String, String> environment() {
		Map<String, String> environment = new HashMap<>();
		environment.put("JAVA", this.setup.java());
		environment.put("JAVA_OPTS", "");
		String password = this.setup.server().password();
		if (password != null && !password.isEmpty()) {
			environment.put("PGPASSWORD", password);
			environment.put("DATABASE_PASSWORD", password);
		}
		return environment;
	}

	static String millis(long nanos) {
		return "%,d ms".formatted(nanos / 1_000_000);
	}

}
