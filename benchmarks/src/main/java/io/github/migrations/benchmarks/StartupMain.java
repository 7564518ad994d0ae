package io.github.migrations.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.migrations.benchmarks.workload.Workload;
import io.github.migrations.benchmarks.workload.WorkloadFiles;
import io.github.migrations.benchmarks.workload.Workloads;

/**
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.migrations.benchmarks.StartupMain [options]}:
 * the startup tax of a migration tool in a Spring Boot application. The same small
 * application ({@code benchmarks/startup/app}) is started with our starter, with Boot's
 * Flyway support, with Boot's Liquibase support, and with no migration tool (the
 * baseline, whose first query opens the pool's first connection), each on its own
 * database of one PostgreSQL server whose W1 revisions are all applied before anything is
 * timed: what is timed is the start that finds nothing to do. The variants take turns,
 * each start in a new JVM. See {@code benchmarks/README.md}.
 */
public final class StartupMain {

	private static final String USAGE = """
			usage: benchmarks/startup.sh [options]

			  --runs N              timed starts per variant (default 10), after one untimed round
			  --revisions N         revisions applied before timing (default 1000)
			  --variants LIST       ours,flyway,liquibase,jdbc (default all; jdbc is the baseline)
			  --also NAME=FILE      one more variant like 'ours' whose class path is FILE (one line,
			                        ':'-separated, as benchmarks/startup/ours/target/classpath.txt), for
			                        comparing two builds of our starter in one run; may be repeated
			  --pg-bin DIR          bin folder of a PostgreSQL installation to start instead of the
			                        binaries in the jar
			  --url URL             use a running server: jdbc:postgresql://host:port (--username,
			                        default postgres; password in PGPASSWORD)
			  --out DIR             where the report goes (default benchmarks/results/<date>-startup)
			  --note TEXT           a line about the conditions, printed in the report
			  --timeout SECONDS     limit for one start (default 600)
			  --keep                keep the temporary folder (revision jars, process logs)
			""";

	private static final Pattern READY = Pattern.compile(
			"^BENCH startup ready_at_us=(\\d+) jvm_to_ready_us=(\\d+) migrations_us=(\\d+) first_query_us=(\\d+) tables=(\\d+)$",
			Pattern.MULTILINE);

	private static final String APP_CLASS = "io.github.migrations.benchmarks.startup.StartupApp";

	private StartupMain() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		Options options = Arguments.parseOrExit(args, Options::parse, USAGE);
		if (options.help) {
			System.out.print(USAGE);
			return;
		}
		System.exit(run(options));
	}

	private static int run(Options options) throws Exception {
		Path repository = jarDirectory().getParent().getParent();
		List<Variant> variants = new ArrayList<>();
		for (String name : options.variants) {
			variants.add(Variant.builtIn(name, repository));
		}
		options.also.forEach((name, file) -> variants.add(Variant.ours(name, file)));
		for (Variant variant : variants) {
			if (!Files.isRegularFile(variant.classpathFile())) {
				throw new IllegalStateException(variant.classpathFile()
						+ " is missing: build the startup apps with ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests");
			}
		}
		Path out = (options.out != null) ? options.out
				: repository.resolve("benchmarks/results/" + LocalDate.now() + "-startup");
		Files.createDirectories(out);
		Path work = Files.createTempDirectory("migrations-startup");
		Path logs = Files.createDirectories(work.resolve("logs"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		LocalDateTime started = LocalDateTime.now();
		Conditions before = Conditions.now();
		Workload workload = Workloads.smallRevisions(options.revisions);
		WorkloadFiles files = WorkloadFiles.write(workload, work.resolve("workload"));
		Map<String, Path> revisionJars = new LinkedHashMap<>();
		revisionJars.put("ours", jar(work.resolve("revisions-ours.jar"), "db/revisions", files.ours()));
		revisionJars.put("flyway", jar(work.resolve("revisions-flyway.jar"), "db/migration", files.flyway()));
		revisionJars.put("liquibase",
				jar(work.resolve("revisions-liquibase.jar"), "db/changelog", files.liquibaseFolder()));
		BenchmarkMain.log("Starting PostgreSQL ...");
		List<Run> runs = new ArrayList<>();
		int failures = 0;
		boolean completed = false;
		Map<String, String> serverSettings;
		try (PostgresServer server = (options.url != null) ? external(options)
				: PostgresServer.start(options.pgBin, options.keep)) {
			serverSettings = server.describe();
			BenchmarkMain.log("PostgreSQL " + serverSettings.get("server_version") + " on port " + server.port());
			for (Variant variant : variants) {
				server.createDatabase(variant.database());
				BenchmarkMain
					.log("%s: applying %d revisions (not timed) ...".formatted(variant.name(), workload.size()));
				Run apply = start(java, variant, revisionJars, server, logs, "apply", 0, options.timeoutSeconds);
				if (!apply.ok()) {
					throw new IllegalStateException(
							variant.name() + " failed to start and apply the revisions; see " + apply.log());
				}
				if (!variant.layout().equals("none")) {
					String check = server.queryOne(variant.database(), workload.checkSql());
					if (!workload.expected().equals(check)) {
						throw new IllegalStateException(
								"%s applied the revisions, but the check returned '%s', not '%s'"
									.formatted(variant.name(), check, workload.expected()));
					}
				}
			}
			server.checkpoint();
			for (int round = 0; round <= options.runs; round++) {
				BenchmarkMain.log((round == 0) ? "Round 0 (warm-up, not counted)"
						: "Round %d of %d".formatted(round, options.runs));
				for (int i = 0; i < variants.size(); i++) {
					Variant variant = variants.get((i + round) % variants.size());
					Run run = start(java, variant, revisionJars, server, logs, "noop", round, options.timeoutSeconds);
					run = run.at(i + 1);
					if (!run.ok()) {
						failures++;
						BenchmarkMain
							.log("  %s failed (exit %d); see %s".formatted(variant.name(), run.exitCode(), run.log()));
					}
					else if (!variant.layout().equals("none") && run.tables() < workload.size()) {
						failures++;
						BenchmarkMain
							.log("  %s started on a database with %d tables, fewer than the %d revisions create"
								.formatted(variant.name(), run.tables(), workload.size()));
					}
					else {
						BenchmarkMain.log("  %-10s ready after %6.0f ms (migrations %5.0f ms)".formatted(variant.name(),
								run.launchToReadyUs() / 1000.0, run.migrationsUs() / 1000.0));
					}
					if (round > 0) {
						runs.add(run);
					}
				}
			}
			for (Variant variant : variants) {
				server.dropDatabase(variant.database());
			}
			completed = true;
		}
		finally {
			if (!completed || failures > 0) {
				BenchmarkMain.log("Keeping " + work + ": the logs of every start are in " + logs);
			}
			else if (!options.keep) {
				BenchmarkMain.log("Removing " + work + " (--keep keeps it)");
				try (Stream<Path> paths = Files.walk(work)) {
					paths.sorted((a, b) -> b.compareTo(a)).forEach((path) -> path.toFile().delete());
				}
			}
		}
		Conditions after = Conditions.now();
		StartupReport report = new StartupReport(variants, runs, options, serverSettings, before, after, started,
				LocalDateTime.now(), workload.size(), git(repository), java);
		Files.writeString(out.resolve("report.md"), report.markdown(), StandardCharsets.UTF_8);
		Files.writeString(out.resolve("raw.csv"), report.csv(), StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(report.markdown());
		BenchmarkMain.log("Report written to " + out.resolve("report.md") + ", the figures of every start to "
				+ out.resolve("raw.csv"));
		return (failures == 0) ? 0 : 1;
	}

	/**
	 * Starts the application once, in a new JVM, and waits for it to exit (it closes
	 * itself when ready).
	 */
	private static Run start(String java, Variant variant, Map<String, Path> revisionJars, PostgresServer server,
			Path logs, String phase, int round, long timeoutSeconds) throws IOException, InterruptedException {
		String classpath = Files.readString(variant.classpathFile()).strip();
		if (revisionJars.containsKey(variant.layout())) {
			classpath = revisionJars.get(variant.layout()) + ":" + classpath;
		}
		List<String> command = new ArrayList<>();
		boolean gnuTime = Files.isExecutable(TimedProcess.GNU_TIME);
		Path timeFile = logs.resolve("%s-%s-%d.time".formatted(variant.name(), phase, round));
		if (gnuTime) {
			command.addAll(List.of(TimedProcess.GNU_TIME.toString(), "-f", "%U %S %M", "-o", timeFile.toString()));
		}
		command.add(java);
		command.addAll(variant.jvmOptions());
		command.addAll(List.of("-cp", classpath, APP_CLASS));
		command.add("--spring.datasource.url=" + server.url(variant.database()));
		command.add("--spring.datasource.username=" + server.user());
		command.add("--spring.datasource.password=" + server.password());
		command.addAll(variant.arguments());
		Path log = logs.resolve("%s-%s-%d.log".formatted(variant.name(), phase, round));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		builder.environment().remove("_JAVA_OPTIONS");
		builder.environment().remove("JDK_JAVA_OPTIONS");
		double load = Conditions.currentLoad();
		Instant launched = Instant.now();
		long startNanos = System.nanoTime();
		Process process = builder.start();
		boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		long wallUs = (System.nanoTime() - startNanos) / 1000;
		if (!finished) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor();
			return new Run(variant.name(), round, 0, 124, -1, -1, -1, -1, -1, wallUs, -1, -1, load, log);
		}
		Matcher ready = READY.matcher(Files.readString(log));
		double cpu = -1;
		long rss = -1;
		if (gnuTime && Files.exists(timeFile)) {
			String[] lines = Files.readString(timeFile).strip().split("\n");
			String[] fields = lines[lines.length - 1].strip().split(" ");
			try {
				cpu = Double.parseDouble(fields[0]) + Double.parseDouble(fields[1]);
				rss = Long.parseLong(fields[2]);
			}
			catch (RuntimeException ex) {
				// the command failed before GNU time could measure it
			}
		}
		if (!ready.find()) {
			return new Run(variant.name(), round, 0, (process.exitValue() != 0) ? process.exitValue() : 3, -1, -1, -1,
					-1, -1, wallUs, cpu, rss, load, log);
		}
		long launchedUs = Duration.between(Instant.EPOCH, launched).toNanos() / 1000;
		return new Run(variant.name(), round, 0, process.exitValue(), Long.parseLong(ready.group(1)) - launchedUs,
				Long.parseLong(ready.group(2)), Long.parseLong(ready.group(3)), Long.parseLong(ready.group(4)),
				Long.parseLong(ready.group(5)), wallUs, cpu, rss, load, log);
	}

	/**
	 * A jar holding the files of a folder under a class-path folder, with its folder
	 * entries, as a build tool packs an application's resources.
	 */
	private static Path jar(Path jar, String folder, Path files) throws IOException {
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
			StringBuilder prefix = new StringBuilder();
			for (String part : folder.split("/")) {
				prefix.append(part).append('/');
				out.putNextEntry(new JarEntry(prefix.toString()));
				out.closeEntry();
			}
			try (Stream<Path> list = Files.list(files)) {
				for (Path path : list.sorted().toList()) {
					out.putNextEntry(new JarEntry(prefix + path.getFileName().toString()));
					out.write(Files.readAllBytes(path));
					out.closeEntry();
				}
			}
		}
		return jar;
	}

	private static PostgresServer external(Options options) {
		String rest = options.url.replaceFirst("^jdbc:postgresql://", "");
		String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
		int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
		String password = System.getenv("PGPASSWORD");
		return PostgresServer.external(host, port, options.username, (password != null) ? password : "");
	}

	private static Path jarDirectory() throws Exception {
		return Path.of(StartupMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
	}

	private static String git(Path repository) {
		try {
			Process process = new ProcessBuilder("git", "-C", repository.toString(), "log", "-1", "--format=%h %cs %s")
				.redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (process.waitFor() == 0) ? text : "unknown";
		}
		catch (IOException | InterruptedException ex) {
			return "unknown";
		}
	}

	/**
	 * One variant of the application.
	 *
	 * @param name its name in the report
	 * @param title what it is
	 * @param classpathFile its class path, as Maven wrote it
	 * @param layout which revision jar goes first on its class path ({@code ours},
	 * {@code flyway}, {@code liquibase}), or {@code none}
	 * @param jvmOptions options before the class path
	 * @param arguments Spring properties after the main class
	 */
	record Variant(String name, String title, Path classpathFile, String layout, List<String> jvmOptions,
			List<String> arguments) {

		static Variant builtIn(String name, Path repository) {
			Path file = repository.resolve("benchmarks/startup/" + name + "/target/classpath.txt");
			return switch (name) {
				case "ours" -> new Variant(name, "our starter (revisions in classpath:db/revisions)", file, "ours",
						List.of(), List.of());
				case "flyway" -> new Variant(name, "Boot's Flyway support (classpath:db/migration)", file, "flyway",
						List.of(), List.of());
				// the same option as the Liquibase runner: no usage data sent out (nor an
				// attempt timed)
				case "liquibase" -> new Variant(name, "Boot's Liquibase support (classpath:db/changelog/changelog.sql)",
						file, "liquibase", List.of("-Dliquibase.analytics.enabled=false"),
						List.of("--spring.liquibase.change-log=classpath:db/changelog/changelog.sql"));
				case "jdbc" ->
					new Variant(name, "baseline: no migration tool; the first query opens the first " + "connection",
							file, "none", List.of(), List.of());
				default -> throw new IllegalArgumentException(
						"unknown variant '" + name + "' (ours, flyway, liquibase, jdbc)");
			};
		}

		static Variant ours(String name, Path classpathFile) {
			return new Variant(name, "our starter, class path " + classpathFile, classpathFile, "ours", List.of(),
					List.of());
		}

		String database() {
			return "startup_" + this.name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One start.
	 *
	 * @param variant the variant's name
	 * @param round the round (0 for the untimed apply and warm-up)
	 * @param position its place in the round's order, from 1
	 * @param exitCode the process's exit code (3: exited 0 without its report line; 124:
	 * timed out)
	 * @param launchToReadyUs from just before the process was started to
	 * {@code ApplicationReadyEvent}
	 * @param jvmToReadyUs from the JVM's recorded start time to the event
	 * @param migrationsUs in the migration tool's beans
	 * @param firstQueryUs in the application's first query bean
	 * @param tables public tables the first query counted
	 * @param wallUs the whole process, to its exit
	 * @param cpuSeconds user and system CPU time of the process, or -1
	 * @param peakRssKb maximum resident set size, or -1
	 * @param loadAverage the 1-minute load average just before the start
	 * @param log the process's output
	 */
	record Run(String variant, int round, int position, int exitCode, long launchToReadyUs, long jvmToReadyUs,
			long migrationsUs, long firstQueryUs, long tables, long wallUs, double cpuSeconds, long peakRssKb,
			double loadAverage, Path log) {

		boolean ok() {
			return this.exitCode == 0;
		}

		Run at(int position) {
			return new Run(this.variant, this.round, position, this.exitCode, this.launchToReadyUs, this.jvmToReadyUs,
					this.migrationsUs, this.firstQueryUs, this.tables, this.wallUs, this.cpuSeconds, this.peakRssKb,
					this.loadAverage, this.log);
		}

	}

	/**
	 * The command line.
	 */
	static final class Options {

		List<String> arguments = List.of();

		boolean help;

		int runs = 10;

		int revisions = 1000;

		List<String> variants = List.of("ours", "flyway", "liquibase", "jdbc");

		Map<String, Path> also = new LinkedHashMap<>();

		Path pgBin;

		String url;

		String username = "postgres";

		Path out;

		String note;

		long timeoutSeconds = 600;

		boolean keep;

		static Options parse(String[] args) {
			Options options = new Options();
			options.arguments = List.of(args);
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "-h", "--help" -> options.help = true;
					case "--runs" -> options.runs = Integer.parseInt(Arguments.value(args, ++i, arg));
					case "--revisions" -> options.revisions = Integer.parseInt(Arguments.value(args, ++i, arg));
					case "--variants" -> options.variants = Arrays.stream(Arguments.value(args, ++i, arg).split(","))
						.map(String::strip)
						.toList();
					case "--also" -> {
						String value = Arguments.value(args, ++i, arg);
						int equals = value.indexOf('=');
						if (equals <= 0) {
							throw new IllegalArgumentException("--also needs NAME=FILE, not '" + value + "'");
						}
						options.also.put(value.substring(0, equals), Path.of(value.substring(equals + 1)));
					}
					case "--pg-bin" -> options.pgBin = Path.of(Arguments.value(args, ++i, arg));
					case "--url" -> options.url = Arguments.value(args, ++i, arg);
					case "--username" -> options.username = Arguments.value(args, ++i, arg);
					case "--out" -> options.out = Path.of(Arguments.value(args, ++i, arg));
					case "--note" -> options.note = Arguments.value(args, ++i, arg);
					case "--timeout" -> options.timeoutSeconds = Long.parseLong(Arguments.value(args, ++i, arg));
					case "--keep" -> options.keep = true;
					default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
			}
			for (String variant : options.variants) {
				if (!List.of("ours", "flyway", "liquibase", "jdbc").contains(variant)) {
					throw new IllegalArgumentException(
							"unknown variant '" + variant + "' (ours, flyway, liquibase, jdbc)");
				}
			}
			if (options.runs < 1) {
				throw new IllegalArgumentException("--runs must be at least 1");
			}
			return options;
		}

	}

}
