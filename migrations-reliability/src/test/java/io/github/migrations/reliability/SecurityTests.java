package io.github.migrations.reliability;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secrets stay out of every output, identifiers from configuration cannot inject SQL, and
 * placeholders are replaced only when they have a value.
 */
@Tag("reliability")
@Timeout(180)
class SecurityTests {

	private static final String ROLE = "reliability_owner";

	private static final String SECRET = "Sup3r-S3cret-Pa55";

	private static final String WRONG_SECRET = "Wr0ng-S3cret-Pa55";

	/**
	 * A password holding what ends a URL's user information or a value early: the issue's
	 * slash, a question mark and a quote. Neither half may appear in any output.
	 */
	private static final String SPECIAL_SECRET = "Sl4shed/S3cret?Pa'55";

	private static final List<String> SPECIAL_SECRET_PARTS = List.of("Sl4shed", "S3cret?", "Pa'55");

	/**
	 * A URL with a user and a password in it, as {@code scheme://user:secret@host}; the
	 * placeholders of the hints' example ({@code user:password@}) do not count.
	 */
	private static final Pattern CREDENTIAL_URL = Pattern
		.compile("://(?!user:password@)[^/\\s:@'\"]+:(?!\\*\\*\\*@)[^@\\s/'\"]+@");

	/**
	 * A password parameter whose value is not masked.
	 */
	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)password=(?!\\*\\*\\*)[^&\\s'\"]+");

	private static final Pattern HOST_AND_PORT = Pattern.compile("jdbc:postgresql://([^/]+)/");

	private static boolean passwordsChecked;

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Server server = new Server(this.database);

	private final List<String> scanned = new ArrayList<>();

	@TempDir
	Path folder;

	private RevisionFolder files;

	private String hostAndPort;

	@BeforeAll
	static void roleWithAPassword() {
		TestDatabase.Database admin = TestDatabase.shared().freshDatabase();
		admin.execute("""
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
				    CREATE ROLE %s LOGIN PASSWORD '%s';
				  END IF;
				END $$""".formatted(ROLE, ROLE, SECRET));
		passwordsChecked = requirePassword(admin);
	}

	/**
	 * The embedded server trusts every local connection; a rule ahead of the others makes
	 * it ask this role for its password, so that a wrong password fails as it would in
	 * production. A server whose configuration file is not on this machine is used as it
	 * is.
	 */
	private static boolean requirePassword(TestDatabase.Database admin) {
		Path hba = Path.of(admin.query("SHOW hba_file").get(0));
		if (!Files.isWritable(hba)) {
			return false;
		}
		try {
			String rule = "host all %s all scram-sha-256%n".formatted(ROLE);
			String rules = Files.readString(hba);
			if (!rules.startsWith(rule)) {
				Files.writeString(hba, rule + rules);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		admin.query("SELECT pg_reload_conf()");
		return true;
	}

	@BeforeEach
	void ownedByTheRole() {
		this.database.execute("ALTER DATABASE " + this.database.name() + " OWNER TO " + ROLE);
		this.database.execute("ALTER SCHEMA public OWNER TO " + ROLE);
		Matcher matcher = HOST_AND_PORT.matcher(this.database.url());
		assertThat(matcher.find()).isTrue();
		this.hostAndPort = matcher.group(1);
		this.files = new RevisionFolder(this.folder.resolve("revisions"));
		this.files.revision("r1", "base", "CREATE TABLE accounts (id bigint PRIMARY KEY);");
	}

	@Test
	void noPasswordOrCredentialBearingUrlInAnyOutput() throws Exception {
		String jdbc = "jdbc:postgresql://" + this.hostAndPort + "/" + this.database.name();
		String libpq = "postgresql://%s:%s@%s/%s".formatted(ROLE, SECRET, this.hostAndPort, this.database.name());
		if (passwordsChecked) {
			Server.await("the server to ask for passwords", Duration.ofSeconds(10),
					() -> cli(Map.of("DATABASE_URL", libpq.replace(SECRET, WRONG_SECRET)), "current").code() == 1);
		}
		InProcessCli withOptions = new InProcessCli(Map.of());
		scan("options: upgrade", expect(0, withOptions.run("--url", jdbc, "--username", ROLE, "--password", SECRET,
				"--locations", this.files.location(), "upgrade")));
		scan("options: current --verbose", expect(0, withOptions.run("--url", jdbc, "--username", ROLE, "--password",
				SECRET, "--locations", this.files.location(), "current", "--verbose")));
		scan("options: history --verbose --indicate-current",
				expect(0, withOptions.run("--url", jdbc, "--username", ROLE, "--password", SECRET, "--locations",
						this.files.location(), "history", "--verbose", "--indicate-current")));
		scan("environment: check --json", expect(0, cli(Map.of("DATABASE_URL", libpq), "check", "--json")));
		scan("password parameter: upgrade --json", expect(0,
				cli(Map.of("DATABASE_URL", jdbc + "?user=" + ROLE + "&password=" + SECRET), "upgrade", "--json")));
		Path properties = Files.writeString(this.folder.resolve("application.properties"), """
				spring.datasource.url=%s
				spring.datasource.username=%s
				spring.datasource.password=%s
				""".formatted(jdbc, ROLE, SECRET));
		scan("configuration file: upgrade", expect(0, cli(Map.of(), "--config", properties.toString(), "upgrade")));

		this.files.revision("r2", "r1",
				"CREATE TABLE ledger (id bigint PRIMARY KEY);\nINSERT INTO ledger VALUES ('x');");
		scan("failing revision", expect(1, cli(Map.of("DATABASE_URL", libpq), "upgrade")));
		CliResult wrong = cli(Map.of("DATABASE_URL", libpq.replace(SECRET, WRONG_SECRET)), "upgrade");
		scan("wrong password", expect(1, wrong));
		if (passwordsChecked) {
			assertThat(wrong.err()).contains("password authentication failed for user \"" + ROLE + "\"");
		}
		scan("refused connection",
				expect(1, cli(Map.of("DATABASE_URL", libpq.replace(this.hostAndPort, "127.0.0.1:1")), "upgrade")));
		scan("unknown database",
				expect(1, cli(Map.of("DATABASE_URL", libpq.replace("/" + this.database.name(), "/no_such_database")),
						"upgrade")));
		scan("malformed JDBC URL", expect(2, cli(Map.of("DATABASE_URL",
				"jdbc:postgresql://" + this.hostAndPort + ":not-a-port/db?user=" + ROLE + "&password=" + SECRET),
				"upgrade")));
		String special = libpq.replace(SECRET, SPECIAL_SECRET);
		scan("password with a slash in a libpq URL", expect(2, cli(Map.of(), "--url", special, "current")));
		scan("password with a slash in a JDBC URL's user information",
				expect(2, cli(Map.of(), "--url", "jdbc:" + special, "current")));
		scan("sslpassword with a quote in a malformed JDBC URL", expect(2, cli(Map.of(), "--url",
				jdbc.replace(this.hostAndPort, "localhost:not-a-port") + "?sslpassword=" + SPECIAL_SECRET, "current")));
		scan("mistyped password option", expect(2, cli(Map.of(), "current", "--passwrd=" + SECRET)));
		scan("mistyped password option of upgrade", expect(2, cli(Map.of(), "upgrade", "--passwrd=" + SECRET)));
		scan("URL without --url", expect(2, cli(Map.of(), "current", libpq)));
		scan("URL as the target", expect(2, cli(Map.of(), "upgrade", libpq)));
		scan("URL of another database",
				expect(2, cli(Map.of("DATABASE_URL", libpq.replace("postgresql://", "mysql://")), "upgrade")));
		Path yaml = Files.writeString(this.folder.resolve("application.yml"), """
				spring:
				  datasource:
				    url: %s
				    password: "%s
				""".formatted(jdbc, SECRET));
		scan("broken configuration file", expect(2, cli(Map.of(), "--config", yaml.toString(), "upgrade")));
		for (String indicator : List.of("!", "*", "!!int ")) {
			Path tagged = Files.writeString(this.folder.resolve("tagged.yml"), """
					spring:
					  datasource:
					    url: %s
					    password: %s%s
					""".formatted(jdbc, indicator, SECRET));
			scan("configuration file with the password read as YAML '" + indicator.strip() + "'",
					expect(2, cli(Map.of(), "--config", tagged.toString(), "upgrade")));
		}
		scan("lock wait timeout", lockTimeout(libpq));
		scan("lock holder whose query holds the password", lockHolderWithASecret(libpq));

		scan("engine: failing revision", failure(() -> engine(this.hostAndPort, SECRET).upgrade(Target.head())));
		scan("engine: wrong password", failure(() -> engine(this.hostAndPort, WRONG_SECRET).upgrade(Target.head())));
		scan("engine: refused connection", failure(() -> engine("127.0.0.1:1", SECRET).upgrade(Target.head())));

		List<String> debugLogging = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
		scan("child process at debug level: failing revision",
				expect(1, CliProcess
					.start(this.folder.resolve("process"), debugLogging, io.github.migrations.cli.MigrationsCli.class,
							Map.of("DATABASE_URL", libpq), "--locations", this.files.location(), "upgrade")
					.await(Duration.ofSeconds(60))));
		scan("child process at debug level: refused connection",
				expect(1, CliProcess
					.start(this.folder.resolve("process"), debugLogging, io.github.migrations.cli.MigrationsCli.class,
							Map.of("DATABASE_URL", libpq.replace(this.hostAndPort, "127.0.0.1:1")), "--locations",
							this.files.location(), "upgrade")
					.await(Duration.ofSeconds(60))));
		// the driver's own warnings, which java.util.logging would print raw, reach
		// stderr
		// only in a JVM of its own
		Map<String, String> refusedOrWarned = Map.of("libpq URL with a slashed password", special,
				"JDBC URL with a slashed password", "jdbc:" + special, "JDBC URL the driver warns about",
				"jdbc:postgresql://" + this.hostAndPort + "?password=" + SPECIAL_SECRET.replace("?", "%3F"));
		for (Map.Entry<String, String> url : new TreeMap<>(refusedOrWarned).entrySet()) {
			CliResult result = expect(2,
					CliProcess
						.start(this.folder.resolve("process"), Map.of(), "--url", url.getValue(), "--locations",
								this.files.location(), "current")
						.await(Duration.ofSeconds(60)));
			if (url.getKey().contains("warns")) {
				assertThat(result.err()).as(result.toString())
					.contains("WARN org.postgresql.Driver - JDBC URL must contain a / at the end of the host or port: "
							+ "jdbc:postgresql://" + this.hostAndPort + "?password=***");
			}
			scan("child process: " + url.getKey(), result);
		}
		scan("version store", String.join("\n", this.database
			.query("SELECT concat_ws(' ', revision, action, message, error, performed_by) FROM migrations_log")));

		List<String> leaks = new ArrayList<>();
		for (String output : this.scanned) {
			String scenario = output.substring(0, output.indexOf('\n'));
			if (output.contains(SECRET) || output.contains(WRONG_SECRET)
					|| SPECIAL_SECRET_PARTS.stream().anyMatch(output::contains)) {
				leaks.add(scenario + ": contains the password");
			}
			if (CREDENTIAL_URL.matcher(output).find() || PASSWORD_PARAMETER.matcher(output).find()) {
				leaks.add(scenario + ": contains a URL with credentials");
			}
		}
		long characters = this.scanned.stream().mapToLong(String::length).sum();
		assertThat(leaks).as("outputs that leak a secret:%n%s", String.join("\n\n", this.scanned)).isEmpty();
		Report
			.print("security: secrets", ("%d outputs scanned (%d characters: stdout, stderr and engine log of the CLI "
					+ "in-process and in child processes at debug level, exception chains with stack traces, the log "
					+ "table), password given as option, environment, URL user info, URL parameter and configuration "
					+ "file, a password holding '/', '?' and a quote in URL user info and parameters, the driver's own "
					+ "warning in a child process; wrong password checked by the server: %s; leaks: %d")
				.formatted(this.scanned.size(), characters,
						passwordsChecked ? "yes" : "no (server configuration not local)", leaks.size()));
	}

	@Test
	void identifiersFromConfigurationAreValidatedOrQuoted() throws IOException {
		this.database.execute("CREATE TABLE y (id int)");
		InProcessCli cli = InProcessCli.connectedTo(this.database);
		CliResult schema = cli.run("--locations", this.files.location(), "--schema", "x; DROP TABLE y", "upgrade");
		assertThat(schema.code()).as(schema.toString()).isEqualTo(2);
		assertThat(schema.err()).startsWith("error: Schema 'x; DROP TABLE y' is not a valid schema name.\nhint: ");
		Path prefix = Files.writeString(this.folder.resolve("prefix.properties"),
				"app.migrations.table-prefix=x\"; DROP TABLE y; --\n");
		CliResult tablePrefix = cli.run("--locations", this.files.location(), "--config", prefix.toString(), "upgrade");
		assertThat(tablePrefix.code()).as(tablePrefix.toString()).isEqualTo(2);
		assertThat(tablePrefix.err()).startsWith("error: Table prefix 'x\"; DROP TABLE y; --' is not valid.\nhint: ");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> MigratorSettings.defaults().withSchema("app\"; DROP TABLE y; --"))
			.withMessageContaining("is not a valid schema name");
		assertThat(this.database.tableExists("y")).isTrue();
		assertThat(this.server.versionStoreExists()).isFalse();
		// names that are valid but need quoting: a reserved word and a prefix that starts
		// with a digit
		Path quoted = Files.writeString(this.folder.resolve("quoted.properties"),
				"app.migrations.schema=order\napp.migrations.table-prefix=1st_\n");
		CliResult reserved = cli.run("--locations", this.files.location(), "--config", quoted.toString(), "upgrade");
		assertThat(reserved.code()).as(reserved.toString()).isZero();
		assertThat(this.database.tableExists("order", "1st_revisions")).isTrue();
		assertThat(this.database.tableExists("order", "accounts")).isTrue();
		assertThat(this.database.tableExists("y")).isTrue();
		Report.print("security: identifiers", "3 injection attempts (schema option, table prefix setting, engine "
				+ "settings) refused with exit code 2 before connecting; schema 'order' and prefix '1st_' quoted and "
				+ "used; canary table intact");
	}

	@Test
	void placeholdersAreReplacedOnlyWithTheirValuesAndAMissingOneStopsTheRunBeforeAnything() throws IOException {
		this.files.revision("r2", "r1", """
				CREATE TABLE notes (body text);
				INSERT INTO notes VALUES ($note$${note}$note$);
				CREATE FUNCTION twice(int) RETURNS int LANGUAGE sql AS $$ SELECT $1 * 2 $$;""");
		this.files.revision("r3", "r2", "GRANT SELECT ON notes TO ${reader};");
		InProcessCli cli = InProcessCli.connectedTo(this.database);
		Path partial = Files.writeString(this.folder.resolve("partial.properties"),
				"app.migrations.placeholders.note=costs $1 \\\\ ${reader} $$\napp.migrations.placeholders.other=x\n");
		CliResult missing = cli.run("--locations", this.files.location(), "--config", partial.toString(), "upgrade");
		assertThat(missing.code()).as(missing.toString()).isEqualTo(2);
		assertThat(missing.err()).contains("r3.sql:6: placeholder '${reader}' has no value")
			.contains("hint: Give the placeholder a value, or remove it. Setting: 'app.migrations.placeholders.reader' "
					+ "in the --config file.");
		assertThat(SchemaSnapshot.of(this.database).userTables()).as("tables after the refused run").isZero();
		assertThat(this.server.versionStoreExists()).as("the version store after the refused run").isFalse();
		Path complete = Files.writeString(this.folder.resolve("complete.properties"),
				Files.readString(partial) + "app.migrations.placeholders.reader=" + ROLE + "\n");
		CliResult run = cli.run("--locations", this.files.location(), "--config", complete.toString(), "upgrade");
		assertThat(run.code()).as(run.toString()).isZero();
		assertThat(this.database.query("SELECT body FROM notes")).containsExactly("costs $1 \\ ${reader} $$");
		assertThat(this.database.query("SELECT twice(21)")).containsExactly("42");
		Report.print("security: placeholders", "a missing value stopped the run before anything (0 tables, no "
				+ "version store, exit code 2); a value holding '$1', '\\\\', '${reader}' and '$$' was inserted "
				+ "verbatim, not expanded again; '$1' and '$$' in the SQL left alone");
	}

	private CliResult cli(Map<String, String> environment, String... args) {
		Map<String, String> withPassword = new HashMap<>(environment);
		List<String> all = new ArrayList<>(List.of("--locations", this.files.location()));
		all.addAll(List.of(args));
		return new InProcessCli(withPassword).run(all.toArray(String[]::new));
	}

	private static CliResult expect(int code, CliResult result) {
		assertThat(result.code()).as(result.toString()).isEqualTo(code);
		return result;
	}

	private void scan(String scenario, CliResult result) {
		scan(scenario, result.all());
	}

	private void scan(String scenario, String output) {
		this.scanned.add(scenario + "\n" + output);
	}

	/**
	 * A run that waits 100 ms for the lock while the engine holds it.
	 */
	private CliResult lockTimeout(String url) throws Exception {
		RevisionFolder slow = new RevisionFolder(this.folder.resolve("slow"));
		slow.revision("s1", "base", "SELECT pg_sleep(1);");
		PGSimpleDataSource dataSource = dataSource(this.hostAndPort, SECRET);
		dataSource.setApplicationName("reliability-security");
		Migrator holder = Migrator.builder(dataSource)
			.settings(MigratorSettings.defaults().withLocations(slow.location()).withTablePrefix("slow_"))
			.build();
		CompletableFuture<MigrationResult> holding = Migrators.upgradeInBackground(holder);
		Server.await("the holder to take the lock", Duration.ofSeconds(30),
				() -> !this.server.advisoryLockHolders().isEmpty());
		Path shortWait = Files.writeString(this.folder.resolve("short-wait.properties"),
				"app.migrations.lock-wait-timeout=100ms\napp.migrations.table-prefix=slow_\n");
		CliResult result = new InProcessCli(Map.of("DATABASE_URL", url)).run("--locations", slow.location(), "--config",
				shortWait.toString(), "upgrade");
		holding.get(60, TimeUnit.SECONDS);
		return expect(1, result);
	}

	/**
	 * A revision that gives way on its lock timeout to a session idle in a transaction
	 * whose last query holds the password, in a string constant and in a comment; the
	 * error names that session and quotes the query without them.
	 */
	private CliResult lockHolderWithASecret(String url) throws Exception {
		RevisionFolder blocked = new RevisionFolder(this.folder.resolve("blocked"));
		blocked.revision("b1", "base", "ALTER TABLE accounts ADD COLUMN note text;");
		Path quick = Files.writeString(this.folder.resolve("quick.properties"),
				"app.migrations.lock-timeout=100ms\napp.migrations.lock-retries=0\napp.migrations.table-prefix=blocked_\n");
		try (Connection holder = dataSource(this.hostAndPort, SECRET).getConnection();
				Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS SHARE MODE");
			statement.execute("SELECT count(*) FROM accounts WHERE '%s' <> '' /* %s */".formatted(SECRET, SECRET));
			CliResult result = new InProcessCli(Map.of("DATABASE_URL", url)).run("--locations", blocked.location(),
					"--config", quick.toString(), "upgrade");
			holder.rollback();
			assertThat(result.err()).as(result.toString())
				.contains("holds ACCESS SHARE on accounts",
						"last query: SELECT count(*) FROM accounts WHERE '...' <> '...'");
			return expect(1, result);
		}
	}

	private Migrator engine(String hostAndPort, String password) {
		return Migrator.builder(dataSource(hostAndPort, password))
			.settings(MigratorSettings.defaults().withLocations(this.files.location()))
			.build();
	}

	private PGSimpleDataSource dataSource(String hostAndPort, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://" + hostAndPort + "/" + this.database.name());
		dataSource.setUser(ROLE);
		dataSource.setPassword(password);
		return dataSource;
	}

	/**
	 * The exception's messages and stack trace, causes included.
	 */
	private static String failure(Runnable run) {
		try {
			run.run();
		}
		catch (RuntimeException ex) {
			StringWriter trace = new StringWriter();
			ex.printStackTrace(new PrintWriter(trace));
			return ex + "\n" + trace;
		}
		throw new AssertionError("expected the run to fail");
	}

}
