package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenStack's expand/contract layout through the command line on a real PostgreSQL: a
 * root, an {@code expand} and a {@code contract} branch, each contract revision depending
 * on the expand revision of its release ('c1' names it by its label).
 */
class ExpandContractCliTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void expandAndContract() throws IOException {
		write("r0", "base", "", "");
		write("e1", "r0", "expand", "");
		write("c1", "r0", "contract", "expand");
		write("e2", "e1", "", "");
		write("c2", "c1", "", "e2");
	}

	private void write(String id, String parent, String label, String dependsOn) throws IOException {
		this.cli.write(id + ".sql", """
				-- revision: %s
				-- down_revision: %s
				%s%s
				-- +upgrade
				CREATE TABLE t_%s (id bigint PRIMARY KEY);

				-- +downgrade
				DROP TABLE t_%s;
				""".formatted(id, parent, label.isEmpty() ? "" : "-- branch_labels: " + label + "\n",
				dependsOn.isEmpty() ? "" : "-- depends_on: " + dependsOn + "\n", id, id));
	}

	@Test
	void upgradeExpandHeadAppliesTheExpandLineageOnly() {
		CliRun run = this.cli.run("upgrade", "expand@head", "--json");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out().strip()).isEqualTo("{\"applied\":[\"r0\",\"e1\",\"e2\"],\"current\":[\"e2\"]}");
		assertThat(this.cli.database().tableExists("t_c1")).isFalse();
	}

	@Test
	void upgradeContractHeadAppliesContractAndTheExpandRevisionsItDependsOn() {
		CliRun run = this.cli.run("upgrade", "contract@head", "--json");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out().strip())
			.isEqualTo("{\"applied\":[\"r0\",\"e1\",\"c1\",\"e2\",\"c2\"],\"current\":[\"c2\"]}");
	}

	@Test
	void currentShowsWhatAlembicVersionWouldHoldAndVerboseAddsTheCoveredExpandHead() {
		this.cli.run("upgrade", "heads");
		assertThat(this.cli.run("current").out()).isEqualTo("c2 (head)\n");
		CliRun verbose = this.cli.run("current", "--verbose");
		assertThat(verbose.out()).startsWith("Rev: c2 (head) (current)\n")
			.contains("Also applied, covered through depends_on by c2:\nRev: e2 (head)\n");
	}

	@Test
	void checkPassesWithOneHeadPerBranchOnceEverythingIsApplied() {
		CliRun pending = this.cli.run("check");
		assertThat(pending.code()).isEqualTo(1);
		assertThat(pending.err()).contains("is not applied: run 'migrations upgrade heads'").doesNotContain("merge");
		this.cli.run("upgrade", "heads");
		CliRun check = this.cli.run("check");
		assertThat(check.code()).as(check.err()).isZero();
		assertThat(check.out()).isEqualTo("OK: one head per branch (contract: c2, expand: e2), every checksum "
				+ "matches, and the database is at the heads.\n");
	}

	@Test
	void checkStillAsksToMergeTwoHeadsOnOneBranch() throws IOException {
		write("e3", "e1", "", "");
		this.cli.run("upgrade", "heads");
		CliRun check = this.cli.run("check");
		assertThat(check.code()).isEqualTo(1);
		assertThat(check.err()).contains("problem: There are 3 heads (c2, e2, e3): merge them");
	}

	@Test
	void stampRecordsExactlyTheAskedRevisions() {
		CliRun stamp = this.cli.run("stamp", "e2", "c1");
		assertThat(stamp.code()).as(stamp.err()).isZero();
		assertThat(stamp.out()).isEqualTo("Stamped: the database is recorded at c1, e2; nothing ran.\n");
		assertThat(this.cli.run("current").out()).isEqualTo("c1\ne2 (effective head)\n");
		assertThat(this.cli.database().tableExists("t_r0")).isFalse();
	}

	@Test
	void downgradeMinusOneFromTwoRevisionsRefusesAndItsHintWorksWhenPasted() {
		this.cli.run("upgrade", "c1");
		this.cli.run("upgrade", "expand@head");
		CliRun ambiguous = this.cli.run("downgrade", "-1");
		assertThat(ambiguous.code()).isEqualTo(2);
		assertThat(ambiguous.err())
			.contains("error: Target '-1' is ambiguous: the database stands at 2 revisions ('c1', 'e2').")
			.contains("hint: Say which one to move from: 'c1@-1' or 'e2@-1'.");
		CliRun pasted = this.cli.run("downgrade", "e2@-1");
		assertThat(pasted.code()).as(pasted.err()).isZero();
		assertThat(this.cli.run("current").out()).isEqualTo("c1\n");
		assertThat(this.cli.database().tableExists("t_e2")).isFalse();
		assertThat(this.cli.database().tableExists("t_c1")).isTrue();
	}

	@Test
	void newRevisionOnContractHeadHasTheContractHeadAloneAsParent() throws IOException {
		CliRun run = this.cli.run("revision", "-m", "next contract", "--head", "contract@head", "--rev-id", "c3");
		assertThat(run.code()).as(run.err()).isZero();
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			Path created = files.filter((file) -> file.getFileName().toString().contains("c3"))
				.findFirst()
				.orElseThrow();
			assertThat(Files.readString(created)).contains("-- down_revision: c2\n");
		}
	}

	@Test
	void headsAndHistoryMarkTheExpandHeadAsAnEffectiveHeadAndShowEachBranchsLabel() {
		assertThat(this.cli.run("heads").out()).isEqualTo("c2 (contract) (head)\ne2 (expand) (effective head)\n");
		assertThat(this.cli.run("heads", "--resolve-dependencies").out()).isEqualTo("c2 (contract) (head)\n");
		assertThat(this.cli.run("history").out()).isEqualTo("""
				c1 (e2) -> c2 (contract) (head),\s
				e1 -> e2 (expand) (effective head),\s
				r0 (expand) -> c1 (contract),\s
				r0 -> e1 (expand),\s
				<base> -> r0 (branchpoint),\s
				""");
		assertThat(this.cli.run("history", "-r", "e1:expand@head").out())
			.isEqualTo("e1 -> e2 (expand) (effective head), \nr0 -> e1 (expand), \n");
		assertThat(this.cli.run("show", "heads").out())
			.startsWith("Rev: c2 (head)\nParent: c1\nAlso depends on: e2\n" + "Branch names: contract\n")
			.doesNotContain("Rev: e2");
	}

	@Test
	void labelHeadMinusOneUpgradesToTheRevisionBelowThatBranchsHead() {
		CliRun run = this.cli.run("upgrade", "contract@head-1", "--json");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out().strip()).isEqualTo("{\"applied\":[\"r0\",\"e1\",\"c1\"],\"current\":[\"c1\"]}");
	}

}
