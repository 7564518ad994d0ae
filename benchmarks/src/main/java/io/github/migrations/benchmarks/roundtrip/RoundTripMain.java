package io.github.migrations.benchmarks.roundtrip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.migrations.benchmarks.PostgresServer;

/**
 * The round-trip harness: replays public migration histories on PostgreSQL and checks,
 * for each consecutive pair of states, that every differ's forward script rebuilds the
 * later state from the earlier one, its backward script the earlier one from the later
 * one, and that a second diff is empty. See benchmarks/README.md, "Round trips".
 */
public final class RoundTripMain {

	private static final String USAGE = """
			usage: java -jar benchmarks/target/roundtrip.jar --history NAME=FOLDER [--history …] [options]

			  --history NAME=FOLDER  a history: diesel's layout (<name>/up.sql) or our revision files
			  --tools LIST           ours,migra,liquibase (default all three)
			  --every K              measure the pair of every K-th migration, 1st, K+1-th, … when it
			                         changes the schema (default 1: all)
			  --every-for NAME=K     the same for one history
			  --limit N              replay only the first N steps of each history
			  --migra DIR            where @pgkit/migra is installed (default benchmarks/target/migra)
			  --pg-bin DIR           start the server from this installation's bin folder instead of the
			                         PostgreSQL 17 binaries in the jar
			  --url URL              use a running server (jdbc:postgresql://host:port, --username,
			                         password in PGPASSWORD); it must let that user create databases
			  --psql PATH            psql client (default /usr/bin/psql)
			  --pg-dump PATH         pg_dump (default /usr/bin/pg_dump), compared only when its major
			                         version is the server's
			  --out DIR              report folder (default benchmarks/results/<date>-roundtrip)
			  --note TEXT            a line about the conditions, printed in the report
			""";

	private RoundTripMain() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		Map<String, Path> histories = new LinkedHashMap<>();
		List<String> tools = List.of("ours", "migra", "liquibase");
		int every = 1;
		Map<String, Integer> everyFor = new LinkedHashMap<>();
		int limit = 0;
		Path migra = Path.of("benchmarks/target/migra");
		Path pgBin = null;
		String url = null;
		String username = "postgres";
		Path psql = Path.of("/usr/bin/psql");
		Path pgDump = Path.of("/usr/bin/pg_dump");
		Path out = Path.of("benchmarks/results/" + LocalDate.now() + "-roundtrip");
		String note = null;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--help") || option.equals("-h")) {
				System.out.print(USAGE);
				return;
			}
			if (i + 1 >= args.length) {
				usage("'" + option + "' needs a value.");
			}
			String value = args[++i];
			switch (option) {
				case "--history" -> {
					int equals = value.indexOf('=');
					if (equals <= 0) {
						usage("--history takes NAME=FOLDER, got '" + value + "'.");
					}
					histories.put(value.substring(0, equals), Path.of(value.substring(equals + 1)));
				}
				case "--tools" -> tools = List.of(value.split(","));
				case "--every" -> every = Integer.parseInt(value);
				case "--every-for" -> everyFor.put(value.substring(0, Math.max(value.indexOf('='), 0)),
						Integer.parseInt(value.substring(value.indexOf('=') + 1)));
				case "--limit" -> limit = Integer.parseInt(value);
				case "--migra" -> migra = Path.of(value);
				case "--pg-bin" -> pgBin = Path.of(value);
				case "--url" -> url = value;
				case "--username" -> username = value;
				case "--psql" -> psql = Path.of(value);
				case "--pg-dump" -> pgDump = Path.of(value);
				case "--out" -> out = Path.of(value);
				case "--note" -> note = value;
				default -> usage("Unknown option '" + option + "'.");
			}
		}
		if (histories.isEmpty()) {
			usage("Name at least one history with --history NAME=FOLDER.");
		}
		List<History> loaded = new ArrayList<>();
		for (Map.Entry<String, Path> entry : histories.entrySet()) {
			loaded.add(History.read(entry.getKey(), entry.getValue()));
		}
		Instant start = Instant.now();
		Path scratch = Files.createTempDirectory("migrations-roundtrip");
		try (PostgresServer server = server(url, username, pgBin)) {
			if (url == null) {
				// a correctness run, not a timed one: durability only slows the copies
				// down
				try (Connection connection = server.connect("postgres");
						Statement statement = connection.createStatement()) {
					statement.execute("ALTER SYSTEM SET fsync = off");
					statement.execute("ALTER SYSTEM SET synchronous_commit = off");
					statement.execute("SELECT pg_reload_conf()");
				}
			}
			ServerTools serverTools = new ServerTools(server, psql, pgDump, scratch);
			int serverMajor = Integer.parseInt(server.describe().get("server_version").replaceFirst("\\D.*$", ""));
			int dumpMajor = serverTools.pgDumpMajor();
			boolean dumps = dumpMajor == serverMajor;
			Map<String, String> conditions = new LinkedHashMap<>();
			conditions.put("Date", LocalDate.now().toString());
			conditions.put("Server", "PostgreSQL " + server.describe().get("server_version"));
			conditions.put("pg_dump --schema-only compared", dumps ? "yes (" + pgDump + ", " + dumpMajor + ")"
					: "no (pg_dump " + dumpMajor + " is not the server's major version; catalog snapshot only)");
			conditions.put("Tools", String.join(", ", tools));
			for (History history : loaded) {
				int k = everyFor.getOrDefault(history.name(), every);
				conditions.put("Sampling of " + history.name(),
						(k == 1) ? "every pair that changes the schema" : "the pair of every " + k
								+ "-th migration (1st, " + (k + 1) + "-th, …) that changes the schema");
			}
			for (History history : loaded) {
				conditions.put("History " + history.name(),
						history.folder() + " (" + history.steps().size() + " steps)");
			}
			if (note != null) {
				conditions.put("Note", note);
			}
			List<Differ> differs = new ArrayList<>();
			for (String tool : tools) {
				differs.add(differ(tool, server, migra, scratch));
			}
			RoundTrip roundTrip = new RoundTrip(server, serverTools, dumps, differs, RoundTripMain::log);
			List<RoundTrip.Outcome> outcomes = new ArrayList<>();
			for (History history : loaded) {
				log(history.name() + ": " + history.steps().size() + " steps from " + history.folder());
				outcomes.add(roundTrip.run(history, everyFor.getOrDefault(history.name(), every), limit));
			}
			for (Differ differ : differs) {
				differ.close();
			}
			conditions.put("Run time", Duration.between(start, Instant.now()).toSeconds() + " s");
			RoundTripReport report = new RoundTripReport(outcomes, tools, conditions);
			report.write(out);
			System.out.println();
			System.out.println(report.markdown());
			log("Report: " + out.resolve("roundtrip-report.md"));
		}
		finally {
			try (var files = Files.walk(scratch)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private static Differ differ(String tool, PostgresServer server, Path migra, Path scratch) throws Exception {
		return switch (tool) {
			case "ours" -> new OursDiffer(server);
			case "migra" -> new MigraDiffer(migra, server, scratch);
			case "liquibase" -> new LiquibaseDiffer(server, scratch);
			default -> throw new IllegalArgumentException("Unknown tool '" + tool + "': use ours, migra or liquibase.");
		};
	}

	private static PostgresServer server(String url, String username, Path pgBin) throws Exception {
		if (url == null) {
			return PostgresServer.start(pgBin, false);
		}
		java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
		String password = System.getenv().getOrDefault("PGPASSWORD", "");
		return PostgresServer.external(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5432, username, password);
	}

	private static void usage(String problem) {
		System.err.println("error: " + problem);
		System.err.print(USAGE);
		System.exit(2);
	}

	static void log(String message) {
		System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
		System.out.flush();
	}

}
