package io.github.migrations.cli;

import java.io.IOException;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code history -r} with relative ends, as Alembic reads them: {@code -N} as the start
 * counts down from the head, {@code +N} as the end counts up from the start.
 */
class HistoryRangeTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@RegisterExtension
	final CliFixture cli = CliFixture.withoutDatabase();

	@BeforeEach
	void revisions() throws IOException {
		BranchedRevisions.write(this.cli.revisions());
	}

	private void connect() {
		this.cli.environment().putAll(CliRun.databaseEnvironment(this.database));
	}

	@Test
	void minusOneToHeadStartsOneBelowTheHead() {
		CliRun run = this.cli.run("history", "-r-1:head");
		assertThat(run.err()).isEmpty();
		assertThat(run.code()).isZero();
		assertThat(run.out()).isEqualTo("""
				004 (003) -> 005 (meetings, statements) (head), create rooms
				002, 003 -> 004 (meetings, statements) (mergepoint), merge
				""");
	}

	@Test
	void minusOneToCurrentReadsTheDatabase() {
		connect();
		assertThat(this.cli.run("upgrade", "heads").code()).isZero();
		CliRun run = this.cli.run("history", "--rev-range=-1:current");
		assertThat(run.code()).isZero();
		assertThat(run.out()).isEqualTo("""
				004 (003) -> 005 (meetings, statements) (head), create rooms
				002, 003 -> 004 (meetings, statements) (mergepoint), merge
				""");
	}

	@Test
	void countingDownThroughAMergeFailsAndNamesItsParents() {
		CliRun run = this.cli.run("history", "--rev-range=-3:head");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("'004' is a merge of '002', '003'");
	}

	@Test
	void aStartCountedFromTheHeadThatIsNotBelowTheEndFailsAndSaysHowToCountFromTheEnd() {
		CliRun run = this.cli.run("history", "-r-1:002");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err())
			.contains("Range '-1:002' starts at '004', 1 below the head, which is not below its end '002'")
			.contains("'002-1:002'");
		assertThat(this.cli.run("history", "-r002-1:002").out()).isEqualTo("""
				001_initial -> 002 (statements), create statements
				<base> -> 001_initial (branchpoint), create customers
				""");
	}

	@Test
	void plusTwoAsTheEndCountsUpFromCurrent() {
		connect();
		assertThat(this.cli.run("upgrade", "002").code()).isZero();
		CliRun run = this.cli.run("history", "-r", "current:+2");
		assertThat(run.code()).isZero();
		assertThat(run.out()).isEqualTo("""
				004 (003) -> 005 (meetings, statements) (head), create rooms
				002, 003 -> 004 (meetings, statements) (mergepoint), merge
				001_initial -> 002 (statements), create statements
				""");
	}

	@Test
	void plusNAsTheEndStopsAtTheHead() {
		assertThat(this.cli.run("history", "-r", "004:+5").out()).isEqualTo("""
				004 (003) -> 005 (meetings, statements) (head), create rooms
				002, 003 -> 004 (meetings, statements) (mergepoint), merge
				""");
	}

	@Test
	void countingUpFromABranchPointFailsUnlessTheBranchIsNamed() {
		CliRun ambiguous = this.cli.run("history", "-r", "001_initial:+1");
		assertThat(ambiguous.code()).isEqualTo(2);
		assertThat(ambiguous.err()).contains("'001_initial' is a branch point with children '002', '003'");
		assertThat(this.cli.run("history", "-r", "001_initial:meetings@+1").out()).isEqualTo("""
				001_initial -> 003 (meetings), create meetings
				<base> -> 001_initial (branchpoint), create customers
				""");
	}

	@Test
	void aCountOnTheWrongSideFailsAndListsTheAcceptedForms() {
		CliRun run = this.cli.run("history", "-r", "+1:head");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("'+1' cannot start a history range")
			.contains("START may be '-N' (N below the head) and END '+N' (N above START)");
		assertThat(this.cli.run("history", "-r", "base:-1").err()).contains("'-1' cannot end a history range");
	}

}
