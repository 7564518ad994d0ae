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
				""").formatted(file, lineOf(file, "CREATE TABLE public.orders")));
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
