package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;

/**
 * Alembic's ways of printing a revision: one line ({@code a1 -> b2 (head), message}) or
 * the verbose block of {@code history --verbose} and {@code show}.
 */
final class RevisionFormat {

	private final RevisionGraph graph;

	private final Set<String> current;

	RevisionFormat(RevisionGraph graph, Set<String> current) {
		this.graph = graph;
		this.current = current;
	}

	String line(Revision revision, boolean indicateCurrent) {
		String parents = revision.isBase() ? "<base>" : ids(revision.downRevisions());
		return "%s -> %s%s, %s".formatted(parents, revision.id(), tags(revision, indicateCurrent),
				(revision.message() != null) ? revision.message() : "");
	}

	String tags(Revision revision, boolean indicateCurrent) {
		List<String> tags = new ArrayList<>();
		if (!revision.branchLabels().isEmpty()) {
			tags.add("(" + String.join(", ", revision.branchLabels().stream().sorted().toList()) + ")");
		}
		if (this.graph.isHead(revision.id())) {
			tags.add("(head)");
		}
		if (indicateCurrent && this.current.contains(revision.id().value())) {
			tags.add("(current)");
		}
		if (revision.isMerge()) {
			tags.add("(mergepoint)");
		}
		if (this.graph.isBranchPoint(revision.id())) {
			tags.add("(branchpoint)");
		}
		return tags.isEmpty() ? "" : " " + String.join(" ", tags);
	}

	String verbose(Revision revision, boolean applied) {
		return verbose(revision, applied ? "yes" : "no");
	}

	/**
	 * The verbose block with the given answer on its {@code Applied:} line, as made by
	 * {@link #applied(AppliedRevision)}.
	 */
	String verbose(Revision revision, String applied) {
		StringBuilder text = new StringBuilder();
		text.append("Rev: ").append(revision.id()).append(tags(revision, true)).append('\n');
		if (revision.isMerge()) {
			text.append("Merges: ").append(ids(revision.downRevisions())).append('\n');
		}
		else {
			text.append("Parent: ").append(revision.isBase() ? "<base>" : ids(revision.downRevisions())).append('\n');
		}
		if (this.graph.isBranchPoint(revision.id())) {
			text.append("Branches into: ").append(ids(this.graph.children(revision.id()))).append('\n');
		}
		if (!revision.branchLabels().isEmpty()) {
			text.append("Branch names: ")
				.append(String.join(", ", revision.branchLabels().stream().sorted().toList()))
				.append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		text.append("Path: ").append(revision.source()).append('\n');
		text.append("Applied: ").append(applied).append('\n');
		text.append('\n')
			.append("    ")
			.append((revision.message() != null) ? revision.message() : "(no message)")
			.append('\n');
		return text.toString();
	}

	/**
	 * Whether the database has a revision, from its row of the applied set: {@code yes},
	 * {@code no} without a row, or {@code no (interrupted while upgrading)} when a
	 * non-transactional revision did not finish.
	 */
	static String applied(@Nullable AppliedRevision row) {
		if (row == null) {
			return "no";
		}
		return (row.state() == AppliedState.APPLIED) ? "yes" : "no (" + interrupted(row.state()) + ")";
	}

	/**
	 * {@code interrupted while upgrading} or {@code interrupted while downgrading}.
	 */
	static String interrupted(AppliedState state) {
		return "interrupted while " + state.name().toLowerCase(Locale.ROOT);
	}

	static String ids(List<RevisionId> ids) {
		return ids.stream().map(RevisionId::value).collect(Collectors.joining(", "));
	}

}
