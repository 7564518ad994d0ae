package io.github.migrations.cli;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;

/**
 * Alembic's ways of printing a revision: the line of {@code history}
 * ({@code a1 (e1) -> b2 (shop) (head), message}), of {@code heads} and {@code branches},
 * and the verbose block of {@code history --verbose} and {@code show}. Branch labels are
 * those Alembic shows ({@link RevisionGraph#shownLabels}), inherited ones included.
 */
final class RevisionFormat {

	private final RevisionGraph graph;

	private final Set<String> current;

	RevisionFormat(RevisionGraph graph, Set<String> current) {
		this.graph = graph;
		this.current = current;
	}

	/**
	 * The line of {@code history}: parents, what it depends on, the revision, its labels
	 * and markers, and its message.
	 */
	String line(Revision revision, boolean indicateCurrent) {
		String parents = revision.isBase() ? "<base>" : ids(revision.downRevisions());
		if (!revision.dependsOn().isEmpty()) {
			parents += " (" + String.join(", ", revision.dependsOn()) + ")";
		}
		return "%s -> %s%s, %s".formatted(parents, revision.id(),
				labels(revision) + heads(revision, indicateCurrent) + tree(revision),
				(revision.message() != null) ? revision.message() : "");
	}

	/**
	 * The line of {@code heads}: the revision, its labels and whether it is a head or an
	 * effective head (one that another revision depends on).
	 */
	String head(Revision revision) {
		return revision.id() + labels(revision) + heads(revision, false);
	}

	/**
	 * A line of {@code branches}: the revision, its labels and every marker, and its
	 * message when asked.
	 */
	String branch(Revision revision, boolean message) {
		return revision.id() + labels(revision) + heads(revision, false) + tree(revision)
				+ (message ? ", " + ((revision.message() != null) ? revision.message() : "") : "");
	}

	/**
	 * A line of {@code current}: the revision and its markers, without labels, as
	 * {@code alembic current} prints it.
	 */
	String current(Revision revision) {
		return revision.id() + heads(revision, false) + tree(revision);
	}

	private String labels(Revision revision) {
		Set<String> labels = this.graph.shownLabels(revision.id());
		return labels.isEmpty() ? "" : " (" + String.join(", ", labels) + ")";
	}

	private String heads(Revision revision, boolean indicateCurrent) {
		String text = "";
		if (this.graph.isHead(revision.id())) {
			text += this.graph.isEffectiveHead(revision.id()) ? " (effective head)" : " (head)";
		}
		if (indicateCurrent && this.current.contains(revision.id().value())) {
			text += " (current)";
		}
		return text;
	}

	private String tree(Revision revision) {
		return (this.graph.isBranchPoint(revision.id()) ? " (branchpoint)" : "")
				+ (revision.isMerge() ? " (mergepoint)" : "");
	}

	/**
	 * The verbose block, as Alembic prints it; with an answer on an {@code Applied:} line
	 * (made by {@link #applied(AppliedRevision, Set)}) when the command read the
	 * database.
	 */
	String verbose(Revision revision, @Nullable String applied) {
		StringBuilder text = new StringBuilder();
		text.append("Rev: ")
			.append(revision.id())
			.append(this.graph.isHead(revision.id()) ? " (head)" : "")
			.append(tree(revision))
			.append(this.current.contains(revision.id().value()) ? " (current)" : "")
			.append('\n');
		if (revision.isMerge()) {
			text.append("Merges: ").append(ids(revision.downRevisions())).append('\n');
		}
		else {
			text.append("Parent: ").append(revision.isBase() ? "<base>" : ids(revision.downRevisions())).append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		if (this.graph.isBranchPoint(revision.id())) {
			text.append("Branches into: ").append(ids(this.graph.children(revision.id()))).append('\n');
		}
		Set<String> labels = this.graph.shownLabels(revision.id());
		if (!labels.isEmpty()) {
			text.append("Branch names: ").append(String.join(", ", labels)).append('\n');
		}
		text.append("Path: ").append(revision.source()).append('\n');
		if (applied != null) {
			text.append("Applied: ").append(applied).append('\n');
		}
		text.append('\n')
			.append("    ")
			.append((revision.message() != null) ? revision.message() : "(no message)")
			.append('\n');
		return text.toString();
	}

	/**
	 * Whether the database has a revision, from its row of the applied set: {@code yes},
	 * {@code no} without a row, {@code no (interrupted while upgrading)} when a
	 * non-transactional revision did not finish, or {@code no (being upgraded right now:
	 * ...)} while the engine tells it in progress.
	 * @param running the revisions the engine tells in progress ({@link #running})
	 */
	static String applied(@Nullable AppliedRevision row, Set<String> running) {
		if (row == null) {
			return "no";
		}
		if (row.state() == AppliedState.APPLIED) {
			return "yes";
		}
		return "no (" + (running.contains(row.revision()) ? running(row.state()) : interrupted(row.state())) + ")";
	}

	/**
	 * The revisions marked as running that the engine tells in progress (another session
	 * holds the migration lock and runs them), from the rows of the applied set; asks the
	 * engine only when a row is marked.
	 */
	static List<HistoryMismatchException.Problem> inProgress(Migrator migrator, Collection<AppliedRevision> rows) {
		if (rows.stream().allMatch((row) -> row.state() == AppliedState.APPLIED)) {
			return List.of();
		}
		return migrator.unfinished().stream().filter(HistoryMismatchException.Problem::inProgress).toList();
	}

	static Set<String> running(List<HistoryMismatchException.Problem> inProgress) {
		return inProgress.stream().map(HistoryMismatchException.Problem::revision).collect(Collectors.toSet());
	}

	/**
	 * {@code being upgraded right now: wait for that run to end}, or the same for a
	 * downgrade.
	 */
	static String running(AppliedState state) {
		return "being %s right now: wait for that run to end"
			.formatted((state == AppliedState.UPGRADING) ? "upgraded" : "downgraded");
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
