package io.github.migrations.core.revision;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.github.migrations.core.revision.Revisions.depending;
import static io.github.migrations.core.revision.Revisions.down;
import static io.github.migrations.core.revision.Revisions.expandContract;
import static io.github.migrations.core.revision.Revisions.graph;
import static io.github.migrations.core.revision.Revisions.ids;
import static io.github.migrations.core.revision.Revisions.labelled;
import static io.github.migrations.core.revision.Revisions.labelledDepending;
import static io.github.migrations.core.revision.Revisions.list;
import static io.github.migrations.core.revision.Revisions.rev;
import static io.github.migrations.core.revision.Revisions.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Branch labels as Alembic defines them: a label belongs to the labelled revision and its
 * descendants through {@code down_revision}, never through {@code depends_on}; an upgrade
 * within a branch still pulls in what {@code depends_on} requires.
 */
class BranchLabelTests {

	private final RevisionGraph expandContract = expandContract();

	private final Set<RevisionId> allOfExpandContract = ids("r0", "e1", "e2", "c1", "c2");

	/** A labelled branch that splits again: 'shop' has two heads. */
	private final RevisionGraph splitBranch = graph(rev("r"), labelled("s1", "shop", "r"), rev("s2", "s1"),
			rev("s3a", "s2"), rev("s3b", "s2"), rev("x1", "r"));

	@Test
	void upgradeExpandHeadAppliesTheExpandLineageOnly() {
		assertThat(up(this.expandContract, ids(), "expand@head")).isEqualTo(list("r0", "e1", "e2"));
	}

	@Test
	void upgradeContractHeadAppliesContractAndTheExpandRevisionsItDependsOn() {
		assertThat(up(this.expandContract, ids(), "contract@head")).isEqualTo(list("r0", "e1", "c1", "e2", "c2"));
		assertThat(up(this.expandContract, ids("r0", "e1", "e2"), "contract@head")).isEqualTo(list("c1", "c2"));
	}

	@Test
	void anExpandRevisionThatDependsOnAContractRevisionPullsItInButNotTheRestOfContract() {
		RevisionGraph graph = graph(rev("r0"), labelled("e1", "expand", "r0"), depending("e2", "c1", "e1"),
				labelledDepending("c1", "contract", "e1", "r0"), rev("c2", "c1"));
		assertThat(up(graph, ids(), "expand@head")).isEqualTo(list("r0", "e1", "c1", "e2"));
		assertThat(up(graph, ids(), "contract@head")).isEqualTo(list("r0", "e1", "c1", "c2"));
	}

	@Test
	void labelHeadIsTheHeadOfTheLabelsLineageEvenPastAMerge() {
		RevisionGraph graph = graph(rev("a"), labelled("b1", "left", "a"), rev("b2", "b1"), rev("c1", "a"),
				rev("m", "b2", "c1"), rev("n", "m"));
		assertThat(up(graph, ids(), "left@head")).isEqualTo(list("a", "b1", "b2", "c1", "m", "n"));
	}

	@Test
	void aRevisionIdWorksAsABranchName() {
		RevisionGraph twoHeads = graph(rev("a1"), rev("b2", "a1"), rev("b3", "b2"), rev("c2", "a1"), rev("c3", "c2"));
		assertThat(up(twoHeads, ids(), "b2@head")).isEqualTo(list("a1", "b2", "b3"));
		assertThat(up(twoHeads, ids(), "c2@heads")).isEqualTo(list("a1", "c2", "c3"));
	}

	@Test
	void labelHeadOfABranchThatSplitsIsAmbiguousAndPointsToLabelHeads() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> up(this.splitBranch, ids(), "shop@head"))
			.withMessage("Target 'shop@head' is ambiguous: the branch has 2 heads ('s3a', 's3b'). "
					+ "Use 'shop@heads' to apply all of them, name one of them, or merge them first.");
	}

	@Test
	void labelHeadsAppliesEveryHeadOfTheBranchAndNothingElse() {
		assertThat(up(this.splitBranch, ids(), "shop@heads")).isEqualTo(list("r", "s1", "s2", "s3a", "s3b"));
	}

	@Test
	void dependsOnWrittenAsABranchLabelNeedsTheLabelledRevisionNotTheBranchHead() {
		RevisionGraph graph = graph(labelled("o1", "other"), rev("o2", "o1"), rev("c1"),
				depending("c2", "other", "c1"));
		assertThat(up(graph, ids(), "c2")).isEqualTo(list("c1", "o1", "c2"));
		assertThat(graph.headsOf(ids("c1", "o1", "c2"))).isEqualTo(list("c2"));
	}

	@Test
	void twoRootsJoinedByDependsOnKeepTheirOwnLineages() {
		RevisionGraph graph = graph(labelled("a1", "accounts"), rev("a2", "a1"), labelled("n1", "networking"),
				depending("n2", "a2", "n1"));
		assertThat(up(graph, ids(), "accounts@head")).isEqualTo(list("a1", "a2"));
		assertThat(up(graph, ids(), "networking@head")).isEqualTo(list("a1", "a2", "n1", "n2"));
		assertThat(down(graph, ids("a1", "a2", "n1", "n2"), "networking@base")).isEqualTo(list("n1", "n2"));
		assertThat(down(graph, ids("a1", "a2", "n1", "n2"), "accounts@base")).isEqualTo(list("a1", "a2", "n2"));
	}

	@Test
	void downgradeLabelBaseRemovesTheLineageAndWhatDependsOnItButNotTheTrunk() {
		assertThat(down(this.expandContract, this.allOfExpandContract, "contract@base")).isEqualTo(list("c1", "c2"));
		assertThat(down(this.expandContract, this.allOfExpandContract, "expand@base"))
			.isEqualTo(list("e1", "c1", "e2", "c2"));
	}

	@Test
	void downgradeToAnExpandRevisionKeepsTheContractRevisionThatDependsOnIt() {
		assertThat(down(this.expandContract, this.allOfExpandContract, "e1")).isEqualTo(list("e2", "c2"));
		assertThat(down(this.expandContract, this.allOfExpandContract, "expand@head")).isEmpty();
	}

	@Test
	void downgradeLabelMinusOneStepsDownThatLineageOnly() {
		assertThat(down(this.expandContract, this.allOfExpandContract, "contract@-1")).isEqualTo(list("c2"));
		assertThat(down(this.expandContract, this.allOfExpandContract, "expand@-1")).isEqualTo(list("e2", "c2"));
		assertThat(down(this.expandContract, ids("r0", "e1", "e2", "c1"), "expand@-1")).isEqualTo(list("e2"));
	}

	@Test
	void upgradeLabelPlusOneFromAnEmptyDatabaseAppliesTheFirstRevisionOnTheWayToTheBranch() {
		assertThat(up(this.expandContract, ids(), "expand@+1")).isEqualTo(list("r0"));
		assertThat(up(this.expandContract, ids("r0"), "expand@+1")).isEqualTo(list("e1"));
		assertThat(up(this.expandContract, ids("r0"), "contract@+1")).isEqualTo(list("e1", "c1"));
	}

	@Test
	void upgradeLabelPlusOneStartsFromTheBranchsLastRevisionWhenAnotherBranchCoversIt() {
		// the database stands at 'c1' only, as 'c1' depends on 'e1'
		assertThat(up(this.expandContract, ids("r0", "e1", "c1"), "expand@+1")).isEqualTo(list("e2"));
	}

	@Test
	void labelHeadsDowngradesToEveryHeadOfTheBranch() {
		Set<RevisionId> all = ids("r", "s1", "s2", "s3a", "s3b", "x1");
		assertThat(down(this.splitBranch, all, "shop@heads")).isEmpty();
		assertThat(down(this.splitBranch, all, "shop@base")).isEqualTo(list("s1", "s2", "s3a", "s3b"));
	}

}
