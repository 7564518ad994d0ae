package io.github.migrations.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "current", mixinStandardHelpOptions = true,
		description = "Display the current revision(s) of the database.")
final class CurrentCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	boolean verbose;

	@Override
	int execute() {
		Migrator migrator = migrator();
		List<String> current = migrator.current();
		if (json()) {
			printJson(Map.of("current", current));
			return 0;
		}
		RevisionGraph graph = migrator.graph();
		RevisionFormat format = new RevisionFormat(graph, new HashSet<>(current));
		for (String id : current) {
			RevisionId revisionId = RevisionId.isValid(id) ? RevisionId.of(id) : null;
			if (revisionId == null || !graph.contains(revisionId)) {
				out().println(id + " (unknown: no script declares it)");
			}
			else if (this.verbose) {
				out().print(format.verbose(graph.get(revisionId), true));
			}
			else {
				out().println(id + format.tags(graph.get(revisionId), false));
			}
		}
		return 0;
	}

}
