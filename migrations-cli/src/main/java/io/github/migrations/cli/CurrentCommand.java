package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where the database stands; a non-transactional revision that was interrupted is shown
 * as interrupted, not as applied.
 */
@Command(name = "current", mixinStandardHelpOptions = true,
		description = "Display the current revision(s) of the database.")
final class CurrentCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" },
			description = "Show each revision in full, and the applied branch heads that another branch's depends_on covers.")
	boolean verbose;

	@Override
	int execute() {
		Migrator migrator = migrator();
		List<String> current = migrator.current();
		Map<String, AppliedRevision> rows = new LinkedHashMap<>();
		migrator.appliedRevisions().forEach((row) -> rows.put(row.revision(), row));
		List<AppliedRevision> interrupted = rows.values()
			.stream()
			.filter((row) -> row.state() != AppliedState.APPLIED)
			.toList();
		// the engine tells a revision marked upgrading or downgrading as being run, not
		// interrupted, while another session holds the migration lock: telling the
		// operator to check and stamp it would have them undo a live run's work
		List<HistoryMismatchException.Problem> inProgress = RevisionFormat.inProgress(migrator, interrupted);
		Set<String> running = RevisionFormat.running(inProgress);
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("current", current);
			document.put("interrupted",
					interrupted.stream()
						.filter((row) -> !running.contains(row.revision()))
						.map(CurrentCommand::json)
						.toList());
			document.put("running",
					interrupted.stream()
						.filter((row) -> running.contains(row.revision()))
						.map(CurrentCommand::json)
						.toList());
			printJson(document);
			return 0;
		}
		// an interrupted revision stays listed even when it is not a head of the applied
		// set, as its statements may have run in part
		List<String> shown = new ArrayList<>(current);
		interrupted.stream().map(AppliedRevision::revision).filter((id) -> !current.contains(id)).forEach(shown::add);
		RevisionGraph graph = migrator.graph();
		RevisionFormat format = new RevisionFormat(graph, new HashSet<>(current));
		for (String id : shown) {
			RevisionId revisionId = RevisionId.isValid(id) ? RevisionId.of(id) : null;
			AppliedRevision row = rows.get(id);
			if (revisionId == null || !graph.contains(revisionId)) {
				out().println(id + " (unknown: no script declares it)");
			}
			else if (this.verbose) {
				out().print(format.verbose(graph.get(revisionId), RevisionFormat.applied(row, running)));
			}
			else {
				String state = (row == null || row.state() == AppliedState.APPLIED) ? "" : running.contains(id)
						? " (" + RevisionFormat.running(row.state()) + ")"
						: " (" + RevisionFormat.interrupted(row.state()) + ": run 'migrations check' for what to do)";
				out().println(format.current(graph.get(revisionId)) + state);
			}
		}
		if (this.verbose) {
			printCoveredBranchHeads(graph, format, rows, current);
		}
		inProgress.forEach((problem) -> out().println(problem));
		return 0;
	}

	/**
	 * As {@code alembic current} does, the applied tips of branches that a current
	 * revision of another branch covers through {@code depends_on}: applied, yet not
	 * where the database stands.
	 */
	private void printCoveredBranchHeads(RevisionGraph graph, RevisionFormat format, Map<String, AppliedRevision> rows,
			List<String> current) {
		Set<RevisionId> recorded = rows.keySet()
			.stream()
			.filter(RevisionId::isValid)
			.map(RevisionId::of)
			.filter(graph::contains)
			.collect(Collectors.toSet());
		for (RevisionId id : graph.inOrder(recorded)) {
			boolean branchHead = graph.children(id).stream().noneMatch(recorded::contains);
			if (branchHead && !current.contains(id.value()) && rows.get(id.value()).state() == AppliedState.APPLIED) {
				List<String> covering = graph.descendantsOf(Set.of(id))
					.stream()
					.map(RevisionId::value)
					.filter(current::contains)
					.sorted()
					.toList();
				if (!covering.isEmpty()) {
					out().println("Also applied, covered through depends_on by " + String.join(", ", covering) + ":");
					out().print(format.verbose(graph.get(id), RevisionFormat.applied(rows.get(id.value()), Set.of())));
				}
			}
		}
	}

	private static Map<String, String> json(AppliedRevision row) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put("revision", row.revision());
		entry.put("state", row.state().name().toLowerCase(Locale.ROOT));
		return entry;
	}

}
