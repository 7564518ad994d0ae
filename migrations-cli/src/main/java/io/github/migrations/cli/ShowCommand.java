package io.github.migrations.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The revisions a symbol names, in full, read from the scripts alone as Alembic does;
 * only {@code show current} reads the database, and says whether each is applied.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Show revisions in full: a revision, head, heads, base (the first revisions) or current.")
final class ShowCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "REV",
			description = "A revision id, unique prefix or branch label; head, heads, base, current (reads the "
					+ "database), <label>@head, or <rev>+N / <rev>-N.")
	String revision;

	@Override
	String textOnly() {
		return "'migrations show' prints Alembic's text only";
	}

	@Override
	int execute() {
		String symbol = this.revision.strip();
		boolean current = symbol.equals("current");
		Migrator migrator = current ? databaseMigrator("'show current'") : settings().offlineMigrator();
		RevisionGraph graph = migrator.graph();
		Map<String, AppliedRevision> rows = new HashMap<>();
		if (current) {
			migrator.appliedRevisions().forEach((row) -> rows.put(row.revision(), row));
		}
		List<String> ids = current ? migrator.current() : values(revisions(graph, symbol));
		if (ids.isEmpty()) {
			note(current ? "the database is at base: no revision is applied." : "there are no revisions.");
		}
		Set<String> running = RevisionFormat.running(RevisionFormat.inProgress(migrator, rows.values()));
		RevisionFormat format = new RevisionFormat(graph, current ? Set.copyOf(ids) : Set.of());
		for (String id : ids) {
			RevisionId known = RevisionId.isValid(id) ? RevisionId.of(id) : null;
			if (known == null || !graph.contains(known)) {
				out().println(id + " (unknown: no script declares it)");
			}
			else {
				out().print(format.verbose(graph.get(known),
						current ? RevisionFormat.applied(rows.get(id), running) : null));
			}
		}
		return 0;
	}

	/**
	 * What a symbol names in the scripts alone: {@code base} the revisions that start the
	 * graph, {@code heads} every head, and a target that names one revision that
	 * revision. Targets that count from where the database stands name nothing here.
	 */
	private static List<RevisionId> revisions(RevisionGraph graph, String symbol) {
		Target target = Target.parse(symbol);
		TargetResolver resolver = new TargetResolver(graph, Set.of());
		if (target instanceof Target.Base) {
			return graph.bases();
		}
		if (target instanceof Target.Heads) {
			// Alembic's 'heads': those no revision depends on
			return graph.realHeads();
		}
		if (target instanceof Target.Named named) {
			return List.of(resolver.revision(named.name()));
		}
		if (target instanceof Target.Head || target instanceof Target.BranchHead || target instanceof Target.RelativeTo
				|| target instanceof Target.BranchRevision) {
			return graph.headsOf(resolver.toApply(target));
		}
		String below = "a revision such as 'head-1'";
		if (target instanceof Target.Relative relative && relative.steps() < 0) {
			List<RevisionId> heads = graph.realHeads();
			below = (heads.size() == 1)
					? "'migrations show head%d' for the revision below the head".formatted(relative.steps())
					: heads.stream()
						.map((head) -> "'migrations show %s%d'".formatted(head, relative.steps()))
						.collect(Collectors.joining(" or ")) + " for the revision below a head";
		}
		else if (target instanceof Target.BranchRelative branch && branch.steps() < 0) {
			below = "'migrations show %s@head%d' for the revision below the branch's head".formatted(branch.branch(),
					branch.steps());
		}
		throw new CliException(
				"'show %s' counts from where the database stands; show names revisions in the ".formatted(symbol)
						+ "scripts.",
				"Use %s, or 'migrations show current'.".formatted(below));
	}

}
