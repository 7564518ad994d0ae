package io.github.migrations.core.revision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Target} into concrete revisions, given the graph and what the database
 * has applied. With its {@link Walk}, the only place ambiguity errors come from.
 */
public final class TargetResolver {

	private final RevisionGraph graph;

	private final Set<RevisionId> applied;

	public TargetResolver(RevisionGraph graph, Collection<RevisionId> applied) {
		this.graph = graph;
		this.applied = new HashSet<>(applied);
		this.applied.removeIf((id) -> !graph.contains(id));
	}

	/**
	 * The revisions an upgrade to the target leaves applied that are not yet: the
	 * revisions the target names, their ancestors and what they depend on, less what is
	 * applied.
	 */
	public Set<RevisionId> toApply(Target target) {
		Set<RevisionId> pending = new LinkedHashSet<>(this.graph.ancestorsOf(destinations(target)));
		pending.removeAll(this.applied);
		return pending;
	}

	/**
	 * The revisions an upgrade to the target ends at; none for {@code base}.
	 */
	private Set<RevisionId> destinations(Target target) {
		if (target instanceof Target.Heads) {
			return Set.copyOf(this.graph.heads());
		}
		if (target instanceof Target.Head) {
			return Set.of(onlyHead());
		}
		if (target instanceof Target.Named named) {
			return Set.of(revision(named.name()));
		}
		if (target instanceof Target.Relative relative) {
			if (relative.steps() < 0) {
				throw downgradeOnly(target);
			}
			Walk walk = new Walk(this.graph, this.applied, target);
			return Set.of(walk.up(walk.start(null), relative.steps(), null));
		}
		if (target instanceof Target.RelativeTo relativeTo) {
			return Set.of(relativeTo(relativeTo, false));
		}
		if (target instanceof Target.BranchRevision branchRevision) {
			return Set.of(branchRevision(branchRevision, false));
		}
		if (target instanceof Target.BranchHead branch) {
			return Set.of(branchHead(branch.branch()));
		}
		if (target instanceof Target.BranchHeads branch) {
			return Set.copyOf(branchHeads(revision(branch.branch())));
		}
		if (target instanceof Target.BranchRelative branch) {
			if (branch.steps() < 0) {
				throw downgradeOnly(target);
			}
			RevisionId labelled = revision(branch.branch());
			Walk walk = new Walk(this.graph, this.applied, target);
			return Set.of(walk.up(walk.start(labelled), branch.steps(), labelled));
		}
		return Set.of();
	}

	/**
	 * The applied revisions a downgrade to the target removes: the revisions built on it
	 * through {@code down_revision}, with every revision that depends on those. A
	 * revision that depends on the target itself stays, as the target stays.
	 */
	public Set<RevisionId> toRemove(Target target) {
		Set<RevisionId> removed = Set.of();
		if (target instanceof Target.Base) {
			removed = this.applied;
		}
		else if (target instanceof Target.Head) {
			removed = above(onlyHead(), target);
		}
		else if (target instanceof Target.Named named) {
			removed = above(revision(named.name()), target);
		}
		else if (target instanceof Target.Relative relative) {
			removed = removeSteps(null, relative.steps(), target);
		}
		else if (target instanceof Target.RelativeTo relativeTo) {
			removed = above(relativeTo(relativeTo, true), target);
		}
		else if (target instanceof Target.BranchRevision branchRevision) {
			RevisionId reached = branchRevision(branchRevision, true);
			requireApplied(reached, target);
			// of the revisions built on it, those on the branch's way go, as Alembic
			// keeps a downgrade within the named branch
			Set<RevisionId> sharing = this.graph.sharingLineage(revision(branchRevision.branch()));
			List<RevisionId> children = this.graph.children(reached);
			if (children.size() > 1) {
				children = children.stream().filter(sharing::contains).toList();
			}
			removed = this.graph.descendantsOf(children);
		}
		else if (target instanceof Target.BranchHead branch) {
			removed = above(branchHead(branch.branch()), target);
		}
		else if (target instanceof Target.BranchHeads branch) {
			removed = new HashSet<>();
			for (RevisionId head : branchHeads(revision(branch.branch()))) {
				removed.addAll(above(head, target));
			}
		}
		else if (target instanceof Target.BranchBase branch) {
			removed = this.graph.descendantsOf(Set.of(revision(branch.branch())));
		}
		else if (target instanceof Target.BranchRelative branch) {
			removed = removeSteps(branch.branch(), branch.steps(), target);
		}
		Set<RevisionId> result = new LinkedHashSet<>(removed);
		result.retainAll(this.applied);
		return result;
	}

	/**
	 * Checks that the revision is applied and that no applied revision builds on it or
	 * depends on it, so it can be downgraded alone.
	 */
	public void checkRevertible(RevisionId revision) {
		if (!this.applied.contains(revision)) {
			throw new TargetException("Revision '%s' is not applied, so it cannot be reverted.".formatted(revision),
					"Check 'current' for what is applied.");
		}
		Set<RevisionId> above = new LinkedHashSet<>(this.graph.descendantsOf(Set.of(revision)));
		above.remove(revision);
		above.retainAll(this.applied);
		if (!above.isEmpty()) {
			throw new TargetException("Revision '%s' cannot be reverted alone: applied revisions build on it (%s)."
				.formatted(revision, quoted(this.graph.inOrder(above))), "Downgrade those first.");
		}
	}

	/**
	 * The applied set after stamping the targets, as Alembic's {@code stamp} records
	 * them: every revision the targets name is recorded; a revision recorded before stays
	 * unless it is an ancestor or a descendant (through {@code down_revision} or
	 * {@code depends_on}) of one of them. {@code base} forgets what was recorded,
	 * {@code label@base} forgets the branch's lineage and what depends on it, and
	 * {@code purge} starts from nothing.
	 */
	public Set<RevisionId> stamped(List<Target> targets, boolean purge) {
		Set<RevisionId> kept = purge ? new HashSet<>() : new HashSet<>(this.applied);
		Set<RevisionId> stamped = new LinkedHashSet<>();
		for (Target target : targets) {
			if (target instanceof Target.Base) {
				kept.clear();
			}
			else if (target instanceof Target.BranchBase branch) {
				kept.removeAll(this.graph.descendantsOf(Set.of(revision(branch.branch()))));
			}
			else if (target instanceof Target.Relative relative && relative.steps() < 0
					|| target instanceof Target.BranchRelative branch && branch.steps() < 0) {
				throw new TargetException("'%s' names no revision to stamp.".formatted(target),
						"Name the revision to record, for example 'stamp <rev>', or use 'downgrade %s'."
							.formatted(target));
			}
			else {
				stamped.addAll(destinations(target));
			}
		}
		Set<RevisionId> related = new HashSet<>(this.graph.ancestorsOf(stamped));
		related.addAll(this.graph.descendantsOf(stamped));
		Set<RevisionId> tips = new LinkedHashSet<>(this.graph.headsOf(kept));
		tips.removeAll(related);
		tips.addAll(stamped);
		return new HashSet<>(this.graph.ancestorsOf(tips));
	}

	/**
	 * A revision by id, unique id prefix or branch label.
	 */
	public RevisionId revision(String reference) {
		return revision(reference, null, null);
	}

	/**
	 * A revision by id, unique id prefix or branch label, a prefix being matched only
	 * among {@code among} when given: the revisions of {@code branch}, which a "did you
	 * mean" then names as {@code branch@...}.
	 */
	private RevisionId revision(String reference, @Nullable Set<RevisionId> among, @Nullable String branch) {
		if (RevisionId.isValid(reference) && this.graph.contains(RevisionId.of(reference))) {
			return RevisionId.of(reference);
		}
		RevisionId labelled = this.graph.labelled(reference);
		if (labelled != null) {
			return labelled;
		}
		List<RevisionId> matches = this.graph.revisions()
			.stream()
			.map(Revision::id)
			.filter((id) -> id.value().startsWith(reference))
			.filter((id) -> among == null || among.contains(id))
			.sorted()
			.toList();
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw new TargetException("No revision or branch label '%s'.".formatted(reference),
					didYouMean(reference, among, branch)
							+ "Check the id with 'history'; the heads are %s.".formatted(quoted(this.graph.heads())));
		}
		throw new TargetException(
				"Revision prefix '%s' is ambiguous: it matches %s.".formatted(reference, quoted(matches)),
				"Use more characters of the id.");
	}

	/**
	 * "Did you mean 'x'? " for the ids and labels nearest to a mistyped reference, or
	 * nothing.
	 */
	private String didYouMean(String reference, @Nullable Set<RevisionId> among, @Nullable String branch) {
		List<String> known = new ArrayList<>();
		this.graph.labels()
			.stream()
			.filter((label) -> among == null || among.contains(this.graph.labelled(label)))
			.forEach(known::add);
		this.graph.revisions()
			.stream()
			.map(Revision::id)
			.filter((id) -> among == null || among.contains(id))
			.forEach((id) -> known.add(id.value()));
		String prefix = "";
		if (branch != null) {
			known.addAll(List.of("head", "heads", "base"));
			prefix = branch + "@";
		}
		List<String> closest = Spelling.closest(reference, known);
		String asTyped = prefix;
		return closest.isEmpty() ? "" : "Did you mean %s? "
			.formatted(closest.stream().map((name) -> "'" + asTyped + name + "'").collect(Collectors.joining(" or ")));
	}

	private RevisionId onlyHead() {
		List<RevisionId> heads = this.graph.heads();
		if (heads.size() == 1) {
			return heads.get(0);
		}
		if (heads.isEmpty()) {
			throw new TargetException("Target 'head' names no revision: there are no revisions.",
					"Add a revision file, or check the configured locations.");
		}
		throw new TargetException(
				"Target 'head' is ambiguous: there are %d heads (%s).".formatted(heads.size(), quoted(heads)),
				"Merge them with 'migrations merge -m \"merge heads\" %s', or use target 'heads' to apply all of them, or one head's id ('%s') for its branch."
					.formatted(heads.stream().map(RevisionId::value).collect(Collectors.joining(" ")), heads.get(0)));
	}

	private RevisionId relativeTo(Target.RelativeTo target, boolean downgrade) {
		return walkFrom(anchor(null, target.reference(), target.steps(), target), target.steps(), null, target,
				downgrade);
	}

	/**
	 * {@code label@rev}, {@code label@head-1}, {@code label@rev+2}: the reference taken
	 * within the branch, and steps up kept to the way to or within it.
	 */
	private RevisionId branchRevision(Target.BranchRevision target, boolean downgrade) {
		RevisionId labelled = revision(target.branch());
		RevisionId anchor = anchor(labelled, target.reference(), target.steps(), target);
		if (target.steps() == 0) {
			// 'label@base' is a target of its own, so the reference names a revision
			return Objects.requireNonNull(anchor);
		}
		return walkFrom(anchor, target.steps(), labelled, target, downgrade);
	}

	private RevisionId walkFrom(@Nullable RevisionId anchor, int steps, @Nullable RevisionId branch, Target target,
			boolean downgrade) {
		Walk walk = new Walk(this.graph, this.applied, target, downgrade);
		if (steps > 0) {
			return walk.up(anchor, steps, branch);
		}
		if (anchor == null) {
			throw new TargetException("Target '%s' goes below base.".formatted(target), Target.Parser.GRAMMAR);
		}
		return walk.down(anchor, -steps);
	}

	/**
	 * What a relative target counts from: {@code head} (of the branch), {@code heads}
	 * when that is one revision (Alembic's {@code heads}: the heads no revision depends
	 * on), {@code base} ({@code null}), or a revision, which must be on the branch when
	 * one is named.
	 */
	private @Nullable RevisionId anchor(@Nullable RevisionId branch, String reference, int steps, Target target) {
		String label = (branch != null) ? branchName(target) : null;
		switch (reference) {
			case "head":
				return (label != null) ? branchHead(label) : onlyHead();
			case "heads":
				List<RevisionId> heads = (branch != null) ? branchHeads(branch) : this.graph.realHeads();
				if (heads.size() == 1) {
					return heads.get(0);
				}
				if (heads.isEmpty()) {
					throw new TargetException(
							"Target '%s' names no revision: there are no revisions.".formatted(target),
							"Add a revision file, or check the configured locations.");
				}
				String step = ((steps > 0) ? "+" : "") + steps;
				String prefix = (label != null) ? label + "@" : "";
				throw new TargetException(
						"Target '%s' is ambiguous: %s %d heads (%s).".formatted(target,
								(label != null) ? "branch '%s' has".formatted(label) : "there are", heads.size(),
								quoted(heads)),
						"Name the head to count from: %s.".formatted(heads.stream()
							.map((id) -> "'" + prefix + id + step + "'")
							.collect(Collectors.joining(" or "))));
			case "base":
				return null;
			default:
				if (branch == null) {
					return revision(reference);
				}
				Set<RevisionId> sharing = this.graph.sharingLineage(branch);
				RevisionId named = revision(reference, sharing, label);
				if (!sharing.contains(named)) {
					throw new TargetException(
							"Target '%s' names revision '%s', which is not on branch '%s': neither in it nor on the way to it."
								.formatted(target, named, label),
							"Name a revision of the branch (see 'migrations history'), or leave out '%s@'."
								.formatted(label));
				}
				return named;
		}
	}

	private static String branchName(Target target) {
		return (target instanceof Target.BranchRevision branchRevision) ? branchRevision.branch() : "";
	}

	/**
	 * For {@code -N} and {@code label@-N}: from where the database (or the branch)
	 * stands, the N revisions along the walk down and everything above them. The last
	 * step may leave a merge or a base revision: what it removes is the same whichever
	 * parent it would reach.
	 */
	private Set<RevisionId> removeSteps(@Nullable String branch, int steps, Target target) {
		if (steps > 0) {
			throw new TargetException("'%s' is an upgrade target, not a downgrade target.".formatted(target),
					"Use 'upgrade %s', or a target such as '-1' to go down.".formatted(target));
		}
		Walk walk = new Walk(this.graph, this.applied, target);
		RevisionId start = walk.start((branch != null) ? revision(branch) : null);
		if (start == null) {
			throw new TargetException("Target '%s' goes below base: nothing %sis applied.".formatted(target,
					(branch != null) ? "of branch '%s' ".formatted(branch) : ""), "Nothing to downgrade.");
		}
		return this.graph.descendantsOf(Set.of(walk.down(start, -steps - 1)));
	}

	private Set<RevisionId> above(RevisionId revision, Target target) {
		requireApplied(revision, target);
		return this.graph.descendantsOf(this.graph.children(revision));
	}

	private void requireApplied(RevisionId revision, Target target) {
		if (!this.applied.contains(revision)) {
			throw new TargetException(
					"Cannot downgrade to '%s': it is not applied (the database is at %s).".formatted(revision,
							describe(this.graph.headsOf(this.applied))),
					"Use 'upgrade %s' to go up to it, or pick an applied revision.".formatted(target));
		}
	}

	/**
	 * The heads in the lineage of a branch: the labelled revision's descendants through
	 * {@code down_revision} that no revision has as a parent.
	 */
	private List<RevisionId> branchHeads(RevisionId labelled) {
		Set<RevisionId> lineage = this.graph.lineage(labelled);
		return this.graph.heads().stream().filter(lineage::contains).toList();
	}

	private RevisionId branchHead(String branch) {
		List<RevisionId> heads = branchHeads(revision(branch));
		if (heads.size() != 1) {
			throw new TargetException(
					"Target '%s@head' is ambiguous: the branch has %d heads (%s).".formatted(branch, heads.size(),
							quoted(heads)),
					"Use '%s@heads' to apply all of them, name one of them, or merge them first.".formatted(branch));
		}
		return heads.get(0);
	}

	private static TargetException downgradeOnly(Target target) {
		return new TargetException("'%s' is a downgrade target, not an upgrade target.".formatted(target),
				"Use 'downgrade %s', or a target such as '+1' or 'head' to go up.".formatted(target));
	}

	static String quoted(Collection<RevisionId> ids) {
		return ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

	private static String describe(List<RevisionId> heads) {
		return heads.isEmpty() ? "base" : quoted(heads);
	}

}
