package io.github.migrations.core.revision;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Tiny literal graphs for tests.
 */
public final class Revisions {

	private Revisions() {
	}

	public static Revision rev(String id, String... parents) {
		return Revision.of(id, parents);
	}

	public static Revision labelled(String id, String label, String... parents) {
		return new Revision(RevisionId.of(id), Arrays.stream(parents).map(RevisionId::of).toList(), Set.of(label),
				List.of(), null, id + ".sql");
	}

	public static Revision depending(String id, String dependsOn, String... parents) {
		return new Revision(RevisionId.of(id), Arrays.stream(parents).map(RevisionId::of).toList(), Set.of(),
				List.of(dependsOn), null, id + ".sql");
	}

	public static Revision labelledDepending(String id, String label, String dependsOn, String... parents) {
		return new Revision(RevisionId.of(id), Arrays.stream(parents).map(RevisionId::of).toList(), Set.of(label),
				List.of(dependsOn), null, id + ".sql");
	}

	public static RevisionGraph graph(Revision... revisions) {
		return RevisionGraph.of(List.of(revisions));
	}

	/**
	 * Neutron's shape: a root, an {@code expand} and a {@code contract} branch from it,
	 * each contract revision depending on the expand revision of its release.
	 */
	public static RevisionGraph expandContract() {
		return graph(rev("r0"), labelled("e1", "expand", "r0"), rev("e2", "e1"),
				labelledDepending("c1", "contract", "e1", "r0"), depending("c2", "e2", "c1"));
	}

	/**
	 * The revisions an upgrade to the target applies, in order.
	 */
	public static List<RevisionId> up(RevisionGraph graph, Set<RevisionId> applied, String target) {
		return graph.inOrder(new TargetResolver(graph, applied).toApply(Target.parse(target)));
	}

	/**
	 * The revisions a downgrade to the target removes, in apply order.
	 */
	public static List<RevisionId> down(RevisionGraph graph, Set<RevisionId> applied, String target) {
		return graph.inOrder(new TargetResolver(graph, applied).toRemove(Target.parse(target)));
	}

	public static Set<RevisionId> ids(String... ids) {
		return Set.copyOf(Arrays.stream(ids).map(RevisionId::of).toList());
	}

	public static List<RevisionId> list(String... ids) {
		return Arrays.stream(ids).map(RevisionId::of).toList();
	}

}
