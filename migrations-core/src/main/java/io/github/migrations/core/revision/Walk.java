package io.github.migrations.core.revision;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Alembic's walk for relative targets ({@code +2}, {@code ae10-1}, {@code shop@+1}): up
 * through the children of {@code down_revision}, kept to a branch's lineage when a branch
 * is named, and down through parents. Where the walk has two ways to go, it stops with an
 * error that lists them, as Alembic's "Ambiguous walk" does.
 */
final class Walk {

	private final RevisionGraph graph;

	private final Set<RevisionId> applied;

	private final Target target;

	private final boolean downgrade;

	Walk(RevisionGraph graph, Set<RevisionId> applied, Target target) {
		this(graph, applied, target, false);
	}

	/**
	 * @param downgrade whether the walk finds a downgrade's target, which a hint names
	 */
	Walk(RevisionGraph graph, Set<RevisionId> applied, Target target, boolean downgrade) {
		this.graph = graph;
		this.applied = applied;
		this.target = target;
		this.downgrade = downgrade;
	}

	/**
	 * Where the database stands, or where it stands on a branch: the one applied revision
	 * to walk from, or {@code null} when nothing (of the branch) is applied. On a branch,
	 * that is the current revision within it or on the way to it, else the last applied
	 * revision of the branch that another branch's revision covers.
	 */
	@Nullable RevisionId start(@Nullable RevisionId branch) {
		List<RevisionId> current = this.graph.headsOf(this.applied);
		List<RevisionId> candidates = current;
		if (branch != null) {
			Set<RevisionId> sharing = this.graph.sharingLineage(branch);
			candidates = current.stream().filter(sharing::contains).toList();
			if (candidates.isEmpty()) {
				candidates = this.graph.headsOf(this.applied.stream().filter(sharing::contains).toList());
			}
		}
		if (candidates.size() > 1) {
			String where = (branch != null) ? "branch '%s' stands".formatted(branchName()) : "the database stands";
			String steps = stepsText();
			throw new TargetException(
					"Target '%s' is ambiguous: %s at %d revisions (%s).".formatted(this.target, where,
							candidates.size(), TargetResolver.quoted(candidates)),
					"Say which one to move from: %s.".formatted(candidates.stream()
						.map((id) -> "'" + id + "@" + steps + "'")
						.collect(Collectors.joining(" or "))));
		}
		return candidates.isEmpty() ? null : candidates.get(0);
	}

	/**
	 * The revision {@code steps} above {@code start} (above nothing: from the bases),
	 * taking only children on the way to or within {@code branch} when one is named.
	 */
	RevisionId up(@Nullable RevisionId start, int steps, @Nullable RevisionId branch) {
		return up(start, steps, branch, false);
	}

	/**
	 * The same, stopping at a head instead of failing when {@code toTheEnd}: Alembic's
	 * walk for a history range, which does not insist on the number of steps.
	 */
	RevisionId up(@Nullable RevisionId start, int steps, @Nullable RevisionId branch, boolean toTheEnd) {
		Set<RevisionId> sharing = (branch != null) ? this.graph.sharingLineage(branch) : null;
		RevisionId current = start;
		for (int remaining = steps; remaining > 0; remaining--) {
			List<RevisionId> next = (current != null) ? this.graph.children(current) : this.graph.bases();
			if (sharing != null) {
				next = next.stream().filter(sharing::contains).toList();
			}
			if (next.isEmpty()) {
				if (toTheEnd && current != null) {
					return current;
				}
				if (current == null) {
					throw new TargetException(
							"Target '%s' names no revision: there are no revisions.".formatted(this.target),
							"Add a revision file, or check the configured locations.");
				}
				throw new TargetException(
						"Target '%s' goes past the head: '%s' is a head, %d step(s) short.".formatted(this.target,
								current, remaining),
						"Use a smaller number, or '%s'.".formatted((branch != null) ? branchName() + "@head" : "head"));
			}
			if (next.size() > 1) {
				String where = (current != null)
						? "'%s' is a branch point with children %s".formatted(current, TargetResolver.quoted(next))
						: "%sthere are %d bases (%s)"
							.formatted(
									(this.target instanceof Target.RelativeTo
											|| this.target instanceof Target.BranchRevision) ? ""
													: "nothing is applied and ",
									next.size(), TargetResolver.quoted(next));
				if (branch != null) {
					where += " within branch '%s'".formatted(branchName());
				}
				throw new TargetException("Target '%s' is ambiguous: %s.".formatted(this.target, where),
						"Name the revision to %s to: %s.".formatted(this.downgrade ? "downgrade" : "upgrade",
								next.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(" or "))));
			}
			current = next.get(0);
		}
		return current;
	}

	/**
	 * The revision {@code steps} below {@code start} through {@code down_revision}; a
	 * merge on the way is ambiguous, a base revision is as far as it goes.
	 */
	RevisionId down(RevisionId start, int steps) {
		return Objects.requireNonNull(down(start, steps, false));
	}

	/**
	 * The same, giving {@code null} (base) instead of failing when {@code toBase} and the
	 * walk goes below a base revision.
	 */
	@Nullable RevisionId down(RevisionId start, int steps, boolean toBase) {
		RevisionId current = start;
		for (int remaining = steps; remaining > 0; remaining--) {
			List<RevisionId> parents = this.graph.get(current).downRevisions();
			if (parents.isEmpty() && toBase) {
				return null;
			}
			if (parents.isEmpty()) {
				throw new TargetException("Target '%s' goes past the base: '%s' is a base revision, %d step(s) short."
					.formatted(this.target, current, remaining), "Use a smaller number, or 'base'.");
			}
			if (parents.size() > 1) {
				throw new TargetException(
						"Target '%s' is ambiguous: '%s' is a merge of %s.".formatted(this.target, current,
								TargetResolver.quoted(parents)),
						"Name the revision to go down to: %s.".formatted(
								parents.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(" or "))));
			}
			current = parents.get(0);
		}
		return current;
	}

	private String branchName() {
		if (this.target instanceof Target.BranchRevision revision) {
			return revision.branch();
		}
		return (this.target instanceof Target.BranchRelative relative) ? relative.branch() : "";
	}

	private String stepsText() {
		int steps = 0;
		if (this.target instanceof Target.Relative relative) {
			steps = relative.steps();
		}
		else if (this.target instanceof Target.RelativeTo relative) {
			steps = relative.steps();
		}
		else if (this.target instanceof Target.BranchRelative relative) {
			steps = relative.steps();
		}
		else if (this.target instanceof Target.BranchRevision relative) {
			steps = relative.steps();
		}
		return ((steps > 0) ? "+" : "") + steps;
	}

}
