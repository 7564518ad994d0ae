package io.github.migrations.core.revision;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The revisions of a history range {@code START:END}, as Alembic's {@code history -r}
 * selects them. Either end is a revision, a label, {@code head}, {@code heads},
 * {@code base} (the start only) or {@code current}; besides, the end may be {@code +N} (N
 * above the start) and the start {@code -N} (N below the head, as Alembic counts it, or N
 * below the end when the head is fewer than N above base). Alembic does not insist on the
 * number of steps here: a walk up that runs out stops at the head, a walk down from the
 * end stops at base.
 */
public final class HistoryRange {

	/**
	 * The forms an end of a range may take, for hints.
	 */
	public static final String FORMS = "A range is START:END, each a revision, label, '<label>@head', head, heads or current "
			+ "(START may also be base); START may be '-N' (N below the head) and END '+N' (N above START); "
			+ "either may be empty. For example base:head, -3:current, current:+2.";

	private final RevisionGraph graph;

	private final Set<RevisionId> current;

	private final TargetResolver resolver;

	/**
	 * @param current where the database stands, for {@code current}
	 */
	public HistoryRange(RevisionGraph graph, Collection<RevisionId> current) {
		this.graph = graph;
		this.current = new HashSet<>(current);
		this.current.removeIf((id) -> !graph.contains(id));
		this.resolver = new TargetResolver(graph, Set.of());
	}

	/**
	 * The revisions from {@code start} to {@code end}, both included, parents first.
	 * @throws TargetException when an end names nothing, or a count is ambiguous
	 */
	public List<RevisionId> between(String start, String end) {
		String from = start.strip();
		String to = end.strip();
		if (from.equals("current") && this.current.isEmpty()) {
			// as in Alembic: a database at base starts the range at base
			from = "base";
		}
		Count up = Count.of(to, true);
		Count down = Count.of(from, false);
		if (up != null && down != null) {
			throw new TargetException(
					"Range '%s:%s' counts from both ends, so it names no revision to count from.".formatted(from, to),
					FORMS);
		}
		Set<RevisionId> lower;
		Set<RevisionId> upper;
		if (up != null) {
			lower = end(from, true);
			upper = Set.of(walkUp(from, lower, up));
		}
		else if (down != null) {
			upper = end(to, false);
			lower = walkDown(down, upper);
			List<RevisionId> outside = lower.stream()
				.filter((id) -> !this.graph.ancestorsOf(upper).contains(id))
				.sorted()
				.toList();
			if (!outside.isEmpty()) {
				throw new TargetException(
						"Range '%s:%s' starts at %s, %d below the head, which is not below its end %s.".formatted(from,
								to, TargetResolver.quoted(outside), -down.steps(), TargetResolver.quoted(upper)),
						"'-N' counts from the head, as in Alembic; to count from the end, name it, for example '%s-%d:%s'."
							.formatted(upper.stream().sorted().findFirst().orElseThrow(), -down.steps(), to));
			}
		}
		else {
			lower = end(from, true);
			upper = end(to, false);
		}
		Set<RevisionId> members = new HashSet<>(this.graph.descendantsOf(lower));
		members.retainAll(this.graph.ancestorsOf(upper));
		return this.graph.inOrder(members);
	}

	/**
	 * An end that names revisions: for the start, the revisions the range starts from
	 * (the bases for base); for the end, those it ends at.
	 */
	private Set<RevisionId> end(String text, boolean lower) {
		if (text.isEmpty() || text.equals(lower ? "base" : "heads") || (!lower && text.equals("head"))) {
			return new HashSet<>(lower ? this.graph.bases() : this.graph.heads());
		}
		if (text.equals("current")) {
			return this.current;
		}
		Target target = Target.parse(text);
		if (target instanceof Target.Relative || target instanceof Target.BranchRelative
				|| target instanceof Target.Base || target instanceof Target.BranchBase) {
			throw new TargetException("'%s' cannot %s a history range.".formatted(text, lower ? "start" : "end"),
					FORMS);
		}
		// the revisions the target names: the tips of what an upgrade to it would apply
		return new HashSet<>(this.graph.headsOf(this.resolver.toApply(target)));
	}

	/**
	 * {@code +N} at the end: N above the one revision the range starts at, or above
	 * nothing for base.
	 */
	private RevisionId walkUp(String from, Set<RevisionId> lower, Count up) {
		RevisionId start = null;
		if (!from.isEmpty() && !from.equals("base") && !lower.isEmpty()) {
			if (lower.size() > 1) {
				List<RevisionId> sorted = lower.stream().sorted().toList();
				throw new TargetException(
						"Range end '%s' is ambiguous: it counts from the start '%s', which is %d revisions (%s)."
							.formatted(up.text(), from, sorted.size(), TargetResolver.quoted(sorted)),
						"Start the range at one of them: %s.".formatted(sorted.stream()
							.map((id) -> "'" + id + ":" + up.text() + "'")
							.collect(Collectors.joining(" or "))));
			}
			start = lower.iterator().next();
		}
		RevisionId branch = (up.branch() != null) ? this.resolver.revision(up.branch()) : null;
		return new Walk(this.graph, Set.of(), up.target()).up(start, up.steps(), branch, true);
	}

	/**
	 * {@code -N} at the start: N below each head (of the branch, when one is named); when
	 * a head is fewer than N above base, N below the end instead, stopping at base.
	 */
	private Set<RevisionId> walkDown(Count down, Set<RevisionId> upper) {
		int steps = -down.steps();
		Walk walk = new Walk(this.graph, Set.of(), down.target());
		List<RevisionId> heads = this.graph.realHeads();
		List<RevisionId> ends = upper.stream().sorted().toList();
		if (down.branch() != null) {
			RevisionId labelled = this.resolver.revision(down.branch());
			Set<RevisionId> lineage = this.graph.lineage(labelled);
			heads = heads.stream().filter(lineage::contains).toList();
			Set<RevisionId> sharing = this.graph.sharingLineage(labelled);
			ends = ends.stream().filter(sharing::contains).toList();
		}
		Set<RevisionId> reached = new HashSet<>();
		for (RevisionId head : heads) {
			RevisionId below = walk.down(head, steps, true);
			if (below == null) {
				return belowEnd(walk, down, ends, steps);
			}
			reached.add(below);
		}
		return reached;
	}

	private Set<RevisionId> belowEnd(Walk walk, Count down, List<RevisionId> ends, int steps) {
		if (ends.isEmpty()) {
			throw new TargetException(
					"Range start '%s' goes below base: the head is fewer than %d revisions above base, and the end names no revision to count from."
						.formatted(down.text(), steps),
					"Use base as the start, or a smaller number.");
		}
		RevisionId below = walk.down(ends.get(0), steps, true);
		return (below != null) ? Set.of(below) : new HashSet<>(this.graph.bases());
	}

	/**
	 * A relative end, {@code +N} or {@code label@+N} at the end of a range, {@code -N} or
	 * {@code label@-N} at its start.
	 */
	private record Count(String text, Target target, @Nullable String branch, int steps) {

		static @Nullable Count of(String text, boolean up) {
			if (text.isEmpty() || !(text.contains("+") || text.contains("-"))) {
				return null;
			}
			Target target = Target.parse(text);
			Count count = null;
			if (target instanceof Target.Relative relative) {
				count = new Count(text, target, null, relative.steps());
			}
			else if (target instanceof Target.BranchRelative relative) {
				count = new Count(text, target, relative.branch(), relative.steps());
			}
			return (count != null && (count.steps() > 0) == up) ? count : null;
		}

	}

}
