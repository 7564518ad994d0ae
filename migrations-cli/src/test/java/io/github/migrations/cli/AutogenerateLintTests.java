package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --autogenerate} lints what it wrote, as {@code migrations lint <ids>}
 * would, and prints the findings on stderr as advice: the revision is written and the
 * exit code stays 0.
 */
class AutogenerateLintTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", """
				-- revision: a1
				-- down_revision: base
				-- message: create customers

				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);

				-- +downgrade
				DROP TABLE customers;
				""");
	}

	@Test
	void anIndexOnATableAnEarlierRevisionCreatedIsReportedWithItsLineAndTheFlagThatWritesItSafely() throws IOException {
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
				CREATE INDEX customers_name ON customers (name);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "index names", "--rev-id", "b1", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		Path file = newRevision();
		int line = lineOf(file, "CREATE INDEX customers_name");
		assertThat(revision.err()).isEqualTo(("""
				%s:%d: error [index-without-concurrently] CREATE INDEX 'customers_name' without CONCURRENTLY on \
				existing table 'public.customers'. Takes SHARE on public.customers, which blocks writes (INSERT, \
				UPDATE, DELETE); reads go on.
				  fix: --concurrently writes the safe form: delete the file and run the command again with it. By \
				hand: Use CREATE INDEX CONCURRENTLY (or DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY) in a \
				revision with '-- transactional: false'.
				lint: 1 error, 0 warnings in the new revision. Advice: the revision is written, but 'migrations \
				lint b1' and 'migrations check' fail on the errors until they are fixed or allowed with \
				'-- lint: allow <rule> (<reason>)'.
				""").formatted(file, line));
	}

	@Test
	void withTheFlagTheIndexIsWrittenConcurrentlyAndLintHasNothingToSay() throws IOException {
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
				CREATE INDEX customers_name ON customers (name);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "index names", "--desired",
				desired.toString(), "--concurrently");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(Files.readString(newRevision())).contains("CREATE INDEX CONCURRENTLY");
		assertThat(revision.err()).isEmpty();
	}

	@Test
	void anIndexDroppedFromAKeptTableNamesConcurrentlyAsTheFlagWhichThenWritesTheDropConcurrently() throws IOException {
		this.cli.write("a2_index.sql", """
				-- revision: a2
				-- down_revision: a1
				-- message: index names

				-- +upgrade
				-- lint: allow index-without-concurrently (customers is created empty by a1)
				CREATE INDEX customers_name ON customers (name);

				-- +downgrade
				DROP INDEX customers_name;
				""");
		Path desired = desired("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);");
		CliRun plain = this.cli.run("revision", "--autogenerate", "-m", "drop index", "--rev-id", "b1", "--desired",
				desired.toString());
		assertThat(plain.code()).as(plain.err()).isZero();
		assertThat(plain.err()).contains("error [index-without-concurrently] DROP INDEX")
			.contains("  fix: --concurrently writes the safe form");
		Files.delete(newRevision("b1"));
		CliRun concurrently = this.cli.run("revision", "--autogenerate", "-m", "drop index", "--rev-id", "b1",
				"--desired", desired.toString(), "--concurrently");
		assertThat(concurrently.code()).as(concurrently.err()).isZero();
		assertThat(Files.readString(newRevision("b1"))).contains("-- transactional: false\n",
				"DROP INDEX CONCURRENTLY public.customers_name;", "CREATE INDEX CONCURRENTLY customers_name");
		assertThat(concurrently.err()).doesNotContain("index-without-concurrently");
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		assertThat(this.cli.run("downgrade", "-1").code()).isZero();
		assertThat(this.cli.database().query("SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_name'"))
			.containsExactly("1");
	}

	private Path newRevision(String id) throws IOException {
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			return files.filter((file) -> file.getFileName().toString().contains("_" + id + "_"))
				.findFirst()
				.orElseThrow();
		}
	}

	@Test
	void aCheckOnATableAnEarlierRevisionCreatedNamesNotValidAsTheFlag() throws IOException {
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL CONSTRAINT named CHECK (name <> ''));
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "named", "--desired", desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(revision.err()).containsPattern("(?m)^[^\\n]*\\.sql:\\d+: error \\[constraint-without-not-valid\\] "
				+ "[^\\n]*\\n  fix: --not-valid writes the safe form: ");
	}

	@Test
	void aTableTheRevisionCreatesIsNewSoItsIndexIsFineAndAStyleWarningTakesOneLine() throws IOException {
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
				CREATE TABLE orders (id bigint PRIMARY KEY, code varchar(12) NOT NULL);
				CREATE INDEX orders_code ON orders (code);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "orders", "--rev-id", "b1", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		Path file = newRevision();
		assertThat(revision.err()).isEqualTo(("""
				%s:%d: warning [prefer-text] column 'code' is character varying(12). Fix: Use text, with a CHECK \
				(length(column) <= n) where a limit matters.
				lint: 0 errors, 1 warning in the new revision: 'migrations lint b1' passes (style warnings fail it \
				only with --strict).
				""").formatted(file, lineOf(file, "\tcode character varying(12)")));
	}

	@Test
	void withNotValidTheConstraintsAreValidatedByARevisionOfTheirOwnWhichLintPassesAndBothReachTheDesiredSchema()
			throws IOException {
		this.cli.write("a2_events.sql", """
				-- revision: a2
				-- down_revision: a1
				-- message: events

				-- +upgrade
				CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
				CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL);

				-- +downgrade
				DROP TABLE events_2026;
				DROP TABLE events;
				""");
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL CONSTRAINT named CHECK (name <> ''),
					referrer bigint CONSTRAINT referrer_fk REFERENCES customers (id));
				CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
				CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "checks", "--rev-id", "b1", "--desired",
				desired.toString(), "--not-valid");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(revision.err()).as("lint of what was written").isEmpty();
		String validate = written("_checks_validate_constraints.sql");
		String id = validate.substring("-- revision: ".length(), validate.indexOf('\n'));
		assertThat(revision.out()).endsWith(("Wrote '%s' after 'b1' to validate the constraints that 'b1' adds NOT "
				+ "VALID, in a transaction of its own: in the transaction that adds a constraint, VALIDATE CONSTRAINT "
				+ "would check the rows under the lock the ADD took.\n")
			.formatted(id));
		assertThat(written("_b1_checks.sql")).doesNotContain("VALIDATE", "ATTACH", "transactional")
			.contains("ADD CONSTRAINT named CHECK ((name <> ''::text)) NOT VALID;",
					"ADD CONSTRAINT events_2026_partition_bound CHECK (at IS NOT NULL AND at >= '2026-01-01' AND "
							+ "at < '2027-01-01') NOT VALID;");
		assertThat(validate).contains("-- down_revision: b1\n", "-- message: checks (validate constraints)\n")
			.doesNotContain("transactional")
			.contains("""
					ALTER TABLE public.events_2026 VALIDATE CONSTRAINT events_2026_partition_bound;
					ALTER TABLE public.events ATTACH PARTITION public.events_2026 FOR VALUES FROM ('2026-01-01') TO \
					('2027-01-01');
					ALTER TABLE public.events_2026 DROP CONSTRAINT events_2026_partition_bound;
					""", "ALTER TABLE public.customers VALIDATE CONSTRAINT named;\n");
		CliRun lint = this.cli.run("lint", "b1", id);
		assertThat(lint.code()).as(lint.out()).isZero();
		assertThat(lint.out()).isEqualTo("OK: 0 errors, 0 warnings in 2 revisions.\n");
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		CliRun check = this.cli.run("check", "--desired", desired.toString());
		assertThat(check.code()).as(check.err()).isZero();
		assertThat(this.cli.run("downgrade", "a2").code()).isZero();
		assertThat(this.cli.database()
			.query("SELECT count(*) FROM pg_constraint WHERE conrelid IN ('customers'::regclass, "
					+ "'events_2026'::regclass) AND contype IN ('c', 'f')"))
			.containsExactly("0");
		assertThat(this.cli.database().query("SELECT relispartition FROM pg_class WHERE relname = 'events_2026'"))
			.containsExactly("f");
	}

	@Test
	void withNotValidADomainCheckIsAddedWithoutAScanAndOnlyItsValidationIsReported() throws IOException {
		this.cli.write("a2_code.sql", """
				-- revision: a2
				-- down_revision: a1
				-- message: code

				-- +upgrade
				CREATE DOMAIN code AS text;
				ALTER TABLE customers ADD COLUMN code code;

				-- +downgrade
				ALTER TABLE customers DROP COLUMN code;
				DROP DOMAIN code;
				""");
		Path desired = desired("""
				CREATE DOMAIN code AS text CONSTRAINT code_len CHECK (length(VALUE) < 10);
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, code code);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "code length", "--rev-id", "b1", "--desired",
				desired.toString(), "--not-valid");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(written("_b1_code_length.sql"))
			.contains("ALTER DOMAIN public.code ADD CONSTRAINT code_len CHECK ((length(VALUE) < 10)) NOT VALID;");
		Path validate = file("_code_length_validate_constraints.sql");
		assertThat(revision.err())
			.startsWith(("%s:%d: error [domain-constraint-scan] ALTER DOMAIN 'public.code' "
					+ "VALIDATE CONSTRAINT code_len checks the values of every column of that domain, under SHARE on "
					+ "each table that has one.\n  fix: Add the constraint NOT VALID")
				.formatted(validate, lineOf(validate, "ALTER DOMAIN public.code VALIDATE CONSTRAINT code_len")))
			.containsOnlyOnce("error [")
			.contains("lint: 1 error, 0 warnings in the new revisions.");
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(this.cli.run("check", "--desired", desired.toString()).code()).isZero();
	}

	private String written(String suffix) throws IOException {
		return Files.readString(file(suffix));
	}

	private Path file(String suffix) throws IOException {
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
		}
	}

	private int lineOf(Path file, String text) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(text)) {
				return i + 1;
			}
		}
		throw new AssertionError("no line starts with '" + text + "' in " + lines);
	}

	private Path desired(String sql) throws IOException {
		Path file = this.cli.folder().resolve("desired.sql");
		Files.writeString(file, sql);
		return file;
	}

	private Path newRevision() throws IOException {
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			List<Path> written = files.filter((file) -> !file.getFileName().toString().startsWith("a1_")).toList();
			assertThat(written).hasSize(1);
			return written.get(0);
		}
	}

}
