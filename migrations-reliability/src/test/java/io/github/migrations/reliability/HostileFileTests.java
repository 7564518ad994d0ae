package io.github.migrations.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision files written to attack: a message that tries to leave its string literal on a
 * database with {@code standard_conforming_strings = off}, a file name with a line break
 * and SQL in it, and a link to a file that does not exist. Each goes through the CLI as
 * shipped, for a run and for the review script run with {@code psql}; a table named
 * {@code victim} must survive, and what the files say must be recorded as written.
 */
@Tag("reliability")
@Timeout(120)
class HostileFileTests {

	private static final String ESCAPING_MESSAGE = "x\\', true, 0); DROP TABLE victim; --";

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/([^?]+).*");

	private static int attempts;

	@TempDir
	Path folder;

	@Test
	void messagesStayLiteralsWithStandardConformingStringsOffInARunAndInTheReviewScript() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.write("a1.sql", revision("a1", "base", ESCAPING_MESSAGE, "CREATE TABLE notes (id int);"));
		files.write("b2.sql", revision("b2", "a1", "store files under C:\\data\\", "SELECT 1;"));
		TestDatabase.Database run = hostileDatabase();
		CliResult upgrade = InProcessCli.connectedTo(run).run("--locations", files.location(), "upgrade");
		assertThat(upgrade.code()).as(upgrade.toString()).isZero();
		assertThat(run.tableExists("victim")).isTrue();
		assertThat(run.query("SELECT message FROM migrations_log ORDER BY id")).containsExactly(ESCAPING_MESSAGE,
				"store files under C:\\data\\");
		TestDatabase.Database reviewed = hostileDatabase();
		CliResult script = InProcessCli.connectedTo(reviewed).run("--locations", files.location(), "upgrade", "--sql");
		assertThat(script.code()).as(script.toString()).isZero();
		assertThat(psql(reviewed, script.out())).isZero();
		assertThat(reviewed.tableExists("victim")).isTrue();
		assertThat(reviewed.query("SELECT message FROM migrations_log ORDER BY id")).containsExactly(ESCAPING_MESSAGE,
				"store files under C:\\data\\");
		attempts += 4;
	}

	@Test
	void aFileNameCarryingSqlStaysInsideItsCommentInTheReviewScript() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.write("a1_x\nDROP TABLE victim; --.sql", revision("a1", "base", "one", "SELECT 1;"));
		TestDatabase.Database database = hostileDatabase();
		CliResult script = InProcessCli.connectedTo(database).run("--locations", files.location(), "upgrade", "--sql");
		assertThat(script.code()).as(script.toString()).isZero();
		assertThat(script.out()).doesNotContainPattern("(?m)^DROP TABLE victim");
		assertThat(psql(database, script.out())).isZero();
		assertThat(database.tableExists("victim")).isTrue();
		assertThat(database.query("SELECT revision FROM migrations_revisions")).containsExactly("a1");
		attempts += 1;
	}

	@Test
	void aDanglingLinkStopsEveryCommandBeforeAnythingRuns() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.write("a1.sql", revision("a1", "base", "one", "CREATE TABLE notes (id int);"));
		Files.createSymbolicLink(files.path().resolve("b2.sql"), this.folder.resolve("missing.sql"));
		TestDatabase.Database database = hostileDatabase();
		InProcessCli cli = InProcessCli.connectedTo(database);
		// exit code 2: the input is wrong; 1: check found a problem
		Map<List<String>, Integer> commands = Map.of(List.of("upgrade"), 2, List.of("upgrade", "--sql"), 2,
				List.of("check"), 1);
		for (Map.Entry<List<String>, Integer> command : commands.entrySet()) {
			String[] args = concat(List.of("--locations", files.location()), command.getKey());
			CliResult result = cli.run(args);
			assertThat(result.code()).as("%s%n%s", command.getKey(), result).isEqualTo(command.getValue());
			assertThat(result.err()).as("%s", command.getKey())
				.contains("b2.sql")
				.contains("symbolic link whose target does not exist")
				.contains("remove the link");
			attempts++;
		}
		assertThat(database.tableExists("notes")).isFalse();
		assertThat(database.tableExists("migrations_revisions")).isFalse();
	}

	@AfterAll
	static void report() {
		Report.print("hostile files", ("%d attempts (a message escaping its literal with standard_conforming_strings "
				+ "off and a Windows path, in a run and in the review script run by psql; a file name carrying SQL; "
				+ "a dangling link under upgrade, check and --sql): table 'victim' intact in every one, messages "
				+ "recorded as written, the dangling link refused before anything ran (exit code 2; 1 from check)")
			.formatted(attempts));
	}

	private static String revision(String id, String parent, String message, String upgrade) {
		return """
				-- revision: %s
				-- down_revision: %s
				-- message: %s
				-- +upgrade
				%s
				-- +downgrade
				""".formatted(id, parent, message, upgrade);
	}

	private static String[] concat(List<String> first, List<String> second) {
		return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
	}

	/**
	 * A fresh database where backslashes in ordinary string literals are escapes, holding
	 * the table an injection would drop.
	 */
	private static TestDatabase.Database hostileDatabase() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		database.execute("ALTER DATABASE " + database.name() + " SET standard_conforming_strings = off");
		database.execute("ALTER DATABASE " + database.name() + " SET escape_string_warning = off");
		database.execute("CREATE TABLE victim (id int)");
		return database;
	}

	/**
	 * Runs a review script as a reviewer would, {@code psql -v ON_ERROR_STOP=1 -f}, and
	 * returns psql's exit code.
	 */
	private int psql(TestDatabase.Database database, String script) throws IOException, InterruptedException {
		Path file = Files.writeString(Files.createTempFile(this.folder, "review-", ".sql"), script);
		Matcher url = JDBC_URL.matcher(database.url());
		assertThat(url.matches()).as(database.url()).isTrue();
		ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", url.group(1),
				"-p", url.group(2), "-U", database.username(), "-d", url.group(3), "-f", file.toString())
			.redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", database.password());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
		assertThat(process.exitValue()).as("psql on the script:%n%s%noutput:%n%s", script, output).isZero();
		return process.exitValue();
	}

}
