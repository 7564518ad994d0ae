package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.github.migrations.benchmarks.workload.Workload;

/**
 * The Markdown report and the raw CSV.
 */
final class Report {

	private final Environment environment;

	private final List<Workload> workloads;

	private final List<Sample> samples;

	private final Map<String, String> breakdowns;

	private final Map<String, Map<String, long[]>> statements;

	Report(Environment environment, List<Workload> workloads, List<Sample> samples, Map<String, String> breakdowns,
			Map<String, Map<String, long[]>> statements) {
		this.environment = environment;
		this.workloads = workloads;
		this.samples = samples;
		this.breakdowns = breakdowns;
		this.statements = statements;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		Environment env = this.environment;
		md.append("# Migration tools benchmark, ").append(env.started().toLocalDate()).append("\n\n");
		md.append("Mode: ")
			.append(env.options().custom ? "custom" : env.options().quick ? "quick" : "full")
			.append(" (`java -jar benchmarks/target/benchmarks.jar")
			.append(env.arguments().isEmpty() ? "" : " " + env.arguments())
			.append("`), from ")
			.append(env.started().toLocalTime().withNano(0))
			.append(" to ")
			.append(env.finished().toLocalTime().withNano(0))
			.append(". Times are medians with the range (min–max) in brackets; ratios are taken run by run (the same round of ")
			.append("both tools) and then summarised the same way, with the 95 % interval of their median (a bootstrap of ")
			.append("the runs) from five runs on. Method: `benchmarks/README.md`.\n\n");
		conditions(md);
		for (Workload workload : this.workloads) {
			workload(md, workload);
		}
		floors(md);
		breakdown(md);
		statements(md);
		failures(md);
		return md.toString();
	}

	private void conditions(StringBuilder md) {
		Environment env = this.environment;
		md.append("## Conditions\n\n");
		md.append("| | |\n| --- | --- |\n");
		row(md, "Machine",
				"%s, %d cores, %s memory".formatted(env.before().cpu(), env.before().cores(), env.before().memory()));
		if (env.options().note != null) {
			row(md, "Note", env.options().note);
		}
		double minLoad = this.samples.stream().mapToDouble(Sample::loadAverage).min().orElse(-1);
		double maxLoad = this.samples.stream().mapToDouble(Sample::loadAverage).max().orElse(-1);
		row(md, "Load average (1, 5, 15 min)",
				"%s at the start, %s at the end; 1-minute figure %.2f–%.2f before the runs"
					.formatted(env.before().loadAverage(), env.after().loadAverage(), minLoad, maxLoad));
		row(md, "Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ ", no JVM options for any tool");
		Map<String, String> server = new LinkedHashMap<>(env.server());
		row(md, "PostgreSQL server", server.remove("server_version") + ", " + server.remove("started by"));
		StringBuilder settings = new StringBuilder();
		server.forEach((key, value) -> settings.append((settings.length() == 0) ? "" : ", ")
			.append('`')
			.append(key)
			.append('=')
			.append(value)
			.append('`'));
		row(md, "Server settings",
				settings + " (defaults, durable commits; only `max_locks_per_transaction` raised from 64, "
						+ "so that 5,000 tables fit in one transaction)");
		row(md, "psql", command(env.psql(), "--version"));
		row(md, "ours", "migrations-cli " + env.versions().getProperty("project.version") + " (commit " + env.commit()
				+ "), default settings: one transaction per revision");
		row(md, "Flyway", "flyway-core + flyway-database-postgresql " + env.versions().getProperty("flyway.version")
				+ ", default settings");
		row(md, "Liquibase", "liquibase-core " + env.versions().getProperty("liquibase.version")
				+ ", default settings except `liquibase.analytics.enabled=false` (no usage data sent)");
		row(md, "JDBC driver",
				"PostgreSQL JDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION + " for every JVM tool");
		md.append('\n');
	}

	private void workload(StringBuilder md, Workload workload) {
		md.append("## ").append(workload.title()).append("\n\n");
		md.append(
				"| Tool | Apply: whole process | Apply: in-process | Apply: peak RSS | No-op: whole process | No-op: in-process "
						+ "| No-op: peak RSS |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (Tool tool : this.environment.options().tools) {
			List<Sample> apply = select(workload.name(), tool.id, Sample.APPLY);
			List<Sample> noop = select(workload.name(), tool.id, Sample.NOOP);
			if (apply.isEmpty()) {
				continue;
			}
			md.append("| ").append(tool.label).append(" | ");
			md.append(time(apply, TimedProcess.Result::wallNanos)).append(" | ");
			md.append(tool.reportsInProcess ? time(apply, TimedProcess.Result::inProcessNanos) : "—").append(" | ");
			md.append(memory(apply)).append(" | ");
			md.append(tool.hasNoop ? time(noop, TimedProcess.Result::wallNanos) : "—").append(" | ");
			md.append((tool.hasNoop && tool.reportsInProcess) ? time(noop, TimedProcess.Result::inProcessNanos) : "—")
				.append(" | ");
			md.append(tool.hasNoop ? memory(noop) : "—").append(" |\n");
		}
		md.append('\n');
		ratios(md, workload);
		List<String> checks = this.samples.stream()
			.filter((sample) -> sample.workload().equals(workload.name()) && sample.phase().equals(Sample.APPLY))
			.filter((sample) -> sample.check() != null && !sample.check().equals(workload.expected()))
			.map((sample) -> "%s round %d returned '%s'".formatted(sample.subject(), sample.round(), sample.check()))
			.toList();
		md.append("Check after every apply (`")
			.append(workload.checkSql())
			.append("`): expected `")
			.append(workload.expected())
			.append("`; ")
			.append(checks.isEmpty() ? "every successful apply matched." : "MISMATCH: " + String.join("; ", checks))
			.append("\n\n");
	}

	private void ratios(StringBuilder md, Workload workload) {
		List<Tool> tools = this.environment.options().tools;
		List<String[]> rows = new ArrayList<>();
		if (tools.contains(Tool.PSQL)) {
			rows.add(new String[] { "ours / psql -1", ratio(workload, Tool.OURS, Tool.PSQL, Sample.APPLY, false),
					ratio(workload, Tool.OURS_API, Tool.PSQL, Sample.APPLY, true), "—", "—" });
			rows.add(new String[] { "ours, one transaction / psql -1", "—",
					ratio(workload, Tool.OURS_API_ALL, Tool.PSQL, Sample.APPLY, true), "—", "—" });
			if (tools.contains(Tool.OURS_API_CLI_JVM)) {
				rows.add(new String[] { "ours, the CLI's JVM options / psql -1", "—",
						ratio(workload, Tool.OURS_API_CLI_JVM, Tool.PSQL, Sample.APPLY, true), "—", "—" });
			}
			if (tools.contains(Tool.PSQL_SCRIPT)) {
				rows.add(new String[] { "psql, our --sql script / psql -1",
						ratio(workload, Tool.PSQL_SCRIPT, Tool.PSQL, Sample.APPLY, false), "—", "—", "—" });
			}
		}
		if (tools.contains(Tool.PSQL_SCRIPT)) {
			rows.add(new String[] { "ours / psql, our --sql script",
					ratio(workload, Tool.OURS, Tool.PSQL_SCRIPT, Sample.APPLY, false),
					ratio(workload, Tool.OURS_API, Tool.PSQL_SCRIPT, Sample.APPLY, true), "—", "—" });
		}
		for (Tool other : List.of(Tool.FLYWAY, Tool.LIQUIBASE)) {
			if (tools.contains(other)) {
				rows.add(new String[] { "ours / " + other.label, ratio(workload, Tool.OURS, other, Sample.APPLY, false),
						ratio(workload, Tool.OURS_API, other, Sample.APPLY, true),
						ratio(workload, Tool.OURS, other, Sample.NOOP, false),
						ratio(workload, Tool.OURS_API, other, Sample.NOOP, true) });
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		md.append(
				"| Ratio, run by run | Apply: whole process | Apply: in-process | No-op: whole process | No-op: in-process |\n");
		md.append("| --- | ---: | ---: | ---: | ---: |\n");
		for (String[] row : rows) {
			md.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		md.append(
				"\nWhole process: ours is the CLI as shipped, its launcher `migrations ... upgrade` (`java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`, with the class-data-sharing archive beside the jar). In-process: ours is the engine's "
						+ "API in a runner jar; psql -1 has no in-process figure, so its whole process stands in (its start-up is a few "
						+ "milliseconds).\n\n");
	}

	/**
	 * Median (min–max) of {@code ours / other}, pairing the runs of the same round.
	 */
	private String ratio(Workload workload, Tool ours, Tool other, String phase, boolean inProcess) {
		if (!this.environment.options().tools.contains(ours)) {
			return "—";
		}
		Map<Integer, Long> theirs = new HashMap<>();
		for (Sample sample : select(workload.name(), other.id, phase)) {
			long value = (inProcess && other.reportsInProcess) ? sample.result().inProcessNanos()
					: sample.result().wallNanos();
			if (sample.result().ok() && value > 0) {
				theirs.put(sample.round(), value);
			}
		}
		List<Double> ratios = new ArrayList<>();
		for (Sample sample : select(workload.name(), ours.id, phase)) {
			long value = inProcess ? sample.result().inProcessNanos() : sample.result().wallNanos();
			Long their = theirs.get(sample.round());
			if (sample.result().ok() && value > 0 && their != null) {
				ratios.add((double) value / their);
			}
		}
		Stats stats = Stats.of(ratios);
		if (stats == null) {
			return "—";
		}
		String range = "%.2f (%.2f–%.2f)".formatted(stats.median(), stats.min(), stats.max());
		PairedStats paired = (ratios.size() >= 5) ? PairedStats.of(ratios) : null;
		return (paired != null)
				? range + "; 95 %% interval %.2f–%.2f".formatted(paired.medianLow(), paired.medianHigh()) : range;
	}

	private void floors(StringBuilder md) {
		List<Sample> jvm = selectFloor("jvm-select1");
		List<Sample> psql = selectFloor("psql-select1");
		List<Sample> cli = selectFloor("cli-version");
		List<Sample> jvmCliOptions = selectFloor("jvm-select1-cli-jvm");
		if (jvm.isEmpty() && psql.isEmpty()) {
			return;
		}
		md.append("## Floors (measured in every round, all workloads together)\n\n");
		md.append("| Floor | Whole process | In-process | Peak RSS |\n| --- | ---: | ---: | ---: |\n");
		if (!jvm.isEmpty()) {
			md.append("| JVM: connect with JDBC, `SELECT 1` | ")
				.append(time(jvm, TimedProcess.Result::wallNanos))
				.append(" | ")
				.append(time(jvm, TimedProcess.Result::inProcessNanos))
				.append(" | ")
				.append(memory(jvm))
				.append(" |\n");
		}
		if (!jvmCliOptions.isEmpty()) {
			md.append("| JVM with the CLI's options: connect with JDBC, `SELECT 1` | ")
				.append(time(jvmCliOptions, TimedProcess.Result::wallNanos))
				.append(" | ")
				.append(time(jvmCliOptions, TimedProcess.Result::inProcessNanos))
				.append(" | ")
				.append(memory(jvmCliOptions))
				.append(" |\n");
		}
		if (!cli.isEmpty()) {
			md.append("| ours (CLI): `migrations --version` (the launcher), no database | ")
				.append(time(cli, TimedProcess.Result::wallNanos))
				.append(" | — | ")
				.append(memory(cli))
				.append(" |\n");
		}
		if (!psql.isEmpty()) {
			md.append("| `psql -c 'SELECT 1'` | ")
				.append(time(psql, TimedProcess.Result::wallNanos))
				.append(" | — | ")
				.append(memory(psql))
				.append(" |\n");
		}
		md.append('\n');
	}

	private void breakdown(StringBuilder md) {
		if (this.breakdowns.isEmpty()) {
			return;
		}
		md.append("## Where our engine spends its time (one extra run each, API runner, default settings)\n\n");
		md.append(
				"| Run | Revisions applied | In-process total | Before the first revision | Revisions: SQL and record | "
						+ "Between revisions (commit, per-step overhead) | After the last revision | Parse all files again (warm) |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		this.breakdowns.forEach((run, line) -> {
			Map<String, Long> values = new HashMap<>();
			for (String pair : line.split(" ")) {
				String[] kv = pair.split("=");
				if (kv.length == 2) {
					values.put(kv[0], Long.parseLong(kv[1]));
				}
			}
			long before = values.getOrDefault("before_first_step_ns", 0L);
			long steps = values.getOrDefault("steps_ns", 0L);
			long stepSum = values.getOrDefault("step_sum_ns", 0L);
			long after = values.getOrDefault("after_last_step_ns", 0L);
			long total = before + steps + after;
			md.append("| ")
				.append(run)
				.append(" | ")
				.append(values.getOrDefault("applied", 0L))
				.append(" of ")
				.append(values.getOrDefault("files", 0L))
				.append(" | ")
				.append(ms(total))
				.append(" | ")
				.append(share(before, total))
				.append(" | ")
				.append(share(stepSum, total))
				.append(" | ")
				.append(share(Math.max(0, steps - stepSum), total))
				.append(" | ")
				.append(share(after, total))
				.append(" | ")
				.append(ms(values.getOrDefault("reparse_warm_ns", 0L)))
				.append(" |\n");
		});
		md.append(
				"\nBefore the first revision: reading and parsing every file, the graph, the lock, reading the applied set, "
						+ "validation and planning (in a no-op run, all of it). Revisions: from the listener's before-step to after-step "
						+ "calls (a transactional revision's statements, its record and its commit go to the server in one round "
						+ "trip, so its commit and the WAL flush count here); between revisions: the engine's own work from one "
						+ "revision's end to the next one's start.\n\n");
	}

	private void statements(StringBuilder md) {
		if (this.statements.values().stream().allMatch(Map::isEmpty)) {
			return;
		}
		md.append(
				"## Statements each tool sends (one extra apply and no-op each, the server logging every statement)\n\n");
		md.append("| Workload | Tool | Apply | Apply, per revision | No-op |\n| --- | --- | ---: | ---: | ---: |\n");
		for (Workload workload : this.workloads) {
			Map<String, long[]> counts = this.statements.get(workload.name());
			if (counts == null) {
				continue;
			}
			counts.forEach((tool, values) -> md.append("| ")
				.append(workload.name())
				.append(" | ")
				.append(Tool.of(tool).label)
				.append(" | ")
				.append(count(values[0]))
				.append(" | ")
				.append((values[0] >= 0) ? "%.1f".formatted((double) values[0] / workload.size()) : "—")
				.append(" | ")
				.append(count(values[1]))
				.append(" |\n"));
		}
		md.append(
				"\nA statement is one simple-protocol statement or one extended-protocol execution in the server log, not "
						+ "counting `BEGIN`, which the JDBC driver sends in the same round trip as the statement after it: each is one "
						+ "round trip. Opening a connection is not counted.\n\n");
	}

	private static String count(long value) {
		return (value >= 0) ? Long.toString(value) : "—";
	}

	private void failures(StringBuilder md) {
		List<Sample> failed = this.samples.stream().filter((sample) -> !sample.result().ok()).toList();
		if (failed.isEmpty()) {
			return;
		}
		md.append("## Failed runs (left out of the figures)\n\n");
		for (Sample sample : failed) {
			md.append("- ")
				.append(sample.workload())
				.append(' ')
				.append(sample.subject())
				.append(' ')
				.append(sample.phase())
				.append(" round ")
				.append(sample.round())
				.append(": exit code ")
				.append(sample.result().exitCode())
				.append(", log ")
				.append(sample.result().log())
				.append('\n');
		}
		md.append('\n');
	}

	private List<Sample> select(String workload, String subject, String phase) {
		return this.samples.stream()
			.filter((sample) -> sample.workload().equals(workload) && sample.subject().equals(subject)
					&& sample.phase().equals(phase))
			.toList();
	}

	private List<Sample> selectFloor(String subject) {
		return this.samples.stream()
			.filter((sample) -> sample.subject().equals(subject) && sample.phase().equals(Sample.FLOOR))
			.toList();
	}

	private static String time(List<Sample> samples, ToLongFunction<TimedProcess.Result> value) {
		List<Double> values = new ArrayList<>();
		for (Sample sample : samples) {
			long nanos = value.applyAsLong(sample.result());
			if (sample.result().ok() && nanos > 0) {
				values.add((double) nanos);
			}
		}
		Stats stats = Stats.of(values);
		if (stats == null) {
			return "—";
		}
		return range(stats);
	}

	/**
	 * {@code 1.23 s (1.20–1.31)}: the median, and the range in the median's unit.
	 */
	static String range(Stats stats) {
		double median = stats.median() / 1_000_000;
		if (median >= 1000) {
			String format = (median >= 10_000) ? "%.1f" : "%.2f";
			return (format + " s (" + format + "–" + format + ")").formatted(median / 1000, stats.min() / 1e9,
					stats.max() / 1e9);
		}
		return "%.0f ms (%.0f–%.0f)".formatted(median, stats.min() / 1e6, stats.max() / 1e6);
	}

	private static String memory(List<Sample> samples) {
		List<Double> values = new ArrayList<>();
		for (Sample sample : samples) {
			if (sample.result().ok() && sample.result().peakRssKb() > 0) {
				values.add((double) sample.result().peakRssKb());
			}
		}
		Stats stats = Stats.of(values);
		if (stats == null) {
			return "—";
		}
		return "%.0f MiB (%.0f–%.0f)".formatted(stats.median() / 1024, stats.min() / 1024, stats.max() / 1024);
	}

	static String ms(double nanos) {
		double millis = nanos / 1_000_000;
		if (millis >= 10_000) {
			return "%.1f s".formatted(millis / 1000);
		}
		if (millis >= 1000) {
			return "%.2f s".formatted(millis / 1000);
		}
		return "%.0f ms".formatted(millis);
	}

	private static String share(long part, long total) {
		return (total > 0) ? "%s (%.0f%%)".formatted(ms(part), 100.0 * part / total) : ms(part);
	}

	private static void row(StringBuilder md, String key, String value) {
		md.append("| ").append(key).append(" | ").append(value).append(" |\n");
	}

	private static String command(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			process.waitFor();
			return text;
		}
		catch (IOException | InterruptedException ex) {
			return "unknown";
		}
	}

	static String csv(List<Sample> samples) {
		StringBuilder csv = new StringBuilder(
				"workload,subject,round,phase,wall_ms,inprocess_ms,peak_rss_kb,exit_code,check,load1\n");
		for (Sample sample : samples) {
			TimedProcess.Result result = sample.result();
			csv.append(sample.workload())
				.append(',')
				.append(sample.subject())
				.append(',')
				.append(sample.round())
				.append(',')
				.append(sample.phase())
				.append(',')
				.append("%.1f".formatted(result.wallNanos() / 1e6))
				.append(',')
				.append((result.inProcessNanos() > 0) ? "%.1f".formatted(result.inProcessNanos() / 1e6) : "")
				.append(',')
				.append(result.peakRssKb())
				.append(',')
				.append(result.exitCode())
				.append(',')
				.append((sample.check() != null) ? '"' + sample.check() + '"' : "")
				.append(',')
				.append(sample.loadAverage())
				.append('\n');
		}
		return csv.toString();
	}

}
