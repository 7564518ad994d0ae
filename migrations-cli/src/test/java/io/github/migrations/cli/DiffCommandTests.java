package io.github.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code diff --from URL --to URL}: the printed SQL, run with {@code psql}, turns the
 * first database's schema into the second's.
 */
class DiffCommandTests {

	private final TestDatabase.Database from = TestDatabase.shared().freshDatabase();

	private final TestDatabase.Database to = TestDatabase.shared().freshDatabase();

	private final Map<String, String> environment = new HashMap<>();

	@TempDir
	Path folder;

	@BeforeEach
	void credentials() {
		this.environment.put("DATABASE_USERNAME", this.from.username());
		this.environment.put("DATABASE_PASSWORD", this.from.password());
	}

	@Test
	void thePrintedScriptRunWithPsqlMakesTheSchemasEqual() throws Exception {
		this.from.execute("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text, legacy_code text);
				CREATE TABLE notes (id int);
				""");
		this.to.execute("""
				CREATE TYPE status AS ENUM ('new', 'paid');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text UNIQUE);
				CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers,
					status status NOT NULL DEFAULT 'new');
				CREATE INDEX orders_customer ON orders (customer_id);
				CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE status = 'new';
				""");
		CliRun diff = diff();
		assertThat(diff.code()).isZero();
		assertThat(diff.out()).contains("CREATE TABLE").contains("DROP TABLE");
		psql(this.from, diff.out());
		CliRun again = diff();
		assertThat(again.code()).isZero();
		assertThat(again.out()).as("equal schemas print nothing").isEmpty();
	}

	@Test
	void withNotValidAnExistingTableIsAttachedAfterACheckOfItsBoundsIsValidatedAndTheDomainCheckAddedNotValid()
			throws Exception {
		String partitioned = "CREATE DOMAIN code AS text; CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, "
				+ "c code) PARTITION BY RANGE (at);";
		this.from.execute(partitioned + " CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL, c code);");
		this.to.execute(partitioned.replace("AS text;", "AS text CONSTRAINT code_len CHECK (length(VALUE) < 10);")
				+ " CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');");
		CliRun diff = diff("--not-valid");
		assertThat(diff.code()).as(diff.err()).isZero();
		assertThat(diff.out()).isEqualTo("""
				ALTER DOMAIN public.code ADD CONSTRAINT code_len CHECK ((length(VALUE) < 10)) NOT VALID;
				ALTER TABLE public.events_2026 ADD CONSTRAINT events_2026_partition_bound CHECK (at IS NOT NULL AND \
				at >= '2026-01-01' AND at < '2027-01-01') NOT VALID;
				ALTER DOMAIN public.code VALIDATE CONSTRAINT code_len;
				ALTER TABLE public.events_2026 VALIDATE CONSTRAINT events_2026_partition_bound;
				ALTER TABLE public.events ATTACH PARTITION public.events_2026 FOR VALUES FROM ('2026-01-01') TO \
				('2027-01-01');
				ALTER TABLE public.events_2026 DROP CONSTRAINT events_2026_partition_bound;
				""");
		psql(this.from, diff.out());
		assertThat(diff().out()).as("equal schemas print nothing").isEmpty();
	}

	@Test
	void theVersionStoreIsNeverPartOfADiff() throws IOException {
		Path revisions = Files.createDirectories(this.folder.resolve("revisions"));
		Files.writeString(revisions.resolve("a1_t.sql"), """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE t (id int);
				""");
		CliRun upgrade = CliRun.of(this.environment, "--url", this.from.url(), "--locations", revisions.toString(),
				"upgrade", "head");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		this.to.execute("CREATE TABLE t (id int)");
		CliRun diff = diff();
		assertThat(diff.code()).as(diff.err()).isZero();
		assertThat(diff.out()).isEmpty();
	}

	@Test
	void schemaRestrictsTheComparison() {
		this.from.execute("CREATE SCHEMA billing; CREATE SCHEMA audit");
		this.to.execute("CREATE SCHEMA billing; CREATE SCHEMA audit; CREATE TABLE billing.invoices (id int); "
				+ "CREATE TABLE audit.events (id int)");
		CliRun diff = diff("--schema", "billing");
		assertThat(diff.code()).as(diff.err()).isZero();
		assertThat(diff.out()).contains("invoices").doesNotContain("events");
	}

	@Test
	void aSchemaNeitherDatabaseHasIsAnErrorWithTheClosestNamesNotAnEmptyDiff() {
		this.from.execute("CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int)");
		CliRun diff = diff("--schema", "biling");
		assertThat(diff.code()).as(diff.out()).isEqualTo(2);
		assertThat(diff.out()).isEmpty();
		assertThat(diff.err()).contains("Schema 'biling' exists in neither the --from nor the --to database.")
			.contains("Did you mean 'billing'?")
			.contains("public");
	}

	@Test
	void aSchemaOnlyOneDatabaseHasIsCompared() {
		this.to.execute("CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int)");
		CliRun diff = diff("--schema", "billing");
		assertThat(diff.code()).as(diff.err()).isZero();
		assertThat(diff.out()).contains("CREATE SCHEMA billing").contains("CREATE TABLE billing.invoices");
	}

	@Test
	void credentialsComeFromTheConfigurationFileGivenBeforeTheCommand() throws IOException {
		Path config = Files.writeString(this.folder.resolve("application.properties"), """
				spring.datasource.username=no_such_role
				""");
		this.environment.clear();
		CliRun diff = CliRun.of(this.environment, "--config", config.toString(), "diff", "--from", this.from.url(),
				"--to", this.to.url());
		assertThat(diff.code()).as(diff.out()).isEqualTo(1);
		assertThat(diff.err()).contains("no_such_role");
	}

	@Test
	void aConfigurationFileThatDoesNotExistIsReportedNotIgnored() {
		CliRun diff = CliRun.of(this.environment, "--config", this.folder.resolve("missing.yml").toString(), "diff",
				"--from", this.from.url(), "--to", this.to.url());
		assertThat(diff.code()).isEqualTo(2);
		assertThat(diff.err()).contains("Configuration file").contains("does not exist");
	}

	@Test
	void theUsernameGivenBeforeTheCommandIsTheOneThatConnects() {
		CliRun diff = CliRun.of(this.environment, "--username", "no_such_role", "diff", "--from", this.from.url(),
				"--to", this.to.url());
		assertThat(diff.code()).as(diff.out()).isEqualTo(1);
		assertThat(diff.err()).contains("no_such_role");
	}

	@Test
	void optionsBeforeTheCommandThatADiffCannotUseAreRefusedAndNamed() {
		assertThat(refused("--url", this.from.url())).contains("--url").contains("--from").contains("--to");
		assertThat(refused("--locations", this.folder.toString())).contains("--locations");
		assertThat(refused("--schema", "billing")).contains("--schema").contains("after 'diff'");
		assertThat(refused("--json")).contains("--json");
	}

	private String refused(String... before) {
		List<String> args = new java.util.ArrayList<>(List.of(before));
		args.addAll(List.of("diff", "--from", this.from.url(), "--to", this.to.url()));
		CliRun diff = CliRun.of(this.environment, args.toArray(String[]::new));
		assertThat(diff.code()).as(diff.out() + diff.err()).isEqualTo(2);
		assertThat(diff.out()).doesNotContain("CREATE");
		return diff.err() + diff.out();
	}

	private CliRun diff(String... more) {
		List<String> args = new java.util.ArrayList<>(
				List.of("diff", "--from", this.from.url(), "--to", this.to.url()));
		args.addAll(List.of(more));
		return CliRun.of(this.environment, args.toArray(String[]::new));
	}

	/**
	 * Runs a script with {@code psql -v ON_ERROR_STOP=1}, as a user would.
	 */
	static void psql(TestDatabase.Database database, String script) throws Exception {
		Path file = Files.createTempFile("diff", ".sql");
		Files.writeString(file, script);
		String url = database.url()
			.replace("jdbc:postgresql://", "postgresql://" + database.username() + ":" + database.password() + "@");
		Process psql = new ProcessBuilder("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-f",
				file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(psql.exitValue()).as(output + "\n" + script).isZero();
	}

}
