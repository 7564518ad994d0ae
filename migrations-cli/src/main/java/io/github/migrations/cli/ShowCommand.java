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
		boolean applied = database
				&& migrator.appliedRevisions().stream().map(AppliedRevision::revision).anyMatch(id.value()::equals);
		out().print(new RevisionFormat(graph, Set.of()).verbose(graph.get(id), applied));
		return 0;
	}

}
