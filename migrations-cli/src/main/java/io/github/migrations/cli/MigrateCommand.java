package io.github.migrations.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Direction;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Shared by {@code upgrade} and {@code downgrade}: run, or render the SQL with
 * {@code --sql}.
 */
abstract class MigrateCommand extends CliCommand {

	@Option(names = "--sql",
			description = "Print the SQL that would run, version-store statements included, instead of running it. "
					+ "With FROM:TO no database is needed.")
	boolean sql;

	abstract Direction direction();

	abstract String target();

	@Override
	int execute() {
		String text = target();
		if (text.startsWith("--")) {
			String command = (direction() == Direction.UPGRADE) ? "upgrade" : "downgrade";
			throw new CliException("Unknown option '%s'.".formatted(text),
					"Run 'migrations %s --help' to see its options.".formatted(command));
		}
		if (this.sql) {
			return renderSql(text);
		}
		Target target = Target.parse(text);
		Migrator migrator = migrator();
		MigrationResult result = (direction() == Direction.UPGRADE) ? migrator.upgrade(target)
				: migrator.downgrade(target);
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("applied", values(result.revisions()));
			document.put("current", values(result.to()));
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
		Migrator migrator = (from != null) ? settings().offlineMigrator() : migrator();
		out().print(migrator.sql(direction(), from, to));
		out().flush();
		return 0;
	}

}
