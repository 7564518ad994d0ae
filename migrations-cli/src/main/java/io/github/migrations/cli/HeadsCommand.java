package io.github.migrations.cli;

import java.util.Map;
import java.util.Set;

import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "heads", mixinStandardHelpOptions = true,
		description = "Show the current heads of the revision scripts.")
final class HeadsCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each head in full.")
	boolean verbose;

	@Override
	int execute() {
		RevisionGraph graph = settings().offlineMigrator().graph();
		if (json()) {
			printJson(Map.of("heads", values(graph.heads())));
			return 0;
		}
		RevisionFormat format = new RevisionFormat(graph, Set.of());
		for (RevisionId head : graph.heads()) {
			out().print(this.verbose ? format.verbose(graph.get(head), false)
					: head + format.tags(graph.get(head), false) + "\n");
		}
		return 0;
	}

}
