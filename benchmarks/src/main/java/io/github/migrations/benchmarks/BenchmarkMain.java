package io.github.migrations.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.github.migrations.benchmarks.workload.Workload;
import io.github.migrations.benchmarks.workload.WorkloadFiles;
import io.github.migrations.benchmarks.workload.Workloads;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick] [options]}: starts one
 * PostgreSQL server, writes the workloads in every tool's format, and runs the tools in
 * turn, each on a freshly created database, as separate processes; then writes the
 * report. See {@code benchmarks/README.md}.
 */
public final class BenchmarkMain {

	private static final String USAGE = """
			usage: java -jar benchmarks/target/benchmarks.jar [--quick] [options]

			  --quick               W1 with N=100 and N=1000, and W2, 3 runs each (10–13 minutes)
			  --sizes 100,1000,5000 W1 sizes (default 100,1000,5000)
			  --workloads w1,w2     which workloads (default both)
			  --runs N              runs per tool and workload (default 5, and 3 for N > 1000)
			  --tools LIST          ours,ours-api,ours-api-all,ours-api-cli-jvm,flyway,liquibase,psql,
			                        psql-script (default all)
			  --pg-bin DIR          bin folder of a PostgreSQL installation to start instead of the
			                        binaries in the jar (initdb, pg_ctl, postgres)
			  --url URL             use a running server instead: jdbc:postgresql://host:port
			                        (--username, default postgres; password in PGPASSWORD)
			  --cli-jar PATH        our CLI jar (default migrations-cli/target/migrations-cli-<version>.jar)
			  --psql PATH           psql client (default /usr/bin/psql)
			  --out DIR             where the report goes (default benchmarks/results)
			  --note TEXT           a line about the conditions, printed in the report
			  --timeout SECONDS     limit for one process (default 1800)
			  --no-breakdown        skip the timing breakdown of our engine and the statement counts
			  --keep                keep the server's folder and the generated workloads
			  --write-workloads DIR only write the workloads in every tool's format into DIR, run nothing
			""";

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		Options options = Arguments.parseOrExit(args, Options::parse, USAGE);
		if (options.help) {
			System.out.print(USAGE);
			return;
		}
		if (options.writeWorkloads != null) {
			for (Workload workload : workloads(options)) {
				WorkloadFiles.write(workload, options.writeWorkloads.resolve(workload.name()));
				log("Wrote " + options.writeWorkloads.resolve(workload.name()));
			}
			return;
		}
		System.exit(new BenchmarkMain().run(options));
	}

	private int run(Options options) throws Exception {
		Properties versions = versions();
		Path jarDirectory = jarDirectory();
		Path repository = jarDirectory.getParent().getParent();
		Path cliJar = (options.cliJar != null) ? options.cliJar : repository
			.resolve("migrations-cli/target/migrations-cli-" + versions.getProperty("project.version") + ".jar");
		requireFile(cliJar, "our CLI jar; build it with the command in benchmarks/README.md or pass --cli-jar");
		requireFile(cliJar.resolveSibling("migrations"), "our CLI's launcher, which the build writes beside the jar");
		for (String jar : List.of("bench-ours.jar", "bench-flyway.jar", "bench-liquibase.jar", "bench-jdbc.jar")) {
			requireFile(jarDirectory.resolve(jar), "a runner jar; build the benchmarks module");
		}
		if (options.tools.contains(Tool.PSQL) || options.tools.contains(Tool.PSQL_SCRIPT)) {
			requireFile(Path.of(options.psql),
					"the psql client; install it (Debian: postgresql-client) or pass --psql");
		}
		Path out = (options.out != null) ? options.out : repository.resolve("benchmarks/results");
		Files.createDirectories(out);
		Path work = Files.createTempDirectory("migrations-bench");
		Path logs = Files.createDirectories(work.resolve("logs"));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		LocalDateTime started = LocalDateTime.now();
		Conditions conditions = Conditions.now();
		log("Starting PostgreSQL ...");
		try (PostgresServer server = (options.url != null) ? external(options)
				: PostgresServer.start(options.pgBin, options.keep)) {
			Tool.Setup setup = new Tool.Setup(server, java, jarDirectory, cliJar, options.psql);
			Map<String, String> serverSettings = server.describe();
			log("PostgreSQL " + serverSettings.get("server_version") + " on port " + server.port() + ", fsync="
					+ serverSettings.get("fsync") + ", synchronous_commit=" + serverSettings.get("synchronous_commit"));
			Runner runner = new Runner(setup, options, logs);
			List<Workload> workloads = workloads(options);
			Map<String, String> breakdowns = new LinkedHashMap<>();
			Map<String, Map<String, long[]>> statements = new LinkedHashMap<>();
			for (Workload workload : workloads) {
				WorkloadFiles files = WorkloadFiles.write(workload, work.resolve("workloads").resolve(workload.name()));
				int runs = (options.runs > 0) ? options.runs : (workload.size() > 1000 ? 3 : 5);
				runner.measure(workload, files, runs);
				if (options.breakdown && options.tools.contains(Tool.OURS_API)) {
					breakdowns.putAll(runner.breakdown(workload, files));
				}
				if (options.breakdown && workload.size() <= 100) {
					statements.put(workload.name(), runner.statementCounts(workload, files));
				}
			}
			Conditions finished = Conditions.now();
			Environment environment = new Environment(versions, serverSettings, java, options.psql, cliJar, conditions,
					finished, started, LocalDateTime.now(), options, shellWords(options.arguments), git(repository));
			String report = new Report(environment, workloads, runner.samples(), breakdowns, statements).markdown();
			Path reportFile = out.resolve(LocalDate.now() + "-report.md");
			Files.writeString(reportFile, report, StandardCharsets.UTF_8);
			Files.writeString(out.resolve(LocalDate.now() + "-raw.csv"), Report.csv(runner.samples()),
					StandardCharsets.UTF_8);
			System.out.println();
			System.out.println(report);
			log("Report written to " + reportFile + " (raw figures beside it); process logs in " + logs);
			return runner.failures() == 0 ? 0 : 1;
		}
		finally {
			if (!options.keep) {
				deleteQuietly(work.resolve("workloads"));
			}
		}
	}

	private static PostgresServer external(Options options) {
		String rest = options.url.replaceFirst("^jdbc:postgresql://", "");
		String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
		int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
		String password = System.getenv("PGPASSWORD");
		return PostgresServer.external(host, port, options.username, (password != null) ? password : "");
	}

	private static List<Workload> workloads(Options options) {
		List<Workload> workloads = new ArrayList<>();
		if (options.workloads.contains("w1")) {
			for (int size : options.sizes) {
				workloads.add(Workloads.smallRevisions(size));
			}
		}
		if (options.workloads.contains("w2")) {
			workloads.add(Workloads.applicationSchema());
		}
		return workloads;
	}

	static Properties versions() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = BenchmarkMain.class.getResourceAsStream("/benchmarks.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		return properties;
	}

	private static Path jarDirectory() throws Exception {
		Path location = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return Files.isDirectory(location) ? location.getParent() : location.getParent();
	}

	private static String git(Path repository) {
		try {
			Process process = new ProcessBuilder("git", "-C", repository.toString(), "log", "-1", "--format=%h %cs")
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
	 * The arguments as they would be typed: quoted where they hold spaces or quotes.
	 */
	static String shellWords(List<String> arguments) {
		return arguments.stream()
			.map((arg) -> arg.matches("[A-Za-z0-9_./:=,@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'")
			.collect(java.util.stream.Collectors.joining(" "));
	}

	private static void requireFile(Path path, String what) {
		if (!Files.exists(path)) {
			throw new IllegalStateException(path + " is missing: " + what + ".");
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			new ProcessBuilder("rm", "-rf", path.toString()).start().waitFor();
		}
		catch (IOException | InterruptedException ex) {
			// a temporary folder
		}
	}

	static void log(String message) {
		System.err.println("[" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
	}

	/**
	 * The command line.
	 */
	static final class Options {

		List<String> arguments = List.of();

		boolean quick;

		/**
		 * Whether sizes, workloads, runs or tools were chosen by hand.
		 */
		boolean custom;

		boolean help;

		List<Integer> sizes = List.of(100, 1000, 5000);

		List<String> workloads = List.of("w1", "w2");

		int runs;

		List<Tool> tools = List.of(Tool.values());

		Path pgBin;

		String url;

		String username = "postgres";

		Path cliJar;

		String psql = "/usr/bin/psql";

		Path out;

		String note;

		long timeoutSeconds = 1800;

		boolean breakdown = true;

		boolean keep;

		Path writeWorkloads;

		static Options parse(String[] args) {
			Options options = new Options();
			options.arguments = List.of(args);
			boolean sizesGiven = false;
			boolean runsGiven = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--quick" -> options.quick = true;
					case "-h", "--help" -> options.help = true;
					case "--sizes" -> {
						options.sizes = Arrays.stream(Arguments.value(args, ++i, arg).split(","))
							.map(String::strip)
							.map(Integer::parseInt)
							.toList();
						sizesGiven = true;
					}
					case "--workloads" -> options.workloads = Arrays.stream(Arguments.value(args, ++i, arg).split(","))
						.map((name) -> name.strip().toLowerCase(Locale.ROOT))
						.toList();
					case "--runs" -> {
						options.runs = Integer.parseInt(Arguments.value(args, ++i, arg));
						runsGiven = true;
					}
					case "--tools" -> options.tools = Arrays.stream(Arguments.value(args, ++i, arg).split(","))
						.map(String::strip)
						.map(Tool::of)
						.toList();
					case "--pg-bin" -> options.pgBin = Path.of(Arguments.value(args, ++i, arg));
					case "--url" -> options.url = Arguments.value(args, ++i, arg);
					case "--username" -> options.username = Arguments.value(args, ++i, arg);
					case "--cli-jar" -> options.cliJar = Path.of(Arguments.value(args, ++i, arg));
					case "--psql" -> options.psql = Arguments.value(args, ++i, arg);
					case "--out" -> options.out = Path.of(Arguments.value(args, ++i, arg));
					case "--note" -> options.note = Arguments.value(args, ++i, arg);
					case "--timeout" -> options.timeoutSeconds = Long.parseLong(Arguments.value(args, ++i, arg));
					case "--no-breakdown" -> options.breakdown = false;
					case "--keep" -> options.keep = true;
					case "--write-workloads" -> options.writeWorkloads = Path.of(Arguments.value(args, ++i, arg));
					default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
			}
			options.custom = sizesGiven || runsGiven || options.workloads.size() != 2
					|| options.tools.size() != Tool.values().length;
			if (options.quick) {
				if (!sizesGiven) {
					options.sizes = List.of(100, 1000);
				}
				if (!runsGiven) {
					options.runs = 3;
				}
			}
			for (String workload : options.workloads) {
				if (!workload.equals("w1") && !workload.equals("w2")) {
					throw new IllegalArgumentException("unknown workload '" + workload + "' (w1, w2)");
				}
			}
			return options;
		}

	}

}
