package io.github.migrations.core.revision;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.migrations.core.revision.Revisions.depending;
import static io.github.migrations.core.revision.Revisions.graph;
import static io.github.migrations.core.revision.Revisions.ids;
import static io.github.migrations.core.revision.Revisions.labelled;
import static io.github.migrations.core.revision.Revisions.list;
import static io.github.migrations.core.revision.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetResolverTests {

	private final RevisionGraph line = graph(rev("a1"), rev("b2", "a1"), rev("c3", "b2"), rev("d4", "c3"));

	private final RevisionGraph twoHeads = graph(rev("a1"), labelled("b2", "left", "a1"), rev("b3", "b2"),
			labelled("c2", "right", "a1"), rev("c3", "c2"));

	private List<RevisionId> up(RevisionGraph graph, Set<RevisionId> applied, String target) {
		return graph.inOrder(new TargetResolver(graph, applied).toApply(Target.parse(target)));
	}

	private List<RevisionId> down(RevisionGraph graph, Set<RevisionId> applied, String target) {
		return graph.inOrder(new TargetResolver(graph, applied).toRemove(Target.parse(target)));
	}

	@Test
	void upgradeHeadAppliesEverythingPendingInOrder() {
		assertThat(up(this.line, ids(), "head")).isEqualTo(list("a1", "b2", "c3", "d4"));
		assertThat(up(this.line, ids("a1", "b2"), "head")).isEqualTo(list("c3", "d4"));
		assertThat(up(this.line, ids("a1", "b2", "c3", "d4"), "head")).isEmpty();
	}

	@Test
	void upgradePlusOneTakesOneStepFromWhereTheDatabaseStands() {
		assertThat(up(this.line, ids(), "+1")).isEqualTo(list("a1"));
		assertThat(up(this.line, ids("a1"), "+2")).isEqualTo(list("b2", "c3"));
	}

	@Test
	void upgradePastTheHeadFails() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.line, ids("a1", "b2", "c3"), "+2"))
			.withMessage(
					"Target '+2' goes past the head: 'd4' is a head, 1 step(s) short. Use a smaller number, or 'head'.");
	}

	@Test
	void upgradeToRevisionOrUniquePrefix() {
		assertThat(up(this.line, ids(), "b2")).isEqualTo(list("a1", "b2"));
		assertThat(up(this.line, ids(), "c")).isEqualTo(list("a1", "b2", "c3"));
		assertThat(up(this.line, ids(), "a1+2")).isEqualTo(list("a1", "b2", "c3"));
	}

	@Test
	void ambiguousPrefixListsTheMatches() {
		RevisionGraph graph = graph(rev("ab12"), rev("ab34", "ab12"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(graph, ids(), "ab"))
			.withMessage(
					"Revision prefix 'ab' is ambiguous: it matches 'ab12', 'ab34'. Use more characters of the id.");
	}

	@Test
	void unknownRevisionNamesTheHeads() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.line, ids(), "zz"))
			.withMessage("No revision or branch label 'zz'. Check the id with 'history'; the heads are 'd4'.");
	}

	@Test
	void mistypedRevisionSuggestsTheClosestIds() {
		RevisionGraph graph = graph(rev("7c41e0a9b2d3"), rev("7c41e0a9b2e4", "7c41e0a9b2d3"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(graph, ids(), "7c41e0a9b2d4"))
			.withMessage("No revision or branch label '7c41e0a9b2d4'. Did you mean '7c41e0a9b2d3' or '7c41e0a9b2e4'? "
					+ "Check the id with 'history'; the heads are '7c41e0a9b2e4'.");
	}

	@Test
	void upgradeHeadWithTwoHeadsFailsAndNamesBoth() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.twoHeads, ids(), "head"))
			.withMessage(
					"Target 'head' is ambiguous: there are 2 heads ('b3', 'c3'). Merge them with 'migrations merge -m \"merge heads\" b3 c3', "
							+ "or use target 'heads' to apply all of them, or one head's id ('b3') for its branch.");
	}

	@Test
	void upgradeHeadsAppliesBothBranches() {
		assertThat(up(this.twoHeads, ids(), "heads")).isEqualTo(list("a1", "b2", "b3", "c2", "c3"));
	}

	@Test
	void branchHeadAppliesOnlyThatBranch() {
		assertThat(up(this.twoHeads, ids(), "left@head")).isEqualTo(list("a1", "b2", "b3"));
		assertThat(up(this.twoHeads, ids("a1", "b2", "b3"), "right@+1")).isEqualTo(list("c2"));
		assertThat(up(this.twoHeads, ids("a1", "c2"), "right@+1")).isEqualTo(list("c3"));
	}

	@Test
	void plusOneWithTwoCurrentHeadsIsAmbiguous() {
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> up(this.twoHeads, ids("a1", "b2", "c2"), "+1"))
			.withMessage("Target '+1' is ambiguous: the database stands at 2 revisions ('b2', 'c2'). "
					+ "Say which one to move from: 'b2@+1' or 'c2@+1'.");
	}

	@Test
	void downgradeToOneAboveABranchPointIsAmbiguousAndNamesTheRevisionsToDowngradeTo() {
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> down(this.twoHeads, ids("a1", "b2", "b3", "c2", "c3"), "a1+1"))
			.withMessage("Target 'a1+1' is ambiguous: 'a1' is a branch point with children 'b2', 'c2'. "
					+ "Name the revision to downgrade to: 'b2' or 'c2'.");
	}

	@Test
	void plusOneFromBranchPointIsAmbiguous() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.twoHeads, ids("a1"), "+1"))
			.withMessage("Target '+1' is ambiguous: 'a1' is a branch point with children 'b2', 'c2'. "
					+ "Name the revision to upgrade to: 'b2' or 'c2'.");
	}

	@Test
	void upgradeToADowngradeTargetIsRefused() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.line, ids("a1"), "-1"))
			.withMessage("'-1' is a downgrade target, not an upgrade target. "
					+ "Use 'downgrade -1', or a target such as '+1' or 'head' to go up.");
	}

	@Test
	void downgradeMinusOneRemovesTheCurrentRevision() {
		assertThat(down(this.line, ids("a1", "b2", "c3"), "-1")).isEqualTo(list("c3"));
		assertThat(down(this.line, ids("a1", "b2", "c3"), "-2")).isEqualTo(list("b2", "c3"));
	}

	@Test
	void downgradeBelowBaseFails() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> down(this.line, ids("a1", "b2"), "-3"))
			.withMessage("Target '-3' goes past the base: 'a1' is a base revision, 1 step(s) short. "
					+ "Use a smaller number, or 'base'.");
	}

	@Test
	void downgradeToBaseRemovesEverything() {
		assertThat(down(this.line, ids("a1", "b2", "c3"), "base")).isEqualTo(list("a1", "b2", "c3"));
	}

	@Test
	void downgradeToRevisionKeepsIt() {
		assertThat(down(this.line, ids("a1", "b2", "c3", "d4"), "b2")).isEqualTo(list("c3", "d4"));
		assertThat(down(this.line, ids("a1", "b2", "c3", "d4"), "d4-2")).isEqualTo(list("c3", "d4"));
	}

	@Test
	void downgradeToRevisionThatIsNotAppliedFails() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> down(this.line, ids("a1"), "c3"))
			.withMessage("Cannot downgrade to 'c3': it is not applied (the database is at 'a1'). "
					+ "Use 'upgrade c3' to go up to it, or pick an applied revision.");
	}

	@Test
	void downgradeLeavesTheOtherBranchAlone() {
		Set<RevisionId> all = ids("a1", "b2", "b3", "c2", "c3");
		assertThat(down(this.twoHeads, all, "b2")).isEqualTo(list("b3"));
		assertThat(down(this.twoHeads, all, "left@base")).isEqualTo(list("b2", "b3"));
		assertThat(down(this.twoHeads, all, "right@-1")).isEqualTo(list("c3"));
	}

	@Test
	void downgradeMinusOneWithTwoHeadsIsAmbiguous() {
		assertThatExceptionOfType(TargetException.class)
			.isThrownBy(() -> down(this.twoHeads, ids("a1", "b2", "c2"), "-1"))
			.withMessage("Target '-1' is ambiguous: the database stands at 2 revisions ('b2', 'c2'). "
					+ "Say which one to move from: 'b2@-1' or 'c2@-1'.");
	}

	@Test
	void downgradeMinusOneFromMergeRemovesOnlyTheMerge() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));
		assertThat(down(graph, ids("a", "b", "c", "m"), "-1")).isEqualTo(list("m"));
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> down(graph, ids("a", "b", "c", "m"), "-2"))
			.withMessage(
					"Target '-2' is ambiguous: 'm' is a merge of 'b', 'c'. Name the revision to go down to: 'b' or 'c'.");
	}

	@Test
	void downgradingADependencyRemovesItsDependents() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("x"), depending("y", "b", "x"));
		assertThat(down(graph, ids("a", "b", "x", "y"), "a")).isEqualTo(list("b", "y"));
	}

	@Test
	void upgradingToADependentAppliesItsDependency() {
		RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("x"), depending("y", "b", "x"));
		assertThat(up(graph, ids(), "y")).isEqualTo(list("a", "b", "x", "y"));
	}

	@Test
	void stampMovesALineUpOrDownWithoutTouchingOthers() {
		TargetResolver resolver = new TargetResolver(this.twoHeads, ids("a1", "b2", "b3", "c2"));
		assertThat(resolver.stamped(List.of(Target.parse("b2")), false)).isEqualTo(ids("a1", "b2", "c2"));
		assertThat(resolver.stamped(List.of(Target.parse("c3")), false)).isEqualTo(ids("a1", "b2", "b3", "c2", "c3"));
		assertThat(resolver.stamped(List.of(Target.parse("c3")), true)).isEqualTo(ids("a1", "c2", "c3"));
		assertThat(resolver.stamped(List.of(Target.parse("base")), false)).isEmpty();
		assertThat(new TargetResolver(this.twoHeads, ids()).stamped(List.of(Target.parse("heads")), false))
			.isEqualTo(ids("a1", "b2", "b3", "c2", "c3"));
	}

}
