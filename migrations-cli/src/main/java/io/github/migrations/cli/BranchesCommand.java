package io.github.migrations.cli;

import java.util.Set;

import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The branch points of the scripts and the revisions that follow each, as
 * {@code alembic branches} prints them; reads no database.
 */
@Command(name = "branches", mixinStandardHelpOptions = true,
		description = "Show the branch points of the revision scripts.")
final class BranchesCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" },
			description = "Show each branch point in full, and each next revision's message.")
	boolean verbose;

	@Override
	String textOnly() {
		return "'migrations branches' prints Alembic's text only";
	}

	@Override
	int execute() {
		RevisionGraph graph = settings().offlineMigrator().graph();
		RevisionFormat format = new RevisionFormat(graph, Set.of());
		for (Revision revision : graph.revisions()) {
			if (graph.isBranchPoint(revision.id())) {
				out().println(this.verbose ? format.verbose(revision, null) : format.branch(revision, false));
				String indent = " ".repeat(revision.id().value().length());
				for (RevisionId child : graph.children(revision.id())) {
					out().println(indent + " -> " + format.branch(graph.get(child), this.verbose));
				}
				out().println();
			}
		}
		return 0;
	}

}
