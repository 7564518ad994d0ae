package io.github.migrations.core.revision;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.migrations.core.revision.Revisions.depending;
import static io.github.migrations.core.revision.Revisions.down;
import static io.github.migrations.core.revision.Revisions.expandContract;
import static io.github.migrations.core.revision.Revisions.graph;
import static io.github.migrations.core.revision.Revisions.ids;
import static io.github.migrations.core.revision.Revisions.labelled;
import static io.github.migrations.core.revision.Revisions.list;
import static io.github.migrations.core.revision.Revisions.rev;
import static io.github.migrations.core.revision.Revisions.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Relative steps move along Alembic's walk: up through {@code down_revision} children
 * (within a branch's lineage when a label is given), down through parents, from where the
 * database stands as {@code alembic_version} would record it. Where the walk has two ways
 * to go, the error lists them.
 */
class RelativeStepTests {

	private final RevisionGraph expandContract = expandContract();

	private final RevisionGraph twoLabelled = graph(rev("a1"), labelled("b2", "left", "a1"), rev("b3", "b2"),
			labelled("c2", "right", "a1"), rev("c3", "c2"));

	private final RevisionGraph threeWayMerge = graph(rev("a"), rev("x", "a"), rev("y", "a"), rev("z", "a"),
			rev("m", "x", "y", "z"));

	private final RevisionGraph twoRoots = graph(labelled("a1", "accounts"), rev("a2", "a1"),
			labelled("n1", "networking"), depending("n2", "a2", "n1"));

	@Test
	void plusOneFromWhereAnotherBranchCoversADependencyMovesTheOnlyCurrentRevision() {
		// 'c1' depends on 'e1', so the database stands at 'c1' alone, as alembic_version
		// would record it; its next revision needs 'e2'
		assertThat(up(this.expandContract, ids("r0", "e1", "c1"), "+1")).isEqualTo(list("e2", "c2"));
	}

	@Test
	void plusOneFromABranchPointIsAmbiguousAndNamesTheChildren() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.expandContract, ids("r0"), "+1"))
			.withMessage("Target '+1' is ambiguous: 'r0' is a branch point with children 'c1', 'e1'. "
					+ "Name the revision to upgrade to: 'c1' or 'e1'.");
	}

	@Test
	void plusOneFromAnEmptyDatabaseWithTwoBasesIsAmbiguousAndNamesTheBases() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.twoRoots, ids(), "+1"))
			.withMessage("Target '+1' is ambiguous: nothing is applied and there are 2 bases ('a1', 'n1'). "
					+ "Name the revision to upgrade to: 'a1' or 'n1'.");
	}

	@Test
	void labelPlusNWalksUpThatBranchOnlyAndPullsInWhatItDependsOn() {
		assertThat(up(this.twoRoots, ids(), "networking@+1")).isEqualTo(list("n1"));
		assertThat(up(this.twoRoots, ids(), "networking@+2")).isEqualTo(list("a1", "a2", "n1", "n2"));
		assertThat(up(this.twoLabelled, ids("a1", "b2", "b3"), "right@+2")).isEqualTo(list("c2", "c3"));
	}

	@Test
	void labelPlusNPastTheBranchHeadFailsNamingTheHead() {
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> up(this.twoLabelled, ids("a1", "c2"), "right@+2"))
			.withMessage("Target 'right@+2' goes past the head: 'c3' is a head, 1 step(s) short. "
					+ "Use a smaller number, or 'right@head'.");
	}

	@Test
	void labelPlusOneAtABranchPointInsideTheBranchIsAmbiguous() {
		RevisionGraph graph = graph(rev("r"), labelled("s1", "shop", "r"), rev("s2a", "s1"), rev("s2b", "s1"),
				rev("x1", "r"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(graph, ids("r", "s1"), "shop@+1"))
			.withMessage("Target 'shop@+1' is ambiguous: 's1' is a branch point with children 's2a', 's2b' "
					+ "within branch 'shop'. Name the revision to upgrade to: 's2a' or 's2b'.");
	}

	@Test
	void plusOneWithTwoCurrentRevisionsListsTargetsThatWorkWhenPasted() {
		Set<RevisionId> applied = ids("a1", "b2", "c2");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.twoLabelled, applied, "+1"))
			.withMessage("Target '+1' is ambiguous: the database stands at 2 revisions ('b2', 'c2'). "
					+ "Say which one to move from: 'b2@+1' or 'c2@+1'.");
		assertThat(up(this.twoLabelled, applied, "b2@+1")).isEqualTo(list("b3"));
		assertThat(up(this.twoLabelled, applied, "c2@+1")).isEqualTo(list("c3"));
	}

	@Test
	void plusOneBelowATwoParentMergeIsAmbiguousLikeAlembicButEachParentCanBeNamed() {
		RevisionGraph diamond = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(diamond, ids("a", "b", "c"), "+1"))
			.withMessageStartingWith("Target '+1' is ambiguous: the database stands at 2 revisions ('b', 'c').");
		assertThat(up(diamond, ids("a", "b", "c"), "b@+1")).isEqualTo(list("m"));
	}

	@Test
	void revisionPlusNWalksFromThatRevisionWhateverIsApplied() {
		assertThat(up(this.twoLabelled, ids(), "c2+1")).isEqualTo(list("a1", "c2", "c3"));
		assertThat(up(this.twoLabelled, ids(), "base+1")).isEqualTo(list("a1"));
	}

	@Test
	void revisionMinusNThroughAMergeIsAmbiguousAndNamesTheParents() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.threeWayMerge, ids(), "m-1"))
			.withMessage("Target 'm-1' is ambiguous: 'm' is a merge of 'x', 'y', 'z'. "
					+ "Name the revision to go down to: 'x' or 'y' or 'z'.");
	}

	@Test
	void minusOneFromAThreeWayMergeRemovesTheMergeOnly() {
		assertThat(down(this.threeWayMerge, ids("a", "x", "y", "z", "m"), "-1")).isEqualTo(list("m"));
	}

	@Test
	void minusNWalksDownTheParentsOfWhereTheDatabaseStandsAndTakesDependentsAlong() {
		Set<RevisionId> all = ids("r0", "e1", "e2", "c1", "c2");
		assertThat(down(this.expandContract, all, "-1")).isEqualTo(list("c2"));
		assertThat(down(this.expandContract, all, "-2")).isEqualTo(list("c1", "c2"));
		assertThat(down(this.expandContract, all, "-3")).isEqualTo(list("r0", "e1", "c1", "e2", "c2"));
	}

	@Test
	void minusOneWithTwoCurrentRevisionsRefusesWhereAlembicPicksOneAndListsBoth() {
		Set<RevisionId> applied = ids("r0", "e1", "e2", "c1");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> down(this.expandContract, applied, "-1"))
			.withMessage("Target '-1' is ambiguous: the database stands at 2 revisions ('c1', 'e2'). "
					+ "Say which one to move from: 'c1@-1' or 'e2@-1'.");
		assertThat(down(this.expandContract, applied, "e2@-1")).isEqualTo(list("e2"));
		assertThat(down(this.expandContract, applied, "c1@-1")).isEqualTo(list("c1"));
	}

	@Test
	void labelMinusOneWhereTheBranchStandsAtTwoRevisionsListsBoth() {
		RevisionGraph graph = graph(rev("r"), labelled("s1", "shop", "r"), rev("s2a", "s1"), rev("s2b", "s1"));
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> down(graph, ids("r", "s1", "s2a", "s2b"), "shop@-1"))
			.withMessage("Target 'shop@-1' is ambiguous: branch 'shop' stands at 2 revisions ('s2a', 's2b'). "
					+ "Say which one to move from: 's2a@-1' or 's2b@-1'.");
	}

	@Test
	void minusOneWithNothingAppliedSaysThereIsNothingToDowngrade() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> down(this.twoLabelled, ids(), "left@-1"))
			.withMessage(
					"Target 'left@-1' goes below base: nothing of branch 'left' is applied. Nothing to downgrade.");
	}

	@Test
	void labelHeadMinusNCountsDownFromTheHeadOfThatBranch() {
		Set<RevisionId> all = ids("r0", "e1", "e2", "c1", "c2");
		assertThat(up(this.expandContract, ids(), "expand@head-1")).isEqualTo(list("r0", "e1"));
		assertThat(down(this.expandContract, all, "expand@head-1")).isEqualTo(list("e2", "c2"));
		assertThat(down(this.expandContract, all, "contract@head-1")).isEqualTo(list("c2"));
	}

	@Test
	void labelAtRevisionPlusNWalksUpFromThatRevisionWithinTheBranch() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.twoLabelled, ids(), "a1+1"))
			.withMessageStartingWith("Target 'a1+1' is ambiguous: 'a1' is a branch point with children 'b2', 'c2'.");
		assertThat(up(this.twoLabelled, ids(), "left@a1+1")).isEqualTo(list("a1", "b2"));
		assertThat(up(this.twoLabelled, ids(), "right@a1+2")).isEqualTo(list("a1", "c2", "c3"));
		assertThat(up(this.twoLabelled, ids(), "right@base+1")).isEqualTo(list("a1"));
	}

	@Test
	void aRevisionNamedWithinABranchMustBeOnItAndAPrefixIsMatchedThere() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.twoLabelled, ids(), "left@c3"))
			.withMessage("Target 'left@c3' names revision 'c3', which is not on branch 'left': neither in it nor on "
					+ "the way to it. Name a revision of the branch (see 'migrations history'), or leave out 'left@'.");
		RevisionGraph graph = graph(rev("a1"), labelled("xb", "left", "a1"), labelled("xc", "right", "a1"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(graph, ids(), "x"))
			.withMessageStartingWith("Revision prefix 'x' is ambiguous: it matches 'xb', 'xc'.");
		assertThat(up(graph, ids(), "left@x")).isEqualTo(list("a1", "xb"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(graph, ids(), "left@hed"))
			.withMessageStartingWith("No revision or branch label 'hed'. Did you mean 'left@head'?");
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(graph, ids(), "left@xd"))
			.withMessageStartingWith("No revision or branch label 'xd'. Did you mean 'left@xb'?");
	}

	@Test
	void headsMinusNCountsFromTheOnlyHeadNoRevisionDependsOnAndOtherwiseNamesEachHead() {
		assertThat(up(this.expandContract, ids(), "heads-1")).isEqualTo(list("r0", "e1", "c1"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.twoLabelled, ids(), "heads-1"))
			.withMessage("Target 'heads-1' is ambiguous: there are 2 heads ('b3', 'c3'). "
					+ "Name the head to count from: 'b3-1' or 'c3-1'.");
		assertThat(up(this.twoLabelled, ids(), "left@heads-1")).isEqualTo(list("a1", "b2"));
	}

	@Test
	void downgradeToARevisionWithinABranchRemovesOnlyWhatIsOnThatBranch() {
		RevisionGraph graph = graph(rev("r"), labelled("s1", "shop", "r"), rev("s2", "s1"), rev("x1", "r"));
		Set<RevisionId> all = ids("r", "s1", "s2", "x1");
		assertThat(down(graph, all, "shop@r")).isEqualTo(list("s1", "s2"));
		assertThat(down(graph, all, "r")).isEqualTo(list("s1", "s2", "x1"));
		assertThat(down(graph, all, "shop@s2-1")).isEqualTo(list("s2"));
	}

}
