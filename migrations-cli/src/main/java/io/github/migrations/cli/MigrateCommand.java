package io.github.migrations.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.revision.Spelling;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shared by {@code upgrade} and {@code downgrade}: run, or render the SQL with
 * {@code --sql}.
 */
abstract class MigrateCommand extends CliCommand {

	@Spec
	CommandSpec spec;

	@Option(names = "--sql",
			description = "Print the SQL that would run, version-store statements included, instead of running it. "
					+ "With FROM:TO no database is needed.")
	boolean sql;

	abstract Direction direction();

	abstract String target();

	@Override
	@Nullable String textOnly() {
		return this.sql ? "'migrations %s --sql' prints a SQL script"
			.formatted((direction() == Direction.UPGRADE) ? "upgrade" : "downgrade") : null;
	}

	@Override
	int execute() {
		String text = target();
		if (text.startsWith("--")) {
			String command = (direction() == Direction.UPGRADE) ? "upgrade" : "downgrade";
			String option = UsageErrors.optionName(text);
			List<String> names = this.spec.options().stream().flatMap((known) -> Arrays.stream(known.names())).toList();
			List<String> closest = Spelling.closest(option, names);
			throw new CliException("Unknown option '%s'.".formatted(option),
					(closest.isEmpty() ? "" : "Did you mean '%s'? ".formatted(closest.get(0)))
							+ "Run 'migrations %s --help' to see its options.".formatted(command));
		}
		if (this.sql) {
			return renderSql(text);
		}
		if (text.contains(":")) {
			String command = (direction() == Direction.UPGRADE) ? "upgrade" : "downgrade";
			throw new CliException("'%s' is a range (FROM:TO), which only --sql takes.".formatted(text),
					"Run 'migrations %s --sql %s' to print its SQL, or name one target, such as 'head'."
						.formatted(command, Secrets.mask(text)));
		}
		Target target = Target.parse(text);
		Migrator migrator = migrator();
		MigrationResult result = (direction() == Direction.UPGRADE) ? migrator.upgrade(target)
				: migrator.downgrade(target);
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put((direction() == Direction.UPGRADE) ? "applied" : "downgraded", values(result.revisions()));
			document.put("current", result.current());
			printJson(document);
		}
		else {
			out().println(result.summary());
		}
		return 0;
	}

	private int renderSql(String text) {
		int colon = text.indexOf(':');
		@Nullable Target from = (colon >= 0) ? Target.parse(text.substring(0, colon)) : null;
		Target to = Target.parse((colon >= 0) ? text.substring(colon + 1) : text);
		if (from == null && !settings().hasDatabase()) {
			from = startWithoutDatabase(text);
		}
		Migrator migrator = (from != null) ? settings().offlineMigrator() : migrator();
		out().print(migrator.sql(direction(), from, to));
		out().flush();
		return 0;
	}

	/**
	 * Where a script without a range starts when no database can say: an upgrade from
	 * base, as Alembic's offline mode does, said on stderr so that nobody runs it on a
	 * database that is not empty by mistake; a downgrade has no such start.
	 */
	private Target startWithoutDatabase(String text) {
		if (direction() == Direction.DOWNGRADE) {
			throw new CliException(
					"'downgrade --sql %s' starts from where the database stands, and no database URL is configured."
						.formatted(text),
					"Give the range as FROM:TO, for example 'migrations downgrade --sql head:%s', or pass --url."
						.formatted(text));
		}
		note("no database is configured, so the script starts from base (an empty database), as "
				+ "'alembic upgrade --sql' does; give FROM:TO, for example 'base:%s', or --url to start elsewhere."
					.formatted(text));
		return Target.base();
	}

}
