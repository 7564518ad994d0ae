package io.github.migrations.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Direction;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.run.MigrationListener;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every command shares: the global options (given before or after the command's
 * name), the output streams, and the migrator they configure.
 */
abstract class CliCommand implements Callable<Integer> {

	@ParentCommand
	MigrationsCli root;

	@Mixin
	GlobalOptions local = new GlobalOptions();

	private CliSettings settings;

	@Override
	public final Integer call() throws Exception {
		// the engine logs: SLF4J must have started on the preinitializer's thread, if
		// that thread was started, or this thread's events are queued and replayed with a
		// warning on stderr
		BackgroundPreinitializer.awaitLogging();
		String textOnly = textOnly();
		if (textOnly != null && json()) {
			throw new CliException("%s, so --json does not apply to it.".formatted(textOnly),
					"Leave out --json; current, heads, history, check, stamp, repair, lint, drift, stairway, upgrade "
							+ "and downgrade print JSON with it.");
		}
		return execute();
	}

	abstract int execute() throws Exception;

	/**
	 * What this command prints when it has no JSON form, for the error that refuses
	 * {@code --json} rather than ignore it; {@code null} when it has one.
	 */
	@Nullable String textOnly() {
		return null;
	}

	CliSettings settings() {
		if (this.settings == null) {
			this.settings = new CliSettings(merged(), this.root.environment, this.root.workingDirectory,
					this.root.passwordPrompt);
		}
		return this.settings;
	}

	private GlobalOptions merged() {
		GlobalOptions global = this.root.options;
		GlobalOptions merged = new GlobalOptions();
		merged.url = (this.local.url != null) ? this.local.url : global.url;
		merged.username = (this.local.username != null) ? this.local.username : global.username;
		merged.password = (this.local.password != null) ? this.local.password : global.password;
		merged.locations = (this.local.locations != null) ? this.local.locations : global.locations;
		merged.schema = (this.local.schema != null) ? this.local.schema : global.schema;
		merged.config = (this.local.config != null) ? this.local.config : global.config;
		merged.json = this.local.json || global.json;
		merged.quiet = this.local.quiet || global.quiet;
		return merged;
	}

	/**
	 * The {@code host:port} this command connects to, once its settings are read.
	 */
	@Nullable String server() {
		return (this.settings != null) ? this.settings.server() : null;
	}

	boolean json() {
		return this.local.json || this.root.options.json;
	}

	boolean quiet() {
		return this.local.quiet || this.root.options.quiet;
	}

	PrintStream out() {
		return this.root.out;
	}

	Migrator migrator() {
		// told to the operator who stops a run, whatever the output options
		Interruption interruption = new Interruption(this.root, settings().settings().transactionMode());
		return settings().migrator(MigrationListener.composite(List.of(progress(), interruption)));
	}

	/**
	 * The migrator of a command, or of an option, that reads the database even though the
	 * command has a form that needs none; without a configured database the error says
	 * which part of the command line needs one.
	 * @param what the command or option as typed, for example
	 * {@code 'history --indicate-current'}
	 */
	Migrator databaseMigrator(String what) {
		if (!settings().hasDatabase()) {
			throw new CliException("%s reads the database, and no database URL is configured.".formatted(what),
					CliSettings.NO_URL_HINT);
		}
		return migrator();
	}

	/**
	 * Prints a note on stderr, where it does not mix with results; none with
	 * {@code --quiet} or {@code --json}.
	 */
	void note(String message) {
		if (!quiet() && !json()) {
			this.root.err.println("note: " + message);
		}
	}

	void printJson(Map<String, ?> document) {
		out().println(Json.write(document));
	}

	/**
	 * One line per revision with its duration, on stderr so stdout stays for results;
	 * none with {@code --quiet} or {@code --json}.
	 */
	private MigrationListener progress() {
		if (quiet() || json()) {
			return MigrationListener.NONE;
		}
		ProgressLines progress = this.root.err;
		return new MigrationListener() {

			@Override
			public void waitingForLock(String message) {
				progress.println(message + ".");
			}

			@Override
			public void beforeStep(MigrationStep step) {
				String message = step.revision().message();
				progress.start("%s %s%s ... ".formatted(
						(step.direction() == Direction.UPGRADE) ? "Upgrading to" : "Downgrading", step.revision().id(),
						(message != null) ? " (" + message + ")" : ""));
			}

			@Override
			public void afterStep(MigrationStep step, Duration duration) {
				progress.finish("done in %d ms".formatted(duration.toMillis()));
			}

			@Override
			public void recordedWithoutRunning(List<RevisionId> revisions, String reason) {
				progress.println("Recorded %s as applied without running %s: %s"
					.formatted(String.join(", ", values(revisions)), (revisions.size() == 1) ? "it" : "them", reason));
			}

		};
	}

	static List<String> values(List<?> ids) {
		return ids.stream().map(Object::toString).toList();
	}

}
