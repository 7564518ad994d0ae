package io.github.migrations.core.revision;

import org.junit.jupiter.api.Test;

import static io.github.migrations.core.revision.Revisions.depending;
import static io.github.migrations.core.revision.Revisions.graph;
import static io.github.migrations.core.revision.Revisions.ids;
import static io.github.migrations.core.revision.Revisions.labelled;
import static io.github.migrations.core.revision.Revisions.list;
import static io.github.migrations.core.revision.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionGraphTests {

	@Test
	void lineHasOneBaseOneHeadAndParentsFirst() {
		RevisionGraph graph = graph(rev("c", "b"), rev("a"), rev("b", "a"));
		assertThat(graph.bases()).isEqualTo(list("a"));
		assertThat(graph.heads()).isEqualTo(list("c"));
		assertThat(graph.revisions()).extracting(Revision::id).isEqualTo(list("a", "b", "c"));
	}

	@Test
	void diamondOrdersMergeAfterBothParents() {
		RevisionGraph graph = graph(rev("m", "b1", "c1"), rev("c1", "a"), rev("b1", "a"), rev("a"));
		assertThat(graph.revisions()).extracting(Revision::id).isEqualTo(list("a", "b1", "c1", "m"));
		assertThat(graph.isBranchPoint(RevisionId.of("a"))).isTrue();
		assertThat(graph.get(RevisionId.of("m")).isMerge()).isTrue();
		assertThat(graph.heads()).isEqualTo(list("m"));
	}

	@Test
	void twoBasesAndTwoHeadsAreAllowed() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("x"), rev("y", "x"));
		assertThat(graph.bases()).isEqualTo(list("a", "x"));
		assertThat(graph.heads()).isEqualTo(list("b", "y"));
	}

	@Test
	void dependsOnOrdersAcrossBranchesWithoutRemovingAHead() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), depending("c", "b", "a0"), rev("a0"));
		assertThat(graph.heads()).isEqualTo(list("b", "c"));
		assertThat(graph.ancestorsOf(list("c"))).containsExactlyInAnyOrderElementsOf(ids("a", "a0", "b", "c"));
		assertThat(graph.descendantsOf(list("b"))).containsExactlyInAnyOrderElementsOf(ids("b", "c"));
		assertThat(graph.revisions()).extracting(Revision::id).isEqualTo(list("a", "a0", "b", "c"));
	}

	@Test
	void dependsOnMayNameABranchLabel() {
		RevisionGraph graph = graph(labelled("a", "shop"), rev("x"), depending("y", "shop", "x"));
		assertThat(graph.dependencies(RevisionId.of("y"))).isEqualTo(list("a"));
	}

	@Test
	void duplicateIdIsRejectedNamingBothSources() {
		assertThatExceptionOfType(RevisionGraphException.class)
			.isThrownBy(() -> graph(labelled("a", "one"),
					new Revision(RevisionId.of("a"), list(), java.util.Set.of(), java.util.List.of(), null,
							"other/a.sql")))
			.withMessage("Revision 'a' is declared twice: in a.sql and in other/a.sql. "
					+ "Give one of them a new id (and update the down_revision that points to it).");
	}

	@Test
	void missingParentIsRejectedNamingRevisionAndParent() {
		assertThatExceptionOfType(RevisionGraphException.class).isThrownBy(() -> graph(rev("a"), rev("b", "9zz1")))
			.withMessage("Revision 'b' (b) has down_revision '9zz1', which no revision declares. "
					+ "Check the id for a typo, or add the missing revision file.");
	}

	@Test
	void missingParentWithACloseIdSuggestsIt() {
		assertThatExceptionOfType(RevisionGraphException.class).isThrownBy(() -> graph(rev("a1c3"), rev("b2", "a1c4")))
			.withMessage("Revision 'b2' (b2) has down_revision 'a1c4', which no revision declares. "
					+ "Did you mean 'a1c3'? Check the id for a typo, or add the missing revision file.");
	}

	@Test
	void missingDependencyIsRejected() {
		assertThatExceptionOfType(RevisionGraphException.class)
			.isThrownBy(() -> graph(rev("a"), depending("b", "nope", "a")))
			.withMessageStartingWith(
					"Revision 'b' (b.sql) depends on 'nope', which is neither a revision nor a branch label.");
	}

	@Test
	void dependencyOnAMistypedBranchLabelSuggestsTheLabel() {
		assertThatExceptionOfType(RevisionGraphException.class)
			.isThrownBy(() -> graph(rev("a"), labelled("b", "meetings", "a"), depending("c", "meetingz", "a")))
			.withMessage("Revision 'c' (c.sql) depends on 'meetingz', which is neither a revision nor a branch label. "
					+ "Did you mean 'meetings'? Check depends_on for a typo, or add the missing revision.");
	}

	@Test
	void cycleIsRejectedShowingThePath() {
		assertThatExceptionOfType(RevisionGraphException.class)
			.isThrownBy(() -> graph(rev("a"), rev("b", "a", "d"), rev("c", "b"), rev("d", "c")))
			.withMessage("The revisions form a cycle: 'b' -> 'c' -> 'd' -> 'b' (b). "
					+ "A revision cannot come after itself: fix the down_revision or depends_on of one of them.");
	}

	@Test
	void selfParentIsACycle() {
		assertThatExceptionOfType(RevisionGraphException.class).isThrownBy(() -> graph(rev("a", "a")))
			.withMessageStartingWith("The revisions form a cycle: 'a' -> 'a'");
	}

	@Test
	void labelUsedTwiceIsRejected() {
		assertThatExceptionOfType(RevisionGraphException.class)
			.isThrownBy(() -> graph(labelled("a", "shop"), labelled("b", "shop", "a")))
			.withMessage("Branch label 'shop' is used by two revisions: 'a' (a.sql) and 'b' (b.sql). "
					+ "Keep the label on the revision that starts the branch and remove it from the other.");
	}

	@Test
	void headsOfAppliedSetAreWhereTheDatabaseStands() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));
		assertThat(graph.headsOf(ids("a", "b", "c"))).isEqualTo(list("b", "c"));
		assertThat(graph.headsOf(ids("a", "b", "c", "m"))).isEqualTo(list("m"));
		assertThat(graph.headsOf(ids())).isEmpty();
	}

	@Test
	void headsOfAppliedSetLeaveOutWhatAnotherBranchDependsOn() {
		RevisionGraph graph = Revisions.expandContract();
		assertThat(graph.headsOf(ids("r0", "e1", "c1"))).isEqualTo(list("c1"));
		assertThat(graph.headsOf(ids("r0", "e1", "e2", "c1"))).isEqualTo(list("c1", "e2"));
		assertThat(graph.headsOf(ids("r0", "e1", "e2", "c1", "c2"))).isEqualTo(list("c2"));
	}

	@Test
	void lineageIsTheLabelledRevisionAndItsDescendantsThroughDownRevisionOnly() {
		RevisionGraph graph = Revisions.expandContract();
		assertThat(graph.lineage(RevisionId.of("e1"))).containsExactlyInAnyOrderElementsOf(ids("e1", "e2"));
		assertThat(graph.lineage(RevisionId.of("c1"))).containsExactlyInAnyOrderElementsOf(ids("c1", "c2"));
	}

	@Test
	void lineageContinuesThroughAMergeAndSharingAddsTheWayFromTheBase() {
		RevisionGraph graph = graph(rev("a"), labelled("b1", "left", "a"), rev("b2", "b1"), rev("c1", "a"),
				rev("m", "b2", "c1"));
		assertThat(graph.lineage(RevisionId.of("b1"))).containsExactlyInAnyOrderElementsOf(ids("b1", "b2", "m"));
		assertThat(graph.sharingLineage(RevisionId.of("b1")))
			.containsExactlyInAnyOrderElementsOf(ids("a", "b1", "b2", "m"));
	}

	@Test
	void aHeadThatARevisionDependsOnIsAnEffectiveHeadAndNotARealOne() {
		RevisionGraph graph = Revisions.expandContract();
		assertThat(graph.heads()).isEqualTo(list("c2", "e2"));
		assertThat(graph.isEffectiveHead(RevisionId.of("e2"))).isTrue();
		assertThat(graph.isEffectiveHead(RevisionId.of("c2"))).isFalse();
		assertThat(graph.realHeads()).isEqualTo(list("c2"));
		assertThat(graph.dependents(RevisionId.of("e1"))).isEqualTo(list("c1"));
	}

	@Test
	void aLabelIsShownOnItsLineageAndOnTheLineBelowItDownToTheNearestBranchPoint() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), labelled("c", "x", "b"), rev("d", "c"), rev("y1", "a"));
		assertThat(graph.shownLabels(RevisionId.of("d"))).containsExactly("x");
		assertThat(graph.shownLabels(RevisionId.of("c"))).containsExactly("x");
		assertThat(graph.shownLabels(RevisionId.of("b"))).containsExactly("x");
		assertThat(graph.shownLabels(RevisionId.of("a"))).isEmpty();
		assertThat(graph.shownLabels(RevisionId.of("y1"))).isEmpty();
		RevisionGraph line = graph(rev("a"), labelled("b", "x", "a"), rev("c", "b"));
		assertThat(graph.shownLabels(RevisionId.of("a"))).isEmpty();
		assertThat(line.shownLabels(RevisionId.of("a"))).containsExactly("x");
	}

	@Test
	void aLabelIsNotShownBelowABranchThatSplitsOrEndsInAMergeOrIsDependedOn() {
		RevisionGraph split = graph(rev("r"), labelled("s1", "shop", "r"), rev("s2", "s1"), rev("s3a", "s2"),
				rev("s3b", "s2"));
		assertThat(split.shownLabels(RevisionId.of("s3b"))).containsExactly("shop");
		assertThat(split.shownLabels(RevisionId.of("r"))).isEmpty();
		RevisionGraph merged = graph(rev("a"), labelled("b1", "left", "a"), rev("b2", "b1"), rev("c1", "a"),
				rev("m", "b2", "c1"));
		assertThat(merged.shownLabels(RevisionId.of("m"))).containsExactly("left");
		assertThat(merged.shownLabels(RevisionId.of("a"))).isEmpty();
		assertThat(merged.shownLabels(RevisionId.of("c1"))).isEmpty();
		RevisionGraph expandContract = Revisions.expandContract();
		assertThat(expandContract.shownLabels(RevisionId.of("e2"))).containsExactly("expand");
		assertThat(expandContract.shownLabels(RevisionId.of("c2"))).containsExactly("contract");
		assertThat(expandContract.shownLabels(RevisionId.of("r0"))).isEmpty();
	}

}
