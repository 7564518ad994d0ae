package io.github.migrations.core.revision;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link Target} into concrete revisions, given the graph and what the database
 * has applied. The only place ambiguity errors come from.
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
	 * The revisions an upgrade to the target leaves applied that are not yet: the target,
	 * its ancestors and dependencies, less what is applied.
	 */
	public Set<RevisionId> toApply(Target target) {
		if (target instanceof Target.Relative relative && relative.steps() < 0
				|| target instanceof Target.BranchRelative branch && branch.steps() < 0) {
			throw downgradeOnly(target);
		}
		Set<RevisionId> wanted = Set.of();
		if (target instanceof Target.Heads) {
			wanted = Set.copyOf(this.graph.heads());
		}
		else if (target instanceof Target.Head) {
			wanted = Set.of(onlyHead());
		}
		else if (target instanceof Target.Named named) {
			wanted = Set.of(revision(named.name()));
		}
		else if (target instanceof Target.Relative relative) {
			wanted = Set.of(up(currentHead(target), relative.steps(), target));
		}
		else if (target instanceof Target.RelativeTo relativeTo) {
			wanted = Set.of(relativeTo(relativeTo));
		}
		else if (target instanceof Target.BranchHead branch) {
			wanted = Set.of(branchHead(branch.branch()));
		}
		else if (target instanceof Target.BranchRelative branch) {
			wanted = Set.of(branchStep(branch, true));
		}
		Set<RevisionId> pending = new LinkedHashSet<>(this.graph.ancestorsOf(wanted));
		pending.removeAll(this.applied);
		return pending;
	}

	/**
	 * The applied revisions a downgrade to the target removes: everything above the
	 * target, with the revisions that depend on it.
	 */
	public Set<RevisionId> toRemove(Target target) {
		if (target instanceof Target.Relative relative && relative.steps() > 0
				|| target instanceof Target.BranchRelative branch && branch.steps() > 0) {
			throw new TargetException("'%s' is an upgrade target, not a downgrade target.".formatted(target),
					"Use 'upgrade %s', or a target such as '-1' to go down.".formatted(target));
		}
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
			removed = removeSteps(currentHead(target), relative, target);
		}
		else if (target instanceof Target.RelativeTo relativeTo) {
			removed = above(relativeTo(relativeTo), target);
		}
		else if (target instanceof Target.BranchHead branch) {
			removed = above(branchHead(branch.branch()), target);
		}
		else if (target instanceof Target.BranchBase branch) {
			removed = this.graph.descendantsOf(branchMembers(branch.branch()));
		}
		else if (target instanceof Target.BranchRelative branch) {
			RevisionId lowest = branchStep(new Target.BranchRelative(branch.branch(), branch.steps() + 1), false);
			removed = this.graph.descendantsOf(Set.of(lowest));
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
	 * The applied set after stamping the targets: each target's line moves to it, up or
	 * down, without running anything; with {@code purge} the set is exactly the targets
	 * and their ancestors.
	 */
	public Set<RevisionId> stamped(List<Target> targets, boolean purge) {
		Set<RevisionId> result = purge ? new HashSet<>() : new HashSet<>(this.applied);
		for (Target target : targets) {
			if (target instanceof Target.Base) {
				result.clear();
				continue;
			}
			Set<RevisionId> wanted = new HashSet<>(new TargetResolver(this.graph, Set.of()).toApply(target));
			Set<RevisionId> tips = new HashSet<>(this.graph.headsOf(wanted));
			Set<RevisionId> above = new HashSet<>(this.graph.descendantsOf(tips));
			above.removeAll(tips);
			result.removeAll(above);
			result.addAll(wanted);
		}
		return result;
	}

	/**
	 * A revision by id, unique id prefix or branch label.
	 */
	public RevisionId revision(String reference) {
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
			.sorted()
			.toList();
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw new TargetException("No revision or branch label '%s'.".formatted(reference),
					"Check the id with 'history'; the heads are %s.".formatted(quoted(this.graph.heads())));
		}
		throw new TargetException(
				"Revision prefix '%s' is ambiguous: it matches %s.".formatted(reference, quoted(matches)),
				"Use more characters of the id.");
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
				"Merge them with 'migrations merge %s', or use target 'heads' to apply all of them, or '<label>@head' for one branch."
					.formatted(heads.stream().map(RevisionId::value).collect(Collectors.joining(" "))));
	}

	/**
	 * The single revision the database stands at, or null when nothing is applied.
	 */
	private RevisionId currentHead(Target target) {
		List<RevisionId> current = this.graph.headsOf(this.applied);
		if (current.size() > 1) {
			throw new TargetException(
					"Target '%s' is ambiguous: the database is at %d heads (%s).".formatted(target, current.size(),
							quoted(current)),
					"Say which one, for example '%s%s', or use a branch label ('<label>@%s').".formatted(current.get(0),
							target, target));
		}
		return current.isEmpty() ? null : current.get(0);
	}

	private RevisionId up(RevisionId from, int steps, Target target) {
		RevisionId current = from;
		int remaining = steps;
		if (current == null) {
			List<RevisionId> bases = this.graph.bases();
			if (bases.size() != 1) {
				throw new TargetException("Target '%s' is ambiguous: nothing is applied and there are %d bases (%s)."
					.formatted(target, bases.size(), quoted(bases)), "Name the revision to upgrade to.");
			}
			current = bases.get(0);
			remaining--;
		}
		for (; remaining > 0; remaining--) {
			List<RevisionId> children = this.graph.children(current);
			if (children.isEmpty()) {
				throw new TargetException("Target '%s' goes past the head: '%s' is a head, %d step(s) short."
					.formatted(target, current, remaining), "Use a smaller number, or 'head'.");
			}
			if (children.size() > 1) {
				throw new TargetException("Target '%s' is ambiguous: '%s' is a branch point with children %s."
					.formatted(target, current, quoted(children)), "Name the revision, or use '<label>@+N'.");
			}
			current = children.get(0);
		}
		return current;
	}

	private RevisionId down(RevisionId from, int steps, Target target) {
		RevisionId current = from;
		for (int remaining = steps; remaining > 0; remaining--) {
			List<RevisionId> parents = this.graph.get(current).downRevisions();
			if (parents.isEmpty()) {
				throw new TargetException("Target '%s' goes past the base: '%s' is a base revision, %d step(s) short."
					.formatted(target, current, remaining), "Use a smaller number, or 'base'.");
			}
			if (parents.size() > 1) {
				throw new TargetException(
						"Target '%s' is ambiguous: '%s' is a merge of %s.".formatted(target, current, quoted(parents)),
						"Name the revision to go down to.");
			}
			current = parents.get(0);
		}
		return current;
	}

	private RevisionId relativeTo(Target.RelativeTo target) {
		RevisionId anchor = switch (target.reference()) {
			case "head" -> onlyHead();
			case "base" -> null;
			default -> revision(target.reference());
		};
		if (target.steps() > 0) {
			return up(anchor, target.steps(), target);
		}
		if (anchor == null) {
			throw new TargetException("Target '%s' goes below base.".formatted(target), Target.Parser.GRAMMAR);
		}
		return down(anchor, -target.steps(), target);
	}

	private Set<RevisionId> removeSteps(RevisionId current, Target.Relative relative, Target target) {
		if (current == null) {
			throw new TargetException("Target '%s' goes below base: nothing is applied.".formatted(target),
					"Nothing to downgrade.");
		}
		RevisionId lowest = down(current, -relative.steps() - 1, target);
		return this.graph.descendantsOf(Set.of(lowest));
	}

	private Set<RevisionId> above(RevisionId revision, Target target) {
		if (!this.applied.contains(revision)) {
			throw new TargetException(
					"Cannot downgrade to '%s': it is not applied (the database is at %s).".formatted(revision,
							describe(this.graph.headsOf(this.applied))),
					"Use 'upgrade %s' to go up to it, or pick an applied revision.".formatted(target));
		}
		Set<RevisionId> above = new LinkedHashSet<>(this.graph.descendantsOf(Set.of(revision)));
		above.remove(revision);
		return above;
	}

	private Set<RevisionId> branchMembers(String branch) {
		return this.graph.branchMembers(revision(branch));
	}

	private RevisionId branchHead(String branch) {
		RevisionId start = revision(branch);
		List<RevisionId> heads = this.graph.heads()
			.stream()
			.filter((head) -> this.graph.ancestorsOf(Set.of(head)).contains(start))
			.toList();
		if (heads.size() != 1) {
			throw new TargetException("Target '%s@head' is ambiguous: the branch has %d heads (%s).".formatted(branch,
					heads.size(), quoted(heads)), "Name the head revision, or merge the heads first.");
		}
		return heads.get(0);
	}

	/**
	 * For upgrades: the revision {@code steps} above the branch's current revision. For
	 * downgrades (called with {@code steps + 1}): the lowest revision to remove.
	 */
	private RevisionId branchStep(Target.BranchRelative target, boolean upgrade) {
		Set<RevisionId> members = branchMembers(target.branch());
		RevisionId current = this.graph.inOrder(members)
			.stream()
			.filter(this.applied::contains)
			.max(Comparator.comparing((id) -> this.graph.inOrder(members).indexOf(id)))
			.orElse(null);
		if (upgrade) {
			if (current == null) {
				RevisionId first = this.graph.inOrder(members).get(0);
				return (target.steps() == 1) ? first : up(first, target.steps() - 1, target);
			}
			return up(current, target.steps(), target);
		}
		if (current == null) {
			throw new TargetException("Target '%s' goes below base: nothing of branch '%s' is applied."
				.formatted(target, target.branch()), "Nothing to downgrade.");
		}
		return down(current, -target.steps(), target);
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
