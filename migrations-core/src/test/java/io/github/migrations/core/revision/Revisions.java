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

	public static RevisionGraph graph(Revision... revisions) {
		return RevisionGraph.of(List.of(revisions));
	}

	public static Set<RevisionId> ids(String... ids) {
		return Set.copyOf(Arrays.stream(ids).map(RevisionId::of).toList());
	}

	public static List<RevisionId> list(String... ids) {
		return Arrays.stream(ids).map(RevisionId::of).toList();
	}

}
