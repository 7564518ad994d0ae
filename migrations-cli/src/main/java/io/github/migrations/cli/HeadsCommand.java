package io.github.migrations.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The heads of the scripts, read without a database as Alembic does; with
 * {@code --verbose} and a configured database, whether each head is applied.
 */
@Command(name = "heads", mixinStandardHelpOptions = true,
		description = "Show the current heads of the revision scripts.")
final class HeadsCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" },
			description = "Show each head in full, and whether it is applied when a database is configured.")
	boolean verbose;

	@Override
	int execute() {
		boolean database = this.verbose && !json() && settings().hasDatabase();
		Migrator migrator = database ? migrator() : settings().offlineMigrator();
		RevisionGraph graph = migrator.graph();
		if (json()) {
			printJson(Map.of("heads", values(graph.heads())));
			return 0;
		}
		Map<String, AppliedRevision> rows = new HashMap<>();
		Set<String> current = new HashSet<>();
		if (database) {
			migrator.appliedRevisions().forEach((row) -> rows.put(row.revision(), row));
			current.addAll(migrator.current());
		}
		RevisionFormat format = new RevisionFormat(graph, current);
		for (RevisionId head : graph.heads()) {
			if (this.verbose) {
				String applied = database ? RevisionFormat.applied(rows.get(head.value())) : "unknown (no database)";
				out().print(format.verbose(graph.get(head), applied));
			}
			else {
				out().println(head + format.tags(graph.get(head), false));
			}
		}
		return 0;
	}

}
