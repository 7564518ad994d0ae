package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision} and {@code merge}: what they write parses back with the engine, and
 * what would not (a file outside the folder, a header line broken by a label, a message
 * or an id) is refused with nothing written.
 */
class RevisionCommandTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.withoutDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", CliRun.tableRevision("a1", "base", "customers"));
		this.cli.write("b2_orders.sql", CliRun.tableRevision("b2", "a1", "orders"));
		this.cli.write("c3_invoices.sql", CliRun.tableRevision("c3", "b2", "invoices", "-- branch_labels: billing\n"));
	}

	@Test
	void fileTemplateThatLeavesTheFolderIsRefused() throws IOException {
		CliRun run = refused("revision", "-m", "escape", "--rev-id", "d4", "--file-template", "../escaped_{rev}.sql");
		assertThat(run.err())
			.startsWith("error: File template '../escaped_{rev}.sql' names '"
					+ this.cli.folder().resolve("db/escaped_d4.sql") + "', which is outside the revisions folder '"
					+ this.cli.revisions().toAbsolutePath() + "'.\nhint: ")
			.contains("(--file-template)");
		assertThat(this.cli.folder().resolve("db/escaped_d4.sql")).doesNotExist();
		assertThat(refused("revision", "-m", "escape", "--file-template", "archive/../../../{rev}.sql").err())
			.contains("which is outside the revisions folder");
		assertThat(refused("revision", "-m", "escape", "--file-template", "..").err())
			.contains("which is outside the revisions folder");
	}

	@Test
	void absoluteFileTemplateIsRefused() {
		Path outside = this.cli.folder().resolve("escaped_{rev}.sql").toAbsolutePath();
		CliRun run = refused("revision", "-m", "escape", "--rev-id", "d4", "--file-template", outside.toString());
		assertThat(run.err()).startsWith("error: File template '" + outside + "' is an absolute path")
			.contains(
					"hint: Give a file name relative to the revisions folder, for example '{timestamp}_{rev}_{slug}.sql'");
		assertThat(this.cli.folder().resolve("escaped_d4.sql")).doesNotExist();
	}

	@Test
	void fileTemplateFromTheConfigFileIsCheckedByMergeToo() throws IOException {
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		Path config = Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.file-template=../{rev}_{slug}.sql\n");
		CliRun merge = refused("--config", config.toString(), "merge", "-m", "merge heads", "heads", "--rev-id", "m9");
		assertThat(merge.err()).contains("which is outside the revisions folder")
			.contains("('app.migrations.file-template' in the configuration file)");
		assertThat(this.cli.folder().resolve("db/m9_merge_heads.sql")).doesNotExist();
	}

	@Test
	void fileTemplateWhoseFileTheEngineWouldSkipIsRefused() {
		assertThat(refused("revision", "-m", "text", "--rev-id", "d4", "--file-template", "{rev}.txt").err())
			.startsWith("error: File template '{rev}.txt' gives the name 'd4.txt', which does not end in '.sql': ");
		assertThat(refused("revision", "-m", "hidden", "--rev-id", "d4", "--file-template", ".{rev}.sql").err())
			.startsWith("error: File template '.{rev}.sql' gives the name '.d4.sql', which starts with '.': ");
		assertThat(refused("revision", "-m", "hidden", "--rev-id", "d4", "--file-template", ".drafts/{rev}.sql").err())
			.contains("which starts with '.'");
		assertThat(refused("revision", "-m", "broken", "--rev-id", "d4", "--file-template", "{rev}\n.sql").err())
			.startsWith("error: File template '{rev}\\n.sql' holds a line break (U+000A)");
	}

	@Test
	void fileTemplateWithASubfolderInsideTheFolderStillWorks() throws IOException {
		CliRun run = this.cli.run("revision", "-m", "Add payments", "--rev-id", "d4", "--file-template",
				"archive/2024/{rev}_{slug}.sql");
		assertThat(run.code()).isZero();
		Path written = this.cli.revisions().resolve("archive/2024/d4_add_payments.sql");
		assertThat(run.out()).isEqualTo("Generating " + written + " ... done\n");
		assertThat(written).exists();
		assertThat(this.cli.run("heads").out()).isEqualTo("d4 (billing) (head)\n");
	}

	@Test
	void newlineInBranchLabelIsRefused() {
		CliRun run = refused("revision", "-m", "shop", "--branch-label", "shop\n-- transactional: false");
		assertThat(run.err())
			.startsWith(
					"error: Branch label 'shop\\n-- transactional: false' (--branch-label) holds a line break (U+000A)")
			.contains("hint: Use letters, digits and '_' only");
	}

	@Test
	void branchLabelWithASpaceIsRefused() {
		CliRun run = refused("revision", "-m", "shop", "--branch-label", "my shop");
		assertThat(run.err()).isEqualTo("error: Branch label 'my shop' (--branch-label) holds ' ' (U+0020), which "
				+ "a label may not hold: the engine reads 'branch_labels' as a comma-separated list of names.\n"
				+ "hint: Use letters, digits and '_' only, for example 'shopping'.\n");
	}

	@Test
	void branchLabelOfSixtyFiveCharactersIsRefused() {
		String label = "l".repeat(RevisionId.MAX_LENGTH + 1);
		CliRun run = refused("revision", "-m", "long", "--branch-label", label);
		assertThat(run.err()).startsWith("error: Branch label 'llllllllllllllll...' (--branch-label) is 65 characters "
				+ "long; a label has at most 64, as ids do: ids are the version store's keys.\nhint: ");
		assertThat(this.cli.run("revision", "-m", "long enough", "--branch-label", "l".repeat(RevisionId.MAX_LENGTH))
			.code()).isZero();
	}

	@Test
	void branchLabelThatTheGraphWouldRefuseIsRefused() {
		assertThat(refused("revision", "-m", "again", "--branch-label", "billing").err())
			.startsWith("error: Branch label 'billing' (--branch-label) is already the label of revision 'c3'");
		assertThat(refused("revision", "-m", "id", "--branch-label", "b2").err())
			.startsWith("error: Branch label 'b2' (--branch-label) is the id of a revision");
		assertThat(refused("revision", "-m", "own", "--rev-id", "d4", "--branch-label", "d4").err())
			.startsWith("error: Branch label 'd4' (--branch-label) is the id of a revision");
		assertThat(refused("revision", "-m", "twice", "--branch-label", "shop", "--branch-label", "shop").err())
			.startsWith("error: Branch label 'shop' (--branch-label) is given twice.");
		assertThat(refused("revision", "-m", "reserved", "--branch-label", "heads").err())
			.startsWith("error: Branch label 'heads' (--branch-label) is a reserved word");
		assertThat(refused("revision", "-m", "empty", "--branch-label", "").err())
			.startsWith("error: Branch label '' (--branch-label) is empty.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\u000B", "\f", "\t", "\u0000", "\u007F",
			"\u001B" })
	void newlineInMessageIsRefused(String lineBreak) {
		CliRun run = refused("revision", "-m", "add orders" + lineBreak + "-- transactional: false");
		assertThat(run.err()).startsWith("error: The message (-m) holds ")
			.containsPattern(
					"\\(U\\+[0-9A-F]{4}\\) at character 11: it goes on the file's one 'message' header " + "line")
			.contains("'add orders\\")
			.contains("hint: Write the message on one line");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void anEmptyMessageIsRefusedAndNoFileIsWritten(String message) throws IOException {
		CliRun run = refused("revision", "-m", message);
		assertThat(run.err()).startsWith("error: The message (-m) is empty")
			.contains("hint: Describe what the revision does, for example -m \"add customers.email\".");
		try (java.util.stream.Stream<Path> files = Files.list(this.cli.revisions())) {
			assertThat(files).hasSize(3);
		}
	}

	@Test
	void mergeRefusesANewlineInItsMessage() throws IOException {
		this.cli.write("x2_meetings.sql", CliRun.tableRevision("x2", "a1", "meetings"));
		CliRun run = refused("merge", "-m", "merge\n-- transactional: false", "heads");
		assertThat(run.err()).startsWith("error: The message (-m) holds a line break (U+000A) at character 6");
	}

	@Test
	void revisionIdOfSixtyFiveCharactersIsRefused() {
		String id = "a".repeat(RevisionId.MAX_LENGTH + 1);
		CliRun run = refused("revision", "-m", "long", "--rev-id", id);
		assertThat(run.err()).isEqualTo("error: Revision id 'aaaaaaaaaaaaaaaa...' (--rev-id) is 65 characters long; "
				+ "an id has at most 64: ids are the version store's keys.\n"
				+ "hint: Choose an id of at most 64 characters, or leave --rev-id out to generate one.\n");
		assertThat(this.cli.run("revision", "-m", "long enough", "--rev-id", "a".repeat(RevisionId.MAX_LENGTH)).code())
			.isZero();
	}

	@Test
	void revisionIdThatTheHeaderOrTheGraphWouldRefuseIsRefused() {
		assertThat(refused("revision", "-m", "line", "--rev-id", "d4\n-- transactional: false").err())
			.startsWith("error: Revision id 'd4\\n-- transactional: false' (--rev-id) holds a line break (U+000A)");
		assertThat(refused("revision", "-m", "dash", "--rev-id", "d-4").err())
			.startsWith("error: Revision id 'd-4' (--rev-id) holds '-' (U+002D)");
		assertThat(refused("revision", "-m", "reserved", "--rev-id", "base").err())
			.startsWith("error: Revision id 'base' (--rev-id) is a reserved word");
		assertThat(refused("revision", "-m", "reserved", "--rev-id", "current").err())
			.startsWith("error: Revision id 'current' (--rev-id) is a reserved word: "
					+ "'head', 'heads', 'base' and 'current' name targets.");
		assertThat(refused("revision", "-m", "label", "--rev-id", "billing").err())
			.startsWith("error: Revision id 'billing' (--rev-id) is already the branch label of revision 'c3'");
		assertThat(refused("merge", "-m", "taken", "--rev-id", "b2", "c3", "a1").err())
			.startsWith("error: Revision 'b2' already exists");
	}

	@Test
	void referencesWithLineBreaksAreRefusedWithoutEchoingThem() {
		CliRun head = refused("revision", "-m", "x", "--head", "c3\nerror: forged");
		assertThat(head.err()).startsWith("error: The parent 'c3\\nerror: forged' (--head) holds a line break");
		CliRun dependsOn = refused("revision", "-m", "x", "--depends-on", "a1\nerror: forged");
		assertThat(dependsOn.err()).startsWith("error: Dependency 'a1\\nerror: forged' (--depends-on) holds a line");
		CliRun merge = refused("merge", "-m", "x", "c3", "b2\nerror: forged");
		assertThat(merge.err()).startsWith("error: Revision 'b2\\nerror: forged' (REV) holds a line break");
		assertThat(refused("revision", "-m", "x", "--depends-on", "a1,,b2").err())
			.startsWith("error: Dependency '' (--depends-on) is empty.");
	}

	@Test
	void messageRoundTripsThroughTheEngine() throws IOException {
		TestDatabase.Database database = database();
		String message = "it's a \\path\\ -- not a comment; $$ body $$ /* x */ \"quoted\" café ✓ 日本語 😀";
		CliRun run = this.cli.run("revision", "-m", message, "--rev-id", "d4");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("_d4_it_s_a_path_not_a_comment_body_x_quot");
		assertThat(this.cli.run("show", "d4").out()).contains("\n    " + message + "\n");
		assertThat(this.cli.run("history").out()).startsWith("c3 -> d4 (billing) (head), " + message + "\n");
		assertThat(this.cli.run("history", "--json").out())
			.contains("\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
		assertThat(this.cli.run("upgrade").code()).isZero();
		assertThat(database.query("SELECT revision FROM migrations_revisions ORDER BY 1")).contains("d4");
		assertThat(this.cli.run("revision", "-m", "  surrounded by spaces  ", "--rev-id", "e5").code()).isZero();
		assertThat(this.cli.run("show", "e5").out()).contains("\n    surrounded by spaces\n");
	}

	@Test
	void revisionWithEveryOptionSetParsesBackWithTheEngine() throws IOException {
		TestDatabase.Database database = database();
		CliRun run = this.cli.run("revision", "-m", "Audit: it's a \"branch\" -- 100% ✓", "--head", "b2", "--splice",
				"--branch-label", "audit", "--branch-label", "audit_v2", "--depends-on", "a,billing", "--rev-id", "d4",
				"--file-template", "audit/{timestamp}_{rev}_{slug}.sql");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(this.cli.run("heads").out())
			.isEqualTo("c3 (billing) (effective head)\nd4 (audit, audit_v2) (head)\n");
		assertThat(this.cli.run("show", "audit").out()).startsWith("Rev: d4 (head)\nParent: b2\n")
			.contains("Branch names: audit, audit_v2\n")
			.contains("Also depends on: a1, billing\n")
			.contains("/db/revisions/audit/")
			.contains("\n    Audit: it's a \"branch\" -- 100% ✓\n");
		CliRun merge = this.cli.run("merge", "-m", "Merge: audit \\ billing", "heads", "--branch-label", "merged",
				"--rev-id", "m9");
		assertThat(merge.code()).as(merge.err()).isZero();
		assertThat(this.cli.run("heads").out()).isEqualTo("m9 (audit, audit_v2, billing, merged) (head)\n");
		assertThat(this.cli.run("upgrade", "--json").out().strip())
			.isEqualTo("{\"applied\":[\"a1\",\"b2\",\"c3\",\"d4\",\"m9\"],\"current\":[\"m9\"]}");
		assertThat(this.cli.run("check").code()).isZero();
		assertThat(database.query("SELECT revision FROM migrations_revisions ORDER BY 1")).containsExactly("a1", "b2",
				"c3", "d4", "m9");
	}

	private TestDatabase.Database database() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		this.cli.environment().putAll(CliRun.databaseEnvironment(database));
		return database;
	}

	/**
	 * Runs a command that must be refused as a usage error: exit code 2, one
	 * {@code error:} and one {@code hint:} line, and no file written or folder made.
	 */
	private CliRun refused(String... args) {
		List<Path> before = files();
		CliRun run = this.cli.run(args);
		assertThat(run.code()).as(run.err()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).matches("error: [^\n]+\nhint: [^\n]+\n");
		assertThat(files()).isEqualTo(before);
		return run;
	}

	private List<Path> files() {
		try (Stream<Path> files = Files.walk(this.cli.folder())) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
