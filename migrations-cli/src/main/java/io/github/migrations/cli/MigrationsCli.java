package io.github.migrations.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.AlembicDatabaseException;
import io.github.migrations.core.database.LockTimeoutException;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.run.MigrationFailedException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code migrations [options] <command> [arguments]}: Alembic's commands against a
 * PostgreSQL database. Exit codes: 0 success; 1 a migration, database or check failure; 2
 * a usage or configuration error.
 */
@Command(name = "migrations", mixinStandardHelpOptions = true, versionProvider = MigrationsCli.Version.class,
		description = "Alembic-grade schema migrations for PostgreSQL.", exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:success", "1:a migration, database or check failure", "2:a usage or configuration error" })
public final class MigrationsCli implements Runnable {

	/**
	 * The commands, in help order. Only those named on the command line are made and
	 * registered, since loading each command's class and building its model by reflection
	 * costs start-up time.
	 */
	private static final List<String> COMMANDS = List.of("init", "upgrade", "downgrade", "current", "heads", "branches",
			"history", "show", "stamp", "revision", "merge", "repair", "check", "lint", "diff", "drift", "stairway");

	static final int FAILURE = 1;

	static final int USAGE = 2;

	@Mixin
	GlobalOptions options = new GlobalOptions();

	@Spec
	CommandSpec spec;

	PrintStream out;

	ProgressLines err;

	UnaryOperator<@Nullable String> environment;

	Path workingDirectory = Path.of("");

	/**
	 * What asks for the password of a {@code --password} given without a value.
	 */
	PasswordPrompt passwordPrompt;

	/**
	 * Whether errors are printed as JSON on stdout, as {@code --json} asks.
	 */
	boolean jsonErrors;

	MigrationsCli(PrintStream out, PrintStream err, UnaryOperator<@Nullable String> environment) {
		this.out = out;
		this.err = ProgressLines.over(err);
		this.environment = environment;
	}

	public static void main(String[] args) {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
				System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
		System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
		// before anything loads the driver, whose warnings may quote the URL
		DriverLogging.install();
		BackgroundPreinitializer.start();
		// what the engine logs while a progress line is open starts on a line of its own
		ProgressLines err = ProgressLines.over(System.err);
		System.setErr(err);
		System.exit(run(args, System.out, err, System::getenv));
	}

	/**
	 * Runs one command line and returns its exit code; for tests and embedding.
	 */
	public static int run(String[] args, PrintStream out, PrintStream err,
			UnaryOperator<@Nullable String> environment) {
		return run(args, out, err, environment, Path.of(""));
	}

	/**
	 * Runs one command line as if started in {@code workingDirectory}, where a
	 * configuration file is looked for.
	 */
	static int run(String[] args, PrintStream out, PrintStream err, UnaryOperator<@Nullable String> environment,
			Path workingDirectory) {
		return run(args, System.console(), System.in, out, err, environment, workingDirectory);
	}

	/**
	 * Runs one command line as if started in {@code workingDirectory}, with the terminal
	 * ({@code null} when there is none) and standard input that {@code --password}
	 * without a value reads.
	 */
	static int run(String[] args, @Nullable Console console, InputStream in, PrintStream out, PrintStream err,
			UnaryOperator<@Nullable String> environment, Path workingDirectory) {
		MigrationsCli cli = new MigrationsCli(out, err, environment);
		cli.workingDirectory = workingDirectory;
		cli.passwordPrompt = new PasswordPrompt(console, in, cli.err);
		CommandLine commandLine = new CommandLine(cli);
		List<String> named = Arrays.stream(args).filter(COMMANDS::contains).distinct().toList();
		(named.isEmpty() ? COMMANDS : named).forEach((name) -> commandLine.addSubcommand(command(name)));
		// '-x' is reported as an invalid target (as '-1' is a valid one), not as a
		// missing or unknown one
		for (String name : List.of("upgrade", "downgrade")) {
			CommandLine command = commandLine.getSubcommands().get(name);
			if (command != null) {
				command.setUnmatchedOptionsArePositionalParams(true);
			}
		}
		commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
		commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
		commandLine.setParameterExceptionHandler((ex, arguments) -> {
			cli.jsonErrors = Arrays.asList(arguments).contains("--json");
			cli.error(UsageErrors.problem(ex), UsageErrors.hint(ex));
			return USAGE;
		});
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			cli.jsonErrors = wantsJson(parsed);
			ConnectionFailure unreachable = ConnectionFailure.of(ex, server(parsed));
			if (unreachable != null) {
				cli.error(unreachable.problem(), unreachable.hint());
				return FAILURE;
			}
			return cli.report(ex);
		});
		return commandLine.execute(args);
	}

	private static Object command(String name) {
		return switch (name) {
			case "init" -> new InitCommand();
			case "upgrade" -> new UpgradeCommand();
			case "downgrade" -> new DowngradeCommand();
			case "current" -> new CurrentCommand();
			case "heads" -> new HeadsCommand();
			case "branches" -> new BranchesCommand();
			case "history" -> new HistoryCommand();
			case "show" -> new ShowCommand();
			case "stamp" -> new StampCommand();
			case "revision" -> new RevisionCommand();
			case "merge" -> new MergeCommand();
			case "repair" -> new RepairCommand();
			case "check" -> new CheckCommand();
			case "lint" -> new LintCommand();
			case "diff" -> new DiffCommand();
			case "drift" -> new DriftCommand();
			case "stairway" -> new StairwayCommand();
			default -> throw new IllegalArgumentException("No command " + name);
		};
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(this.out);
	}

	private int report(Exception ex) {
		if (ex instanceof CliException cli) {
			error(cli.getMessage(), cli.hint());
			return USAGE;
		}
		if (ex instanceof MigrationException migration) {
			String description = migration.description();
			error(description.endsWith(".") || description.endsWith(":") ? description : description + ".",
					hint(migration));
			return isFailure(migration) ? FAILURE : USAGE;
		}
		error(ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		return FAILURE;
	}

	/**
	 * Migration, database and lock failures, and a database whose history the files do
	 * not match (an Alembic database not adopted yet included), exit with 1; a broken
	 * script, graph or target, or a setting the engine refuses (a schema name, a missing
	 * location, a downgrade through an irreversible revision), all inputs to fix, with 2.
	 * The engine reports database failures as plain {@link MigrationException}s caused by
	 * an {@link SQLException}.
	 */
	private static boolean isFailure(MigrationException ex) {
		return ex instanceof MigrationFailedException || ex instanceof LockTimeoutException
				|| ex instanceof HistoryMismatchException || ex instanceof AlembicDatabaseException
				|| (ex.getClass() == MigrationException.class
						&& (ex.getCause() instanceof SQLException || ex.getCause() instanceof InterruptedException));
	}

	/**
	 * The engine's hint, with the setting it names spelled as the command line sets it.
	 */
	static @Nullable String hint(MigrationException ex) {
		String hint = ex.hint();
		if (hint != null && ex instanceof MigrationFailedException failed && failed.interrupted() != null) {
			MigrationFailedException.Interrupted interrupted = failed.interrupted();
			hint = "%s Finished by hand: run 'migrations stamp %s'; undone: run 'migrations stamp %s'.".formatted(hint,
					String.join(" ", interrupted.stampIfFinished()), String.join(" ", interrupted.stampIfUndone()));
		}
		String setting = ex.setting();
		return (hint == null || setting == null) ? hint : hint + " " + settingAdvice(setting);
	}

	/**
	 * How to set a setting the engine names ({@code lock-timeout}) from the command line:
	 * its option, else its key in the {@code --config} file or its environment variable.
	 */
	static String settingAdvice(String setting) {
		String key = "'app.migrations.%s' in the --config file".formatted(setting);
		if (setting.startsWith("placeholders.")) {
			// read from the files only
			return "Setting: %s.".formatted(key);
		}
		// an operator with no configuration file (DATABASE_URL only, a container) sets it
		// in the environment, as Spring Boot would read it there
		String variable = "environment variable APP_MIGRATIONS_"
				+ setting.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
		if (setting.equals("alembic-version-table")) {
			return "Option: --alembic-version-table of 'stamp --from-alembic' (or %s, or %s).".formatted(key, variable);
		}
		if (setting.equals("locations") || setting.equals("schema")) {
			return "Option: --%s (or %s, or %s).".formatted(setting, key, variable);
		}
		return "Setting: %s (or %s).".formatted(key, variable);
	}

	private static @Nullable String server(CommandLine.ParseResult parsed) {
		CommandLine.ParseResult command = parsed.subcommand();
		return (command != null && command.commandSpec().userObject() instanceof CliCommand cli) ? cli.server() : null;
	}

	private static boolean wantsJson(CommandLine.ParseResult parsed) {
		for (CommandLine.ParseResult result = parsed; result != null; result = result.subcommand()) {
			if (result.hasMatchedOption("--json")) {
				return true;
			}
		}
		return false;
	}

	void error(String message, @Nullable String hint) {
		if (this.jsonErrors) {
			Map<String, @Nullable String> document = new LinkedHashMap<>();
			document.put("error", Secrets.mask(message));
			document.put("hint", hint);
			this.out.println(Json.write(document));
			return;
		}
		// a last line of defence: a driver or library message may quote a URL with its
		// credentials
		this.err.println("error: " + Secrets.mask(message));
		if (hint != null) {
			this.err.println("hint: " + hint);
		}
	}

	/**
	 * The version from the jar's manifest.
	 */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MigrationsCli.class.getPackage().getImplementationVersion();
			return new String[] { "migrations " + ((version != null) ? version : "development") };
		}

	}

}
