package io.github.migrations.core.revision;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.migrations.core.revision.Revisions.depending;
import static io.github.migrations.core.revision.Revisions.expandContract;
import static io.github.migrations.core.revision.Revisions.graph;
import static io.github.migrations.core.revision.Revisions.ids;
import static io.github.migrations.core.revision.Revisions.labelled;
import static io.github.migrations.core.revision.Revisions.list;
import static io.github.migrations.core.revision.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stamping records what Alembic's {@code stamp} leaves in {@code alembic_version}: every
 * revision asked for, and what was recorded before unless it is related to one of them.
 */
class StampTests {

	/** 'c2' depends on the label 'other', that is on 'o1'. */
	private final RevisionGraph dependsOnALabel = graph(labelled("o1", "other"), rev("o2", "o1"), rev("c1"),
			depending("c2", "other", "c1"));

	private List<RevisionId> stamp(RevisionGraph graph, Set<RevisionId> applied, String... targets) {
		Set<RevisionId> after = new TargetResolver(graph, applied)
			.stamped(Arrays.stream(targets).map(Target::parse).toList(), false);
		return graph.headsOf(after);
	}

	@Test
	void stampRecordsExactlyTheAskedRevisionsWhenOneDependsOnALabel() {
		assertThat(stamp(this.dependsOnALabel, ids(), "o2", "c2")).isEqualTo(list("c2", "o2"));
		assertThat(stamp(this.dependsOnALabel, ids(), "c2", "o2")).isEqualTo(list("c2", "o2"));
	}

	@Test
	void stampingARevisionAndItsDescendantIsAcceptedInEitherOrder() {
		assertThat(stamp(this.dependsOnALabel, ids(), "o1", "o2")).isEqualTo(list("o2"));
		assertThat(stamp(this.dependsOnALabel, ids(), "o2", "o1")).isEqualTo(list("o2"));
	}

	@Test
	void stampReplacesTheRecordedRevisionsOfTheSameLineAndKeepsUnrelatedOnes() {
		RevisionGraph graph = graph(rev("a1"), rev("b2", "a1"), rev("b3", "b2"), rev("c2", "a1"), rev("c3", "c2"));
		Set<RevisionId> applied = ids("a1", "b2", "b3", "c2");
		assertThat(stamp(graph, applied, "b2")).isEqualTo(list("b2", "c2"));
		assertThat(stamp(graph, applied, "c3")).isEqualTo(list("b3", "c3"));
		assertThat(stamp(graph, applied, "a1")).isEqualTo(list("a1"));
	}

	@Test
	void stampingAnExpandRevisionReplacesTheContractRevisionThatDependsOnIt() {
		assertThat(stamp(expandContract(), ids("r0", "e1", "e2", "c1", "c2"), "e1")).isEqualTo(list("e1"));
		assertThat(stamp(expandContract(), ids(), "expand@head")).isEqualTo(list("e2"));
		assertThat(stamp(expandContract(), ids("r0", "e1", "e2"), "contract@head")).isEqualTo(list("c2"));
	}

	@Test
	void stampBaseForgetsEverythingAndLabelBaseForgetsTheLineageAndItsDependents() {
		Set<RevisionId> all = ids("r0", "e1", "e2", "c1", "c2");
		assertThat(stamp(expandContract(), all, "base")).isEmpty();
		assertThat(stamp(expandContract(), all, "base", "e1")).isEqualTo(list("e1"));
		assertThat(stamp(expandContract(), all, "contract@base")).isEqualTo(list("e2"));
		assertThat(stamp(expandContract(), all, "expand@base")).isEqualTo(list("r0"));
	}

	@Test
	void stampMinusOneIsRefusedAsItNamesNoRevision() {
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> stamp(expandContract(), ids("r0", "e1"), "-1"))
			.withMessage("'-1' names no revision to stamp. "
					+ "Name the revision to record, for example 'stamp <rev>', or use 'downgrade -1'.");
	}

}
