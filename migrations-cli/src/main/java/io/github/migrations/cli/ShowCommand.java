package io.github.migrations.cli;

import java.util.Set;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.TargetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one revision in full.")
final class ShowCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "REV", description = "A revision id, unique prefix or branch label.")
	String revision;

	@Override
	int execute() {
		boolean database = settings().hasDatabase();
		Migrator migrator = database ? migrator() : settings().offlineMigrator();
		RevisionGraph graph = migrator.graph();
		RevisionId id = new TargetResolver(graph, Set.of()).revision(this.revision);
		AppliedRevision row = database ? migrator.appliedRevisions()
			.stream()
			.filter((applied) -> applied.revision().equals(id.value()))
			.findFirst()
			.orElse(null) : null;
		out().print(new RevisionFormat(graph, Set.of()).verbose(graph.get(id),
				database ? RevisionFormat.applied(row) : "unknown (no database)"));
		return 0;
	}

}
