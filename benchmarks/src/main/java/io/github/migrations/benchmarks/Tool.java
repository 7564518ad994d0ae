package io.github.migrations.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.benchmarks.workload.WorkloadFiles;
import io.github.migrations.core.api.TransactionMode;

/**
 * The tools measured, and how each is started as its own process.
 */
enum Tool {

	/**
	 * Our command line as shipped, through its launcher:
	 * {@code migrations ... -q upgrade} (which runs {@code java} with the launcher's JVM
	 * options on the CLI jar), default settings (one transaction per revision).
	 */
	OURS("ours", "ours (CLI)", true, false),

	/**
	 * Our engine through its API in a small runner jar, default settings; reports
	 * in-process time.
	 */
	OURS_API("ours-api", "ours (API)", true, true),

	/**
	 * The same with the whole run in one transaction ({@code TransactionMode.ALL}), as
	 * psql -1.
	 */
	OURS_API_ALL("ours-api-all", "ours (API, one transaction)", true, true),

	/**
	 * Our engine through its API, default settings, in a JVM started with the options our
	 * CLI's launcher gives it: how fast the engine is as the CLI runs it, with an
	 * in-process time.
	 */
	OURS_API_CLI_JVM("ours-api-cli-jvm", "ours (API, the CLI's JVM options)", true, true),

	/**
	 * Flyway's {@code migrate}, default settings, in its runner jar.
	 */
	FLYWAY("flyway", "Flyway", true, true),

	/**
	 * Liquibase's {@code update}, default settings, in its runner jar.
	 */
	LIQUIBASE("liquibase", "Liquibase", true, true),

	/**
	 * {@code psql -1 -f all.sql}: the statements alone in one transaction, the physical
	 * limit. It keeps no record, so it has no no-op run.
	 */
	PSQL("psql", "psql -1", false, false),

	/**
	 * {@code psql -f} on the script that our {@code upgrade --sql} renders for the
	 * workload (once, before the rounds): each revision in its own transaction with its
	 * record, as ours runs it, and with the same commit setting (no wait for the WAL
	 * flush but on the last revision). What committing each revision with its record
	 * costs any client that starts in a few milliseconds and sends one statement at a
	 * time; no no-op run.
	 */
	PSQL_SCRIPT("psql-script", "psql, our --sql script", false, false);

	final String id;

	final String label;

	final boolean hasNoop;

	final boolean reportsInProcess;

	Tool(String id, String label, boolean hasNoop, boolean reportsInProcess) {
		this.id = id;
		this.label = label;
		this.hasNoop = hasNoop;
		this.reportsInProcess = reportsInProcess;
	}

	static Tool of(String id) {
		for (Tool tool : values()) {
			if (tool.id.equals(id)) {
				return tool;
			}
		}
		throw new IllegalArgumentException("Unknown tool '" + id + "'");
	}

	/**
	 * The command that applies the workload to the database (and, run again, is the no-op
	 * run).
	 */
	List<String> command(Setup setup, WorkloadFiles files, String database) {
		String url = setup.server().url(database);
		String user = setup.server().user();
		List<String> command = new ArrayList<>();
		switch (this) {
			case OURS -> command.addAll(List.of("sh", setup.launcher().toString(), "--url", url, "--username", user,
					"--locations", files.ours().toString(), "-q", "upgrade"));
			case OURS_API -> command.addAll(runner(setup, "bench-ours.jar", url, user, files.ours()));
			case OURS_API_CLI_JVM -> {
				command.add(setup.java());
				command.addAll(setup.launcherJvmOptions());
				command.addAll(runnerArguments(setup, "bench-ours.jar", url, user, files.ours()));
			}
			case OURS_API_ALL -> {
				command.addAll(runner(setup, "bench-ours.jar", url, user, files.ours()));
				command.add("--all");
			}
			case FLYWAY -> command.addAll(runner(setup, "bench-flyway.jar", url, user, files.flyway()));
			case LIQUIBASE -> {
				command.addAll(List.of(setup.java(), "-Dliquibase.analytics.enabled=false", "-jar",
						setup.jar("bench-liquibase.jar").toString(), url, user, files.liquibaseFolder().toString(),
						files.liquibaseChangelog()));
			}
			case PSQL -> command.addAll(psql(setup, database, "-1", "-f", files.psql().toString()));
			case PSQL_SCRIPT -> command.addAll(psql(setup, database, "-f", files.oursScript().toString()));
		}
		return command;
	}

	private static List<String> psql(Setup setup, String database, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(setup.psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", setup.server().host(), "-p",
						Integer.toString(setup.server().port()), "-U", setup.server().user(), "-d", database));
		command.addAll(List.of(arguments));
		return command;
	}

	/**
	 * Our CLI rendering the script of an upgrade from base to head
	 * ({@code upgrade --sql}), which {@link #PSQL_SCRIPT} runs.
	 */
	static List<String> renderScript(Setup setup, WorkloadFiles files, String database) {
		return List.of("sh", setup.launcher().toString(), "--url", setup.server().url(database), "--username",
				setup.server().user(), "--locations", files.ours().toString(), "-q", "upgrade", "--sql");
	}

	private static List<String> runner(Setup setup, String jar, String url, String user, Path location) {
		List<String> command = new ArrayList<>(List.of(setup.java()));
		command.addAll(runnerArguments(setup, jar, url, user, location));
		return command;
	}

	private static List<String> runnerArguments(Setup setup, String jar, String url, String user, Path location) {
		return List.of("-jar", setup.jar(jar).toString(), url, user, location.toString());
	}

	/**
	 * A JVM that connects with JDBC and runs {@code SELECT 1}: the floor of any JVM
	 * tool's no-op.
	 */
	static List<String> jvmFloor(Setup setup) {
		List<String> command = new ArrayList<>(List.of(setup.java()));
		command.addAll(jvmFloorArguments(setup));
		return command;
	}

	private static List<String> jvmFloorArguments(Setup setup) {
		return List.of("-jar", setup.jar("bench-jdbc.jar").toString(), setup.server().url("postgres"),
				setup.server().user(), "-");
	}

	/**
	 * The same floor in a JVM started with our CLI launcher's options, to compare with
	 * {@link #OURS_API_CLI_JVM}.
	 */
	static List<String> jvmFloorWithCliOptions(Setup setup) {
		List<String> command = new ArrayList<>(List.of(setup.java()));
		command.addAll(setup.launcherJvmOptions());
		command.addAll(jvmFloorArguments(setup));
		return command;
	}

	/**
	 * {@code migrations --version} through the launcher: what our CLI costs before it
	 * touches a database (JVM start, command-line parsing).
	 */
	static List<String> cliFloor(Setup setup) {
		return List.of("sh", setup.launcher().toString(), "--version");
	}

	/**
	 * {@code psql -c 'SELECT 1'}: the floor of any client.
	 */
	static List<String> psqlFloor(Setup setup) {
		return List.of(setup.psql(), "-X", "-q", "-h", setup.server().host(), "-p",
				Integer.toString(setup.server().port()), "-U", setup.server().user(), "-d", "postgres", "-c",
				"SELECT 1");
	}

	/**
	 * Where the tools are.
	 */
	record Setup(PostgresServer server, String java, Path jarDirectory, Path cliJar, String psql) {

		private static final Pattern LAUNCHER_OPTIONS = Pattern.compile("\\$\\{JAVA_OPTS:-([^}]*)}");

		/**
		 * The {@code migrations} launcher that the build writes beside the CLI jar.
		 */
		Path launcher() {
			return this.cliJar.resolveSibling("migrations");
		}

		Path jar(String name) {
			return this.jarDirectory.resolve(name);
		}

		/**
		 * The JVM options the launcher uses when {@code JAVA_OPTS} is not set, read from
		 * the launcher itself so that the two cannot drift apart.
		 */
		List<String> launcherJvmOptions() {
			try {
				Matcher options = LAUNCHER_OPTIONS.matcher(Files.readString(launcher()));
				if (!options.find()) {
					throw new IllegalStateException("No ${JAVA_OPTS:-...} default in " + launcher());
				}
				return List.of(options.group(1).strip().split("\\s+"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
