package io.github.migrations.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

import io.github.migrations.core.HistoryMismatchException;
import io.github.migrations.core.MigrationException;
import io.github.migrations.core.lock.LockTimeoutException;
import io.github.migrations.core.run.MigrationFailedException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code migrations [options] <command> [arguments]}: Alembic's commands against a PostgreSQL
 * database. Exit codes: 0 success; 1 a migration, database or check failure; 2 a usage or
 * configuration error.
 */
@Command(name = "migrations", mixinStandardHelpOptions = true, versionProvider = MigrationsCli.Version.class,
		description = "Alembic-grade schema migrations for PostgreSQL.",
		subcommands = { UpgradeCommand.class, DowngradeCommand.class, CurrentCommand.class, HeadsCommand.class,
				BranchesCommand.class, HistoryCommand.class, ShowCommand.class, StampCommand.class, RevisionCommand.class,
				MergeCommand.class, RepairCommand.class, CheckCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:success", "1:a migration, database or check failure", "2:a usage or configuration error" })
public final class MigrationsCli implements Runnable {

	static final int FAILURE = 1;

	static final int USAGE = 2;

	@Mixin
	GlobalOptions options = new GlobalOptions();

	PrintStream out;

	PrintStream err;

	UnaryOperator<@Nullable String> environment;

	/**
	 * Whether stderr ends with a progress line that a step's end has not finished yet.
	 */
	boolean progressLineOpen;

	MigrationsCli(PrintStream out, PrintStream err, UnaryOperator<@Nullable String> environment) {
		this.out = out;
		this.err = err;
		this.environment = environment;
	}

	public static void main(String[] args) {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
				System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
		System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
		System.exit(run(args, System.out, System.err, System::getenv));
	}

	/**
	 * Runs one command line and returns its exit code; for tests and embedding.
	 */
	public static int run(String[] args, PrintStream out, PrintStream err, UnaryOperator<@Nullable String> environment) {
		MigrationsCli cli = new MigrationsCli(out, err, environment);
		CommandLine commandLine = new CommandLine(cli);
		// '-x' is reported as an invalid target (as '-1' is a valid one), not as a missing or unknown one
		commandLine.getSubcommands().get("upgrade").setUnmatchedOptionsArePositionalParams(true);
		commandLine.getSubcommands().get("downgrade").setUnmatchedOptionsArePositionalParams(true);
		commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
		commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> cli.report(ex));
		return commandLine.execute(args);
	}

	@Override
	public void run() {
		new CommandLine(this).usage(this.out);
	}

	private int report(Exception ex) {
		if (ex instanceof CliException cli) {
			error(cli.getMessage(), cli.hint());
			return USAGE;
		}
		if (ex instanceof MigrationException migration) {
			String hint = migration.hint();
			String message = migration.getMessage();
			if (hint != null && message.endsWith(hint)) {
				message = message.substring(0, message.length() - hint.length()).strip();
			}
			error(message, hint);
			return isFailure(migration) ? FAILURE : USAGE;
		}
		error(ex.getClass().getSimpleName() + ": " + ex.getMessage(), null);
		return FAILURE;
	}

	/**
	 * Migration, database and lock failures exit with 1; a broken script, graph or target, or a
	 * setting the engine refuses (a schema name, a missing location, a downgrade through an
	 * irreversible revision), all inputs to fix, with 2. The engine reports database failures as
	 * plain {@link MigrationException}s caused by an {@link SQLException}.
	 */
	private static boolean isFailure(MigrationException ex) {
		return ex instanceof MigrationFailedException || ex instanceof LockTimeoutException
				|| ex instanceof HistoryMismatchException || (ex.getClass() == MigrationException.class
						&& (ex.getCause() instanceof SQLException || ex.getCause() instanceof InterruptedException));
	}

	void error(String message, @Nullable String hint) {
		if (this.progressLineOpen) {
			this.err.println();
			this.progressLineOpen = false;
		}
		// a last line of defence: a driver or library message may quote a URL with its credentials
		this.err.println("error: " + DatabaseUrl.masked(message));
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
