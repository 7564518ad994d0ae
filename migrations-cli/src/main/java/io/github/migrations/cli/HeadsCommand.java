package io.github.migrations.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The heads of the scripts, read without a database as Alembic does: a head that another
 * revision depends on is an "(effective head)".
 */
@Command(name = "heads", mixinStandardHelpOptions = true,
		description = "Show the current heads of the revision scripts.")
final class HeadsCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each head in full.")
	boolean verbose;

	@Option(names = "--resolve-dependencies",
			description = "Leave out the heads that another revision depends on (what alembic_version holds at the end).")
	boolean resolveDependencies;

	@Override
	int execute() {
		RevisionGraph graph = settings().offlineMigrator().graph();
		List<RevisionId> heads = this.resolveDependencies ? graph.realHeads() : graph.heads();
		if (json()) {
			printJson(Map.of("heads", values(heads)));
			return 0;
		}
		RevisionFormat format = new RevisionFormat(graph, Set.of());
		for (RevisionId head : heads) {
			out().print(this.verbose ? format.verbose(graph.get(head), null) : format.head(graph.get(head)) + "\n");
		}
		return 0;
	}

}
