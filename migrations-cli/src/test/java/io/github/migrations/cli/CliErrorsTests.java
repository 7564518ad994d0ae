package io.github.migrations.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.VersionStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors as a user meets them: a suggestion for a mistyped revision, JSON with
 * {@code --json}, the host and port of an unreachable server, and empty URL variables
 * counted as unset.
 */
class CliErrorsTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", CliRun.tableRevision("a1", "base", "customers", "-- branch_labels: crm\n"));
		this.cli.write("b2_orders.sql", CliRun.tableRevision("b2", "a1", "orders", "-- branch_labels: shop\n"));
	}

	@Test
	void jsonOnACommandThatPrintsTextIsRefusedAsJsonInsteadOfIgnored() throws IOException {
		for (String[] command : List.of(new String[] { "show", "a1" }, new String[] { "branches" },
				new String[] { "upgrade", "--sql" }, new String[] { "revision", "-m", "x" })) {
			List<String> args = new ArrayList<>(List.of(command));
			args.add("--json");
			CliRun run = this.cli.run(args.toArray(String[]::new));
			assertThat(run.code()).as(String.join(" ", command)).isEqualTo(2);
			assertThat(run.out()).startsWith("{\"error\":\"'migrations " + command[0])
				.contains(", so --json does not apply to it.\",\"hint\":\"Leave out --json;");
			// the hint names every command that prints JSON, as the README's list does
			for (String withJson : List.of("current", "heads", "history", "check", "stamp", "repair", "lint", "drift",
					"stairway", "upgrade", "downgrade")) {
				assertThat(run.out()).as(String.join(" ", command)).contains(" " + withJson);
			}
		}
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			assertThat(files).hasSize(2);
		}
		assertThat(this.cli.database().tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void anUpgradeThatFindsTheMigrationLockHeldSaysWhoHoldsItBeforeWaitingRatherThanHangingSilently() throws Exception {
		this.cli.environment().put("APP_MIGRATIONS_LOCK_WAIT_TIMEOUT", "300ms");
		VersionStore store = new PostgresVersionStore(null, true, "migrations_revisions", "migrations_log",
				"migrations_fingerprint");
		try (Connection session = this.cli.database().dataSource().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, store, Duration.ofSeconds(1))) {
			CliRun run = this.cli.run("upgrade");
			assertThat(run.code()).isEqualTo(1);
			assertThat(run.err())
				.startsWith("Waiting up to 300ms for the migration lock of \"migrations_revisions\", "
						+ "held by PostgreSQL backend ")
				.contains("\nerror: Could not take the migration lock for \"migrations_revisions\" within 300ms");
			assertThat(this.cli.run("stamp", "a1").err()).as("a stamp waits for the same lock")
				.startsWith("Waiting up to 300ms for the migration lock of \"migrations_revisions\", held by "
						+ "PostgreSQL backend ");
			assertThat(this.cli.run("upgrade", "--quiet").err()).as("--quiet prints only the error")
				.startsWith("error: Could not take the migration lock");
		}
		assertThat(this.cli.run("upgrade").err()).as("a free lock is taken without a word").doesNotContain("Waiting");
	}

	@Test
	void aTimeoutHintNamesTheEnvironmentVariableThatSetsItForAnOperatorWithNoConfigurationFile() throws IOException {
		this.cli.write("c3_slow.sql", """
				-- revision: c3
				-- down_revision: b2
				-- +upgrade
				SELECT pg_sleep(5);
				-- +downgrade
				""");
		this.cli.environment().put("APP_MIGRATIONS_STATEMENT_TIMEOUT", "200ms");
		CliRun run = this.cli.run("upgrade");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).contains("canceling statement due to statement timeout")
			.endsWith("Setting: 'app.migrations.statement-timeout' in the --config file (or environment variable "
					+ "APP_MIGRATIONS_STATEMENT_TIMEOUT).\n");
	}

	@Test
	void mistypedBranchLabelSuggestsTheClosestLabel() {
		CliRun run = this.cli.run("upgrade", "shoq@head");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("error: No revision or branch label 'shoq'.")
			.contains("hint: Did you mean 'shop'? ");
	}

	@Test
	void aMistypedOptionIsNamedWithoutItsValueWhichMayBeAPassword() {
		CliRun run = this.cli.run("current", "--passwrd=S3cretPw");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: Unknown option '--passwrd'.\n"
				+ "hint: Did you mean '--password'? Run 'migrations current --help' for the usage.\n");
		CliRun json = this.cli.run("current", "--passwrd=S3cretPw", "--json");
		assertThat(json.out()).contains("Unknown option '--passwrd'").doesNotContain("S3cretPw");
		for (String command : List.of("upgrade", "downgrade")) {
			CliRun migrate = this.cli.run(command, "--passwrd=S3cretPw");
			assertThat(migrate.code()).isEqualTo(2);
			assertThat(migrate.err()).as(command)
				.startsWith("error: Unknown option '--passwrd'.")
				.doesNotContain("S3cretPw");
		}
	}

	@Test
	void aUrlGivenWithoutTheUrlOptionIsNotPrintedWithItsPassword() {
		CliRun run = this.cli.run("current", "postgresql://app:S3cretPw@localhost:5432/shop");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).doesNotContain("S3cretPw")
			.startsWith("error: Unexpected argument 'postgresql://app:")
			.contains("hint: To name the database, write --url=<URL>.");
	}

	@Test
	void aUrlGivenAsTheTargetIsNotPrintedWithItsPassword() {
		CliRun run = this.cli.run("upgrade", "postgresql://app:S3cretPw@localhost:5432/shop");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).doesNotContain("S3cretPw");
	}

	@Test
	void aMistypedCommandSuggestsTheClosestOne() {
		CliRun run = CliRun.of(this.cli.environment(), "upgarde", "head");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: Unknown command 'upgarde'.\n"
				+ "hint: Did you mean 'upgrade'? Run 'migrations --help' for the usage.\n");
	}

	@Test
	void aMissingOptionIsOneErrorAndOneHintWithoutTheWholeUsage() {
		CliRun run = this.cli.run("revision");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("error: Missing required option: '--message=<message>'\n"
				+ "hint: Run 'migrations revision --help' for the usage.\n");
	}

	@Test
	void checkOfAnEmptyRevisionsFolderOnAnEmptyDatabaseSaysThereAreNoRevisionsYet() throws IOException {
		Path empty = Files.createDirectories(this.cli.folder().resolve("empty"));
		CliRun run = CliRun.of(this.cli.environment(), "--locations", empty.toString(), "check");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).isEqualTo("OK: there are no revisions yet, and none is applied.\n");
	}

	@Test
	void mistypedRevisionIdSuggestsTheClosestId() {
		CliRun run = this.cli.run("upgrade", "b3");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).contains("hint: Did you mean 'b2'? ");
	}

	@Test
	void jsonErrorIsAJsonDocumentOnStdout() {
		CliRun run = this.cli.run("upgrade", "zz", "--json");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEmpty();
		assertThat(run.out().strip())
			.startsWith("{\"error\":\"No revision or branch label 'zz'.\",\"hint\":\"Check the id")
			.endsWith("\"}");
	}

	@Test
	void jsonUsageErrorIsAJsonDocumentOnStdout() {
		CliRun run = this.cli.run("merge", "heads", "--json");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEmpty();
		assertThat(run.out().strip()).isEqualTo(
				"{\"error\":\"Missing required option: '--message=<message>'\",\"hint\":\"Run 'migrations merge --help' for the usage.\"}");
	}

	@Test
	void unreachableHostNamesTheHostAndPortButNotThePassword() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.cli.environment().put("DATABASE_URL", "postgresql://ada:s3cret-pw@127.0.0.1:%d/shop".formatted(port));
		CliRun run = this.cli.run("current");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).contains("127.0.0.1:" + port).doesNotContain("s3cret-pw");
	}

	@Test
	void unknownHostNamesTheHostAndPortButNotThePassword() {
		this.cli.environment().put("DATABASE_URL", "postgresql://ada:s3cret-pw@no-such-host.invalid:5433/shop");
		CliRun run = this.cli.run("current");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).contains("no-such-host.invalid:5433").doesNotContain("s3cret-pw");
	}

	@Test
	void passwordWithoutAValueIsReadFromStandardInputWithoutAPromptOnStandardOutput() {
		String password = this.cli.environment().remove("DATABASE_PASSWORD");
		String[] args = CliRun.withLocations(this.cli.revisions(), "--password", "upgrade", "--json");
		CliRun run = CliRun.withInput(password + "\n", this.cli.environment(), args);
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).isEqualTo("{\"applied\":[\"a1\",\"b2\"],\"current\":[\"b2\"]}\n");
		assertThat(run.err()).doesNotContain(password);
	}

	@Test
	void passwordWithoutAValueAndNothingToReadItFromSaysHowElseToGiveIt() {
		this.cli.environment().remove("DATABASE_PASSWORD");
		CliRun run = CliRun.withInput("", this.cli.environment(),
				CliRun.withLocations(this.cli.revisions(), "current", "--password", "--json"));
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.out()).isEqualTo("{\"error\":\"--password was given without a value, and there is no terminal "
				+ "to ask for it on and nothing on standard input.\",\"hint\":\"Set DATABASE_PASSWORD, pipe the "
				+ "password into the command, or give it as --password=PASSWORD.\"}\n");
		assertThat(this.cli.database().tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void passwordWithoutAValueIsNotReadFromAFirstLineLongerThanAnyPassword() {
		this.cli.environment().remove("DATABASE_PASSWORD");
		String endless = "x".repeat(PasswordPrompt.MAX_LENGTH + 1);
		CliRun run = CliRun.withInput(endless, this.cli.environment(),
				CliRun.withLocations(this.cli.revisions(), "--password", "current"));
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).isEqualTo("Database password: \n"
				+ "error: --password was given without a value, and the first line of standard input is longer than "
				+ "65,536 characters: it is not read as a password.\n"
				+ "hint: Pipe only the password, ending with a newline (for example 'printenv DB_PASSWORD | "
				+ "migrations --password ...'), or set DATABASE_PASSWORD.\n");
	}

	@Test
	void passwordWithoutAValueIsReadFromAFirstLineEndedTheWindowsWay() {
		String password = this.cli.environment().remove("DATABASE_PASSWORD");
		CliRun run = CliRun.withInput(password + "\r\nmore input\n", this.cli.environment(),
				CliRun.withLocations(this.cli.revisions(), "--password", "current", "--json"));
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).isEqualTo("{\"current\":[],\"interrupted\":[],\"running\":[]}\n");
	}

	@Test
	void passwordWithoutAValueIsNotAskedForByACommandThatReadsOnlyTheFiles() {
		this.cli.environment().remove("DATABASE_PASSWORD");
		CliRun run = CliRun.withInput("", this.cli.environment(),
				CliRun.withLocations(this.cli.revisions(), "--password", "heads"));
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(run.out()).isEqualTo("b2 (crm, shop) (head)\n");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void checkOfAServerOutOfReachIsAnErrorNamingTheHostAndPortAsOtherCommandsSayIt() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.cli.environment().put("DATABASE_URL", "postgresql://ada:s3cret-pw@127.0.0.1:%d/shop".formatted(port));
		CliRun refused = this.cli.run("check", "--json");
		assertThat(refused.code()).isEqualTo(1);
		assertThat(refused.out()).isEqualTo(("{\"error\":\"Could not connect to the database at 127.0.0.1:%d: the "
				+ "connection was refused.\",\"hint\":\"Check the host and port of the URL (--url, DATABASE_URL or the "
				+ "configuration file), and that PostgreSQL is running and accepts connections there.\"}\n")
			.formatted(port));
		this.cli.environment().put("DATABASE_URL", "postgresql://ada:s3cret-pw@no-such-host.invalid:5433/shop");
		CliRun unknown = this.cli.run("check");
		assertThat(unknown.code()).isEqualTo(1);
		assertThat(unknown.err()).startsWith(
				"error: Could not connect to the database at no-such-host.invalid:5433: the host is unknown.\nhint: ");
		this.cli.environment()
			.put("DATABASE_URL", this.cli.database().url().replaceFirst("/([^/?]+)(\\?|$)", "/$1_missing$2"));
		CliRun missing = this.cli.run("check");
		assertThat(missing.code()).isEqualTo(1);
		assertThat(missing.err()).startsWith("error: Could not connect: FATAL: database ")
			.contains("\nhint: Create the database, or fix the database name in the URL.")
			.doesNotContain("problem:");
	}

	@Test
	void aMissingConfigurationFileOrDatabaseUrlIsExplainedToAProjectWithoutSpringToo() {
		Path missing = this.cli.folder().resolve("migrations.properties");
		CliRun config = this.cli.run("--config", missing.toString(), "current");
		assertThat(config.code()).isEqualTo(2);
		assertThat(config.err()).isEqualTo(("error: Configuration file '%s' does not exist.%nhint: Pass the path of a "
				+ "migrations.properties, application.properties or application.yml with --config.%n")
			.formatted(missing));
		this.cli.environment().clear();
		CliRun url = this.cli.run("check", "--json");
		assertThat(url.code()).isEqualTo(2);
		assertThat(url.out()).isEqualTo("{\"error\":\"No database URL is configured.\",\"hint\":\"Pass --url, set "
				+ "DATABASE_URL, or write app.migrations.url=... in a migrations.properties in this folder (or point "
				+ "--config at the application's configuration).\"}\n");
	}

	@Test
	void emptyDatabaseUrlCountsAsUnset() {
		this.cli.environment().put("DATABASE_URL", "");
		this.cli.environment().put("SPRING_DATASOURCE_URL", this.cli.database().url());
		CliRun run = this.cli.run("upgrade");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(this.cli.database().tableExists("orders")).isTrue();
	}

	@Test
	void springDatasourceVariablesOverrideTheConfigurationFileAsInTheApplication() throws IOException {
		// a deployment's environment overrides the application's local defaults, as
		// Spring
		// Boot's relaxed binding does
		Path config = this.cli.folder().resolve("application.properties");
		Files.writeString(config, """
				spring.datasource.url=jdbc:postgresql://localhost:1/local
				spring.datasource.username=local-developer
				spring.datasource.password=local-secret
				""");
		this.cli.environment().clear();
		this.cli.environment().put("SPRING_DATASOURCE_URL", this.cli.database().url());
		this.cli.environment().put("SPRING_DATASOURCE_USERNAME", this.cli.database().username());
		this.cli.environment().put("SPRING_DATASOURCE_PASSWORD", this.cli.database().password());
		CliRun run = this.cli.run("--config", config.toString(), "upgrade");
		assertThat(run.code()).as(run.err()).isZero();
		assertThat(this.cli.database().tableExists("orders")).isTrue();
	}

	@Test
	void emptySpringDatasourceUrlCountsAsUnset() {
		this.cli.environment().put("DATABASE_URL", "");
		this.cli.environment().put("SPRING_DATASOURCE_URL", "");
		CliRun run = this.cli.run("current");
		assertThat(run.code()).isEqualTo(2);
		assertThat(run.err()).startsWith("error: No database URL is configured.");
	}

}
