package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code merge} takes the options {@code revision} takes, and the hint that proposes it
 * works when pasted.
 */
class MergeCommandTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void twoHeads() throws IOException {
		this.cli.write("a1_customers.sql", CliRun.tableRevision("a1", "base", "customers"));
		this.cli.write("b2_orders.sql", CliRun.tableRevision("b2", "a1", "orders"));
		this.cli.write("c3_invoices.sql", CliRun.tableRevision("c3", "a1", "invoices"));
	}

	/**
	 * The words of a command as a shell splits them: double-quoted words keep their
	 * spaces.
	 */
	private static String[] shellWords(String command) {
		List<String> words = new ArrayList<>();
		Matcher matcher = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
		while (matcher.find()) {
			words.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return words.toArray(String[]::new);
	}

	@Test
	void mergeOfTheHeadsWhenThereIsOnlyOneSaysThereIsNothingToMerge() throws IOException {
		this.cli.write("m9_merge.sql", """
				-- revision: m9
				-- down_revision: b2, c3
				-- +upgrade
				-- +downgrade
				""");
		CliRun run = this.cli.run("merge", "-m", "again", "heads");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: There is only one head (m9): nothing to merge.\n"
				+ "hint: A merge joins two or more heads; 'migrations heads' lists them.\n");
	}

	@Test
	void checkWithTwoHeadsGivesAnUpgradeCommandThatWorksWithTwoHeads() {
		CliRun check = this.cli.run("check");
		assertThat(check.code()).isEqualTo(1);
		assertThat(check.err()).contains("problem: There are 2 heads (b2, c3)")
			.contains("Revision 'b2' (")
			.contains("is not applied: run 'migrations upgrade heads' (or merge the heads first).")
			.doesNotContain("run 'migrations upgrade'.");
		assertThat(this.cli.run("upgrade", "heads").code()).isZero();
	}

	@Test
	void mergeHintPastedAsPrintedMergesTheHeads() {
		CliRun ambiguous = this.cli.run("upgrade", "head");
		assertThat(ambiguous.code()).isEqualTo(2);
		Matcher hint = Pattern.compile("'migrations (merge [^']*)'").matcher(ambiguous.err());
		assertThat(hint.find()).as(ambiguous.err()).isTrue();
		CliRun pasted = this.cli.run(shellWords(hint.group(1)));
		assertThat(pasted.code()).as(pasted.err()).isZero();
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.cli.database().tableExists("orders")).isTrue();
		assertThat(this.cli.database().tableExists("invoices")).isTrue();
	}

	@Test
	void mergeTakesRevIdAndFileTemplateLikeRevision() throws IOException {
		CliRun merge = this.cli.run("merge", "-m", "join heads", "heads", "--rev-id", "m4", "--file-template",
				"{rev}__{slug}.sql");
		assertThat(merge.code()).as(merge.err()).isZero();
		Path written = this.cli.revisions().resolve("m4__join_heads.sql");
		assertThat(merge.out()).isEqualTo("Generating " + written + " ... done\n");
		assertThat(Files.readString(written)).contains("-- revision: m4\n").contains("-- down_revision: b2, c3\n");
		assertThat(this.cli.run("heads").out()).isEqualTo("m4 (head)\n");
	}

}
