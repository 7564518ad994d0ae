package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.HistoryRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
		description = "List revisions newest first, as 'parents -> rev (head) (mergepoint), message'.")
final class HistoryCommand extends CliCommand {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "RANGE",
			description = "Only revisions in START:END (ids, prefixes, labels, base, head, heads, current; -N below the head as START, +N above START as END; either side may be empty).")
	String range;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's current revisions.")
	boolean indicateCurrent;

	@Override
	int execute() {
		// as in Alembic, only the current marker and a range from or to 'current' read
		// the
		// database; everything else is read from the scripts, even with a URL configured
		String needsDatabase = this.indicateCurrent ? "'history --indicate-current'"
				: namesCurrent() ? "'history -r %s'".formatted(this.range) : null;
		boolean database = needsDatabase != null;
		Migrator migrator = database ? databaseMigrator(needsDatabase) : settings().offlineMigrator();
		RevisionGraph graph = migrator.graph();
		Map<String, AppliedRevision> rows = new HashMap<>();
		Set<String> current = new HashSet<>();
		if (database) {
			migrator.appliedRevisions().forEach((row) -> rows.put(row.revision(), row));
			current.addAll(migrator.current());
		}
		List<Revision> revisions = new ArrayList<>(inRange(graph, current));
		Collections.reverse(revisions);
		if (json()) {
			List<Map<String, Object>> entries = new ArrayList<>();
			for (Revision revision : revisions) {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("revision", revision.id().value());
				entry.put("down_revisions", values(revision.downRevisions()));
				entry.put("branch_labels", revision.branchLabels().stream().sorted().toList());
				entry.put("message", revision.message());
				entry.put("is_head", graph.isHead(revision.id()));
				entry.put("is_merge", revision.isMerge());
				entry.put("is_branch_point", graph.isBranchPoint(revision.id()));
				// an interrupted revision is not applied
				AppliedRevision row = rows.get(revision.id().value());
				entry.put("applied", database ? (row != null && row.state() == AppliedState.APPLIED) : null);
				entries.add(entry);
			}
			printJson(Map.of("revisions", entries));
			return 0;
		}
		RevisionFormat format = new RevisionFormat(graph, current);
		Set<String> running = (this.verbose && database)
				? RevisionFormat.running(RevisionFormat.inProgress(migrator, rows.values())) : Set.of();
		for (Revision revision : revisions) {
			if (this.verbose) {
				out().println(format.verbose(revision,
						database ? RevisionFormat.applied(rows.get(revision.id().value()), running) : null));
			}
			else {
				out().println(format.line(revision, this.indicateCurrent));
			}
		}
		return 0;
	}

	private boolean namesCurrent() {
		if (this.range == null) {
			return false;
		}
		int colon = this.range.indexOf(':');
		return colon >= 0 && (this.range.substring(0, colon).strip().equals("current")
				|| this.range.substring(colon + 1).strip().equals("current"));
	}

	private List<Revision> inRange(RevisionGraph graph, Set<String> current) {
		if (this.range == null || this.range.isBlank()) {
			return graph.revisions();
		}
		int colon = this.range.indexOf(':');
		if (colon < 0) {
			throw new CliException("Range '%s' has no ':'.".formatted(this.range), HistoryRange.FORMS);
		}
		List<RevisionId> currentIds = current.stream().filter(RevisionId::isValid).map(RevisionId::of).toList();
		return new HistoryRange(graph, currentIds)
			.between(this.range.substring(0, colon), this.range.substring(colon + 1))
			.stream()
			.map(graph::get)
			.toList();
	}

}
