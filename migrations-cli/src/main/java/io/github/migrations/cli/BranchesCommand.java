package io.github.migrations.cli;

import java.util.Set;

import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import picocli.CommandLine.Command;

@Command(name = "branches", mixinStandardHelpOptions = true,
		description = "Show the branch points of the revision scripts.")
final class BranchesCommand extends CliCommand {

	@Override
	int execute() {
		RevisionGraph graph = settings().offlineMigrator().graph();
		RevisionFormat format = new RevisionFormat(graph, Set.of());
		for (Revision revision : graph.revisions()) {
			if (graph.isBranchPoint(revision.id())) {
				out().println(format.line(revision, false));
				graph.children(revision.id())
					.forEach((child) -> out().println("    -> " + child + format.tags(graph.get(child), false) + ", "
							+ ((graph.get(child).message() != null) ? graph.get(child).message() : "")));
			}
		}
		return 0;
	}

}
