package io.github.migrations.core.revision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * An immutable graph of revisions, as in Alembic: several bases and heads, merge points,
 * branch points, branch labels and cross-branch dependencies ({@code depends_on}).
 * <p>
 * Building one validates it: duplicate ids, missing parents or dependencies, cycles and
 * branch labels used twice are {@link RevisionGraphException}s. Parent edges
 * ({@code down_revision}) define heads and bases; {@code depends_on} edges only add
 * ordering.
 */
public final class RevisionGraph {

	private final Map<RevisionId, Revision> revisions;

	private final Map<RevisionId, List<RevisionId>> children;

	private final Map<RevisionId, List<RevisionId>> dependencies;

	private final Map<RevisionId, List<RevisionId>> dependents;

	private final Map<String, RevisionId> labels;

	private final List<RevisionId> order;

	private final Map<RevisionId, Integer> position;

	private final List<RevisionId> heads;

	private final Map<RevisionId, Set<String>> shownLabels;

	private RevisionGraph(Map<RevisionId, Revision> revisions, Map<String, RevisionId> labels) {
		this.revisions = revisions;
		this.labels = labels;
		this.children = new HashMap<>();
		this.dependencies = new HashMap<>();
		this.dependents = new HashMap<>();
		for (Revision revision : revisions.values()) {
			this.children.putIfAbsent(revision.id(), new ArrayList<>());
			this.dependents.putIfAbsent(revision.id(), new ArrayList<>());
		}
		for (Revision revision : revisions.values()) {
			for (RevisionId parent : revision.downRevisions()) {
				this.children.get(parent).add(revision.id());
			}
			List<RevisionId> needs = List.of();
			if (!revision.dependsOn().isEmpty()) {
				needs = new ArrayList<>();
				for (String name : revision.dependsOn()) {
					RevisionId need = resolveDependency(revision, name);
					needs.add(need);
					this.dependents.get(need).add(revision.id());
				}
			}
			this.dependencies.put(revision.id(), needs);
		}
		for (List<RevisionId> list : this.children.values()) {
			if (list.size() > 1) {
				list.sort(Comparator.naturalOrder());
			}
		}
		this.order = topologicalOrder();
		this.position = new HashMap<>();
		List<RevisionId> heads = new ArrayList<>();
		for (int i = 0; i < this.order.size(); i++) {
			RevisionId id = this.order.get(i);
			this.position.put(id, i);
			if (this.children.get(id).isEmpty()) {
				heads.add(id);
			}
		}
		heads.sort(Comparator.naturalOrder());
		this.heads = List.copyOf(heads);
		this.shownLabels = computeShownLabels();
	}

	/**
	 * "Did you mean 'a1'? " for the ids (or labels) closest to one that no revision
	 * declares, or nothing.
	 */
	private static String didYouMean(String written, Collection<String> known) {
		List<String> closest = Spelling.closest(written, known);
		return closest.isEmpty() ? "" : "Did you mean %s? "
			.formatted(closest.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(" or ")));
	}

	/**
	 * Builds and validates a graph.
	 * @throws RevisionGraphException when the revisions do not form a valid graph
	 */
	public static RevisionGraph of(Collection<Revision> revisions) {
		Map<RevisionId, Revision> byId = new LinkedHashMap<>();
		for (Revision revision : revisions) {
			Revision previous = byId.putIfAbsent(revision.id(), revision);
			if (previous != null) {
				throw new RevisionGraphException(
						"Revision '%s' is declared twice: in %s and in %s.".formatted(revision.id(), previous.source(),
								revision.source()),
						"Give one of them a new id (and update the down_revision that points to it).",
						revision.id().value());
			}
		}
		Map<String, RevisionId> labels = new HashMap<>();
		for (Revision revision : byId.values()) {
			for (RevisionId parent : revision.downRevisions()) {
				if (!byId.containsKey(parent)) {
					throw new RevisionGraphException(
							"Revision '%s' (%s) has down_revision '%s', which no revision declares."
								.formatted(revision.id(), revision.source(), parent),
							didYouMean(parent.value(), byId.keySet().stream().map(RevisionId::value).toList())
									+ "Check the id for a typo, or add the missing revision file.",
							revision.id().value());
				}
			}
			for (String label : revision.branchLabels()) {
				if (byId.containsKey(idOrNull(label))) {
					throw new RevisionGraphException(
							"Branch label '%s' of revision '%s' (%s) is also a revision id.".formatted(label,
									revision.id(), revision.source()),
							"Choose a label that is not a revision id.", revision.id().value());
				}
				RevisionId previous = labels.putIfAbsent(label, revision.id());
				if (previous != null) {
					throw new RevisionGraphException(
							"Branch label '%s' is used by two revisions: '%s' (%s) and '%s' (%s).".formatted(label,
									previous, byId.get(previous).source(), revision.id(), revision.source()),
							"Keep the label on the revision that starts the branch and remove it from the other.",
							revision.id().value());
				}
			}
		}
		return new RevisionGraph(Collections.unmodifiableMap(byId), Map.copyOf(labels));
	}

	private static @Nullable RevisionId idOrNull(String value) {
		return RevisionId.isValid(value) ? RevisionId.of(value) : null;
	}

	private RevisionId resolveDependency(Revision revision, String name) {
		RevisionId id = idOrNull(name);
		if (id != null && this.revisions.containsKey(id)) {
			return id;
		}
		RevisionId labelled = this.labels.get(name);
		if (labelled != null) {
			return labelled;
		}
		throw new RevisionGraphException(
				"Revision '%s' (%s) depends on '%s', which is neither a revision nor a branch label."
					.formatted(revision.id(), revision.source(), name),
				didYouMean(name,
						Stream
							.concat(this.revisions.keySet().stream().map(RevisionId::value),
									this.labels.keySet().stream())
							.toList())
						+ "Check depends_on for a typo, or add the missing revision.",
				revision.id().value());
	}

	/**
	 * Parents and dependencies before children, ties broken by id, so the order is
	 * stable.
	 */
	private List<RevisionId> topologicalOrder() {
		Map<RevisionId, Integer> waitingOn = new HashMap<>();
		for (Revision revision : this.revisions.values()) {
			waitingOn.put(revision.id(), revision.downRevisions().size() + this.dependencies.get(revision.id()).size());
		}
		PriorityQueue<RevisionId> ready = new PriorityQueue<>();
		waitingOn.forEach((id, count) -> {
			if (count == 0) {
				ready.add(id);
			}
		});
		List<RevisionId> sorted = new ArrayList<>(this.revisions.size());
		while (!ready.isEmpty()) {
			RevisionId next = ready.poll();
			sorted.add(next);
			release(this.children.get(next), waitingOn, ready);
			release(this.dependents.get(next), waitingOn, ready);
		}
		if (sorted.size() < this.revisions.size()) {
			List<RevisionId> cycle = findCycle(waitingOn);
			String path = cycle.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(" -> "));
			throw new RevisionGraphException(
					"The revisions form a cycle: %s (%s).".formatted(path, this.revisions.get(cycle.get(0)).source()),
					"A revision cannot come after itself: fix the down_revision or depends_on of one of them.",
					cycle.get(0).value());
		}
		return List.copyOf(sorted);
	}

	private static void release(List<RevisionId> successors, Map<RevisionId, Integer> waitingOn,
			PriorityQueue<RevisionId> ready) {
		for (RevisionId successor : successors) {
			int waiting = waitingOn.get(successor) - 1;
			waitingOn.put(successor, waiting);
			if (waiting == 0) {
				ready.add(successor);
			}
		}
	}

	private List<RevisionId> findCycle(Map<RevisionId, Integer> waitingOn) {
		RevisionId start = waitingOn.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map(Map.Entry::getKey)
			.min(Comparator.naturalOrder())
			.orElseThrow();
		// walk predecessors that are still waiting until one repeats
		List<RevisionId> path = new ArrayList<>();
		Map<RevisionId, Integer> seen = new HashMap<>();
		RevisionId current = start;
		while (!seen.containsKey(current)) {
			seen.put(current, path.size());
			path.add(current);
			current = predecessors(current).stream()
				.filter((id) -> waitingOn.get(id) > 0)
				.min(Comparator.naturalOrder())
				.orElseThrow();
		}
		List<RevisionId> cycle = new ArrayList<>(path.subList(seen.get(current), path.size()));
		Collections.reverse(cycle);
		Collections.rotate(cycle, -cycle.indexOf(Collections.min(cycle)));
		cycle.add(cycle.get(0));
		return cycle;
	}

	private List<RevisionId> predecessors(RevisionId id) {
		List<RevisionId> predecessors = new ArrayList<>(this.revisions.get(id).downRevisions());
		predecessors.addAll(this.dependencies.get(id));
		return predecessors;
	}

	/**
	 * All revisions, parents before children.
	 */
	public List<Revision> revisions() {
		return this.order.stream().map(this.revisions::get).toList();
	}

	public boolean contains(RevisionId id) {
		return this.revisions.containsKey(id);
	}

	public @Nullable Revision find(RevisionId id) {
		return this.revisions.get(id);
	}

	public Revision get(RevisionId id) {
		Revision revision = this.revisions.get(id);
		if (revision == null) {
			throw new IllegalArgumentException("No revision '" + id + "'");
		}
		return revision;
	}

	public boolean isEmpty() {
		return this.revisions.isEmpty();
	}

	public int size() {
		return this.revisions.size();
	}

	/**
	 * Revisions that no other revision names as a parent, in id order.
	 */
	public List<RevisionId> heads() {
		return this.heads;
	}

	/**
	 * Revisions without parents, in id order.
	 */
	public List<RevisionId> bases() {
		return this.order.stream().filter((id) -> this.revisions.get(id).isBase()).sorted().toList();
	}

	public List<RevisionId> children(RevisionId id) {
		return this.children.get(id);
	}

	public List<RevisionId> dependencies(RevisionId id) {
		return this.dependencies.get(id);
	}

	public boolean isHead(RevisionId id) {
		return this.children.get(id).isEmpty();
	}

	public boolean isBranchPoint(RevisionId id) {
		return this.children.get(id).size() > 1;
	}

	/**
	 * The revisions that name this one in their {@code depends_on}, in id order.
	 */
	public List<RevisionId> dependents(RevisionId id) {
		return this.dependents.get(id).stream().sorted().toList();
	}

	/**
	 * Whether a head is one that another revision depends on, which Alembic prints as
	 * {@code (effective head)}: once everything is applied, {@code alembic_version} does
	 * not hold it, as its dependent covers it.
	 */
	public boolean isEffectiveHead(RevisionId id) {
		return isHead(id) && !this.dependents.get(id).isEmpty();
	}

	/**
	 * The heads that no revision depends on, in id order: what {@code alembic_version}
	 * holds once every revision is applied, and what Alembic's {@code heads} symbol
	 * names.
	 */
	public List<RevisionId> realHeads() {
		return this.heads.stream().filter((id) -> !isEffectiveHead(id)).toList();
	}

	/**
	 * The branch labels Alembic prints on a revision (in {@code history}, {@code heads},
	 * and as "Branch names"), sorted: the labels of every labelled revision it descends
	 * from through {@code down_revision}, and, when a branch's lineage is a single line,
	 * that branch's labels on the revisions below it down to the nearest merge, or
	 * revision with two successors (children or dependents), which is left out. Targets
	 * never use these: a label names its lineage only.
	 */
	public Set<String> shownLabels(RevisionId id) {
		return this.shownLabels.getOrDefault(id, Set.of());
	}

	private Map<RevisionId, Set<String>> computeShownLabels() {
		Map<RevisionId, Set<String>> shown = new HashMap<>();
		this.labels.forEach((label, labelled) -> {
			Set<RevisionId> lineage = lineage(labelled);
			lineage.forEach((id) -> shown.computeIfAbsent(id, (key) -> new TreeSet<>()).add(label));
			if (lineage.stream().allMatch((id) -> this.children.get(id).size() <= 1)) {
				// a single line: Alembic walks down from its head until a merge or a
				// revision that two revisions follow
				RevisionId end = lineage.stream().filter(this::isHead).findFirst().orElseThrow();
				@Nullable RevisionId revision = end;
				while (revision != null && !isMerge(revision) && successors(revision) <= 1) {
					shown.computeIfAbsent(revision, (key) -> new TreeSet<>()).add(label);
					List<RevisionId> parents = this.revisions.get(revision).downRevisions();
					revision = parents.isEmpty() ? null : parents.get(0);
				}
			}
		});
		Map<RevisionId, Set<String>> result = new HashMap<>();
		shown.forEach((id, labels) -> result.put(id, Collections.unmodifiableSet(labels)));
		return result;
	}

	private boolean isMerge(RevisionId id) {
		return this.revisions.get(id).downRevisions().size() > 1;
	}

	private int successors(RevisionId id) {
		Set<RevisionId> successors = new HashSet<>(this.children.get(id));
		successors.addAll(this.dependents.get(id));
		return successors.size();
	}

	/**
	 * The revision a branch label names, or {@code null}.
	 */
	public @Nullable RevisionId labelled(String label) {
		return this.labels.get(label);
	}

	public Set<String> labels() {
		return this.labels.keySet();
	}

	/**
	 * Every revision that must be applied for these to be applied: themselves, their
	 * parents and their dependencies, transitively.
	 */
	public Set<RevisionId> ancestorsOf(Collection<RevisionId> ids) {
		return walk(ids, true);
	}

	/**
	 * Every revision that must be removed for these to be removed: themselves, their
	 * children and their dependents, transitively.
	 */
	public Set<RevisionId> descendantsOf(Collection<RevisionId> ids) {
		return walk(ids, false);
	}

	/**
	 * Breadth first from {@code start}, towards the bases (parents and dependencies) or
	 * away from them (children and dependents).
	 */
	private Set<RevisionId> walk(Collection<RevisionId> start, boolean towardsBases) {
		Set<RevisionId> seen = new LinkedHashSet<>();
		Deque<RevisionId> todo = new ArrayDeque<>(start);
		while (!todo.isEmpty()) {
			RevisionId id = todo.pop();
			if (seen.add(id)) {
				todo.addAll(towardsBases ? this.revisions.get(id).downRevisions() : this.children.get(id));
				todo.addAll(towardsBases ? this.dependencies.get(id) : this.dependents.get(id));
			}
		}
		return seen;
	}

	/**
	 * The given revisions in apply order (parents first).
	 */
	public List<RevisionId> inOrder(Collection<RevisionId> ids) {
		return ids.stream()
			.filter(this.position::containsKey)
			.sorted(Comparator.comparing(this.position::get))
			.toList();
	}

	/**
	 * Of an applied set, the revisions that no applied revision has as a parent or
	 * depends on, in id order: where the database stands, as Alembic's
	 * {@code alembic_version} table would hold it. A revision that another branch's
	 * revision depends on is covered by it, as in Alembic.
	 */
	public List<RevisionId> headsOf(Collection<RevisionId> applied) {
		Set<RevisionId> covered = new HashSet<>();
		for (RevisionId id : applied) {
			Revision revision = this.revisions.get(id);
			if (revision != null) {
				covered.addAll(revision.downRevisions());
				covered.addAll(this.dependencies.get(id));
			}
		}
		Set<RevisionId> heads = new TreeSet<>();
		for (RevisionId id : applied) {
			if (!covered.contains(id) && this.revisions.containsKey(id)) {
				heads.add(id);
			}
		}
		return List.copyOf(heads);
	}

	/**
	 * The lineage of a revision, as Alembic attaches a branch label to it: the revision
	 * and every revision that descends from it through {@code down_revision}, merges
	 * included; never through {@code depends_on}.
	 */
	public Set<RevisionId> lineage(RevisionId id) {
		return alongParents(id, false);
	}

	/**
	 * The revisions on the way to or within a branch, as Alembic filters a walk by a
	 * branch: the lineage of {@code branch} and its ancestors through
	 * {@code down_revision}.
	 */
	public Set<RevisionId> sharingLineage(RevisionId branch) {
		Set<RevisionId> sharing = alongParents(branch, true);
		sharing.addAll(lineage(branch));
		return sharing;
	}

	private Set<RevisionId> alongParents(RevisionId start, boolean towardsBases) {
		Set<RevisionId> seen = new LinkedHashSet<>();
		Deque<RevisionId> todo = new ArrayDeque<>();
		todo.add(start);
		while (!todo.isEmpty()) {
			RevisionId id = todo.pop();
			if (seen.add(id)) {
				todo.addAll(towardsBases ? this.revisions.get(id).downRevisions() : this.children.get(id));
			}
		}
		return seen;
	}

}
