package io.github.migrations.core.revision;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A revision's header: its id, its parents ({@code down_revision}), the branch labels it
 * introduces, the revisions it depends on across branches, and a message.
 *
 * @param id the revision's id
 * @param downRevisions the parents; empty for a base revision, two or more for a merge
 * @param branchLabels labels that name the branch this revision starts or belongs to
 * @param dependsOn revisions (or branch labels) that must be applied first, without being
 * parents
 * @param message a one-line description, or {@code null}
 * @param source where the revision comes from, such as a file path or a class name
 */
public record Revision(RevisionId id, List<RevisionId> downRevisions, Set<String> branchLabels, List<String> dependsOn,
		@Nullable String message, String source) {

	public Revision {
		downRevisions = List.copyOf(downRevisions);
		branchLabels = Set.copyOf(branchLabels);
		dependsOn = List.copyOf(dependsOn);
	}

	/**
	 * A revision with parents only, for tests and simple Java revisions.
	 */
	public static Revision of(String id, String... downRevisions) {
		return new Revision(RevisionId.of(id), java.util.Arrays.stream(downRevisions).map(RevisionId::of).toList(),
				Set.of(), List.of(), null, id);
	}

	public boolean isBase() {
		return this.downRevisions.isEmpty();
	}

	public boolean isMerge() {
		return this.downRevisions.size() > 1;
	}

}
