package io.github.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The startup benchmark's report: a table of medians with the tax over the baseline, how
 * it was measured, and the conditions; and the CSV of every start.
 */
final class StartupReport {

	private static final String BASELINE = "jdbc";

	private final List<StartupMain.Variant> variants;

	private final List<StartupMain.Run> runs;

	private final StartupMain.Options options;

	private final Map<String, String> server;

	private final Conditions before;

	private final Conditions after;

	private final LocalDateTime started;

	private final LocalDateTime finished;

	private final int revisions;

	private final String commit;

	private final String java;

	StartupReport(List<StartupMain.Variant> variants, List<StartupMain.Run> runs, StartupMain.Options options,
			Map<String, String> server, Conditions before, Conditions after, LocalDateTime started,
			LocalDateTime finished, int revisions, String commit, String java) {
		this.variants = variants;
		this.runs = runs;
		this.options = options;
		this.server = server;
		this.before = before;
		this.after = after;
		this.started = started;
		this.finished = finished;
		this.revisions = revisions;
		this.commit = commit;
		this.java = java;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		md.append("# Startup tax: a Spring Boot application with %d applied revisions\n\n".formatted(this.revisions));
		md.append("Run %s to %s, commit `%s`, %d timed starts per variant (after one untimed round), taking turns.\n\n"
			.formatted(this.started.format(time), this.finished.format(DateTimeFormatter.ofPattern("HH:mm")),
					this.commit, this.options.runs));
		if (this.options.note != null) {
			md.append("Note: ").append(this.options.note).append("\n\n");
		}
		md.append("Median (min–max) of each variant's starts, in seconds. **Tax** is the variant's time less the "
				+ "baseline's in the same round, median over the rounds.\n\n");
		md.append("| Variant | Launch → ready | Tax over baseline | JVM start → ready | In the tool's beans | "
				+ "First query bean | CPU (user+sys) | CPU tax | Failed |\n");
		md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (StartupMain.Variant variant : this.variants) {
			List<StartupMain.Run> ok = ok(variant.name());
			long failed = this.runs.stream().filter((run) -> run.variant().equals(variant.name()) && !run.ok()).count();
			md.append("| ")
				.append(variant.name())
				.append(" | ")
				.append(seconds(ok, (run) -> run.launchToReadyUs() / 1e6))
				.append(" | ")
				.append(tax(variant.name(), (run) -> run.launchToReadyUs() / 1e6))
				.append(" | ")
				.append(seconds(ok, (run) -> run.jvmToReadyUs() / 1e6))
				.append(" | ")
				.append(seconds(ok, (run) -> run.migrationsUs() / 1e6))
				.append(" | ")
				.append(seconds(ok, (run) -> run.firstQueryUs() / 1e6))
				.append(" | ")
				.append(seconds(ok, StartupMain.Run::cpuSeconds))
				.append(" | ")
				.append(tax(variant.name(), StartupMain.Run::cpuSeconds))
				.append(" | ")
				.append(failed)
				.append(" |\n");
		}
		md.append("\n### The tax, round by round\n\n");
		md.append("Each variant less the baseline in the same round, in milliseconds: the median with its 95 % "
				+ "interval (a bootstrap of 2,000 resamples of the rounds), the mean with its standard error, and the "
				+ "standard deviation from round to round. Starts vary a lot on a small machine; the interval says "
				+ "whether a target is met or missed beyond that noise.\n\n");
		md.append("| Variant, figure | Median | 95 % interval of the median | Mean ± standard error | "
				+ "Standard deviation | Rounds |\n");
		md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (StartupMain.Variant variant : this.variants) {
			if (!variant.name().equals(BASELINE)) {
				md.append(pairedRow(variant.name() + ", launch → ready",
						differences(variant.name(), (run) -> run.launchToReadyUs() / 1e6)));
				md.append(
						pairedRow(variant.name() + ", CPU", differences(variant.name(), StartupMain.Run::cpuSeconds)));
			}
		}
		md.append("\n## The variants\n\n");
		md.append("The same application (`benchmarks/startup/app`: Spring JDBC, Boot's Hikari pool, a bean that "
				+ "queries the database through `JdbcClient` while it is created), started with `java -cp` and no "
				+ "JVM options, each variant with its own Maven-resolved class path "
				+ "(`benchmarks/startup/<variant>/target/classpath.txt`) and, first on it, a jar of its tool's "
				+ "revision files, as an application ships them:\n\n");
		for (StartupMain.Variant variant : this.variants) {
			md.append("- `").append(variant.name()).append("`: ").append(variant.title());
			if (!variant.jvmOptions().isEmpty()) {
				md.append("; JVM option `").append(String.join(" ", variant.jvmOptions())).append('`');
			}
			if (!variant.arguments().isEmpty()) {
				md.append("; `").append(String.join(" ", variant.arguments())).append('`');
			}
			md.append(". ").append(versions(variant)).append('\n');
		}
		md.append("\n## What is measured\n\n");
		md.append("""
				- Before timing, each variant starts once on its own new database and applies the %d revisions \
				(W1: a chain of revisions that each create a table with an index); the check query must find all \
				%d indexes. Then one untimed round warms the file cache, and every round after it starts each \
				variant once, in a new JVM, in an order that turns by one place each round. What is timed is the \
				start that finds nothing to do.
				- **Launch → ready**: from just before the harness starts the process to `ApplicationReadyEvent`, \
				by the wall clock (the harness takes the instant, the application prints the event's).
				- **JVM start → ready**: from `RuntimeMXBean.getStartTime()` to the event.
				- **In the tool's beans**: the time Spring spent creating and initializing the tool's beans \
				(ours: `migrator`, `migrationsInitializer`; Flyway: `flyway`, `flywayInitializer`; Liquibase: \
				`liquibase`), less the beans they needed (the `DataSource`), from Spring's own \
				`BufferingApplicationStartup`. It includes the pool's first connection, which the tool opens.
				- **First query bean**: the same for the application's bean that queries the database; in the \
				baseline it opens the pool's first connection.
				- **CPU**: user and system time of the whole process (GNU time), a steadier figure than wall time \
				on a loaded machine; the JVM's compiler threads count here.
				- The application closes itself once ready; the process's whole run and peak memory are in the CSV.

				""".formatted(this.revisions, this.revisions));
		md.append("## Conditions\n\n");
		md.append("- Machine: %s, %d cores, %s; load average %s at the start, %s at the end.\n".formatted(
				this.before.cpu(), this.before.cores(), this.before.memory(), this.before.loadAverage(),
				this.after.loadAverage()));
		md.append("- Java: `%s` (%s).\n".formatted(this.java, System.getProperty("java.vm.version")));
		md.append("- PostgreSQL %s, %s.\n".formatted(this.server.get("server_version"), this.server.get("started by")));
		md.append(
				"- Command: `benchmarks/startup.sh %s`\n".formatted(BenchmarkMain.shellWords(this.options.arguments)));
		md.append("- On a shared or loaded machine every variant is slowed, not equally; compare variants within one "
				+ "report, read the medians and the CPU figures, and rerun on a quiet machine for absolute figures.\n");
		return md.toString();
	}

	String csv() {
		StringBuilder csv = new StringBuilder("variant,round,position,exit_code,launch_to_ready_ms,jvm_to_ready_ms,"
				+ "migrations_ms,first_query_ms,process_ms,cpu_s,peak_rss_kb,tables,load_average\n");
		for (StartupMain.Run run : this.runs) {
			csv.append(String.join(",", run.variant(), Integer.toString(run.round()), Integer.toString(run.position()),
					Integer.toString(run.exitCode()), ms(run.launchToReadyUs()), ms(run.jvmToReadyUs()),
					ms(run.migrationsUs()), ms(run.firstQueryUs()), ms(run.wallUs()),
					"%.2f".formatted(run.cpuSeconds()), Long.toString(run.peakRssKb()), Long.toString(run.tables()),
					"%.2f".formatted(run.loadAverage())))
				.append('\n');
		}
		return csv.toString();
	}

	private static String ms(long micros) {
		return (micros < 0) ? "" : "%.1f".formatted(micros / 1000.0);
	}

	private List<StartupMain.Run> ok(String variant) {
		return this.runs.stream().filter((run) -> run.variant().equals(variant) && run.ok()).toList();
	}

	private static String seconds(List<StartupMain.Run> runs, ToDoubleFunction<StartupMain.Run> figure) {
		List<Double> values = new ArrayList<>();
		for (StartupMain.Run run : runs) {
			double value = figure.applyAsDouble(run);
			if (value >= 0) {
				values.add(value);
			}
		}
		Stats stats = Stats.of(values);
		return (stats != null) ? "%.2f (%.2f–%.2f)".formatted(stats.median(), stats.min(), stats.max()) : "–";
	}

	/**
	 * The variant less the baseline, round by round: the median and its range.
	 */
	private String tax(String variant, ToDoubleFunction<StartupMain.Run> figure) {
		if (variant.equals(BASELINE)) {
			return "(baseline)";
		}
		Stats stats = Stats.of(differences(variant, figure));
		return (stats != null) ? "%+.2f (%+.2f to %+.2f)".formatted(stats.median(), stats.min(), stats.max()) : "–";
	}

	/**
	 * A row of the paired table: how closely the rounds pin the tax down, in
	 * milliseconds.
	 */
	private static String pairedRow(String label, List<Double> differences) {
		PairedStats paired = PairedStats.of(differences);
		if (paired == null) {
			return "| %s | – | – | – | – | – |\n".formatted(label);
		}
		return "| %s | %+.0f | %+.0f to %+.0f | %+.0f ± %.0f | %.0f | %d |\n".formatted(label, paired.median() * 1000,
				paired.medianLow() * 1000, paired.medianHigh() * 1000, paired.mean() * 1000,
				paired.standardError() * 1000, paired.standardDeviation() * 1000, paired.count());
	}

	/**
	 * The variant's figure less the baseline's in the same round, for the rounds in which
	 * both started and have the figure.
	 */
	private List<Double> differences(String variant, ToDoubleFunction<StartupMain.Run> figure) {
		Map<Integer, StartupMain.Run> baseline = new LinkedHashMap<>();
		ok(BASELINE).forEach((run) -> baseline.put(run.round(), run));
		List<Double> differences = new ArrayList<>();
		for (StartupMain.Run run : ok(variant)) {
			StartupMain.Run base = baseline.get(run.round());
			if (base != null && figure.applyAsDouble(run) >= 0 && figure.applyAsDouble(base) >= 0) {
				differences.add(figure.applyAsDouble(run) - figure.applyAsDouble(base));
			}
		}
		return differences;
	}

	/**
	 * Spring Boot's, the tool's, Hikari's and the driver's versions, from the jar names
	 * of the variant's class path.
	 */
	private static String versions(StartupMain.Variant variant) {
		String classpath;
		try {
			classpath = Files.readString(variant.classpathFile());
		}
		catch (IOException ex) {
			return "";
		}
		List<String> found = new ArrayList<>();
		for (String artifact : List.of("spring-boot", "flyway-core", "liquibase-core", "HikariCP", "postgresql",
				"migrations-core")) {
			Matcher matcher = Pattern.compile("/" + Pattern.quote(artifact) + "-(\\d[^/:]*)\\.jar").matcher(classpath);
			if (matcher.find()) {
				found.add(artifact + " " + matcher.group(1));
			}
		}
		return String.join(", ", found) + ".";
	}

}
