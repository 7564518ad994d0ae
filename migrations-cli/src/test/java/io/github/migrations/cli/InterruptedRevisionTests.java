package io.github.migrations.cli;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code transactional: false} revision whose second statement fails after its first
 * built an index: the hint says what ran and how to record the outcome, and following it
 * works.
 */
class InterruptedRevisionTests {

	private static final String INDEXES = """
			-- revision: 002
			-- down_revision: 001
			-- transactional: false
			-- +upgrade
			CREATE INDEX CONCURRENTLY customers_name ON customers (name);
			CREATE INDEX CONCURRENTLY customers_email ON customers (emial);
			-- +downgrade
			DROP INDEX CONCURRENTLY customers_email;
			DROP INDEX CONCURRENTLY customers_name;
			""";

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void aFailedNonTransactionalRevision() throws IOException {
		this.cli.write("001_customers.sql", """
				-- revision: 001
				-- down_revision: base
				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY, name text, email text);
				-- +downgrade
				DROP TABLE customers;
				""");
		this.cli.write("002_indexes.sql", INDEXES);
	}

	@Test
	void theHintNamesWhatRanAndTheStampsThatRecordTheOutcome() {
		CliRun run = this.cli.run("upgrade");
		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).contains("002_indexes.sql:6: revision '002' failed: column \"emial\" does not exist")
			.contains("hint: The revision runs outside a transaction (transactional: false), so the statements before "
					+ "the failing one took effect and stay (line 5), and it is marked as interrupted: no "
					+ "run starts until a stamp records its outcome. Check what ran and fix the failing statement; then "
					+ "record the outcome with a stamp: revision '002' once you finish its upgrade by hand, or "
					+ "revision '001' once you undo what ran; then run again. Finished by hand: run 'migrations stamp "
					+ "002'; undone: run 'migrations stamp 001'.\n");
		assertThat(this.cli.database()
			.query("SELECT indexname FROM pg_indexes WHERE tablename = 'customers' AND indexname <> 'customers_pkey'"))
			.containsExactly("customers_name");
	}

	@Test
	void undoingWhatRanAndPastingTheStampLetsTheFixedRevisionRunAgain() throws IOException {
		CliRun failed = this.cli.run("upgrade");
		this.cli.write("002_indexes.sql", INDEXES.replace("(emial)", "(email)"));
		this.cli.database().execute("DROP INDEX customers_name");
		assertThat(pasted(failed, "undone").code()).isZero();
		CliRun again = this.cli.run("upgrade");
		assertThat(again.code()).as(again.err()).isZero();
		assertThat(this.cli.run("current").out()).isEqualTo("002 (head)\n");
	}

	@Test
	void finishingTheWorkByHandAndPastingTheStampRecordsTheRevision() throws IOException {
		CliRun failed = this.cli.run("upgrade");
		this.cli.write("002_indexes.sql", INDEXES.replace("(emial)", "(email)"));
		this.cli.database().execute("CREATE INDEX customers_email ON customers (email)");
		assertThat(pasted(failed, "Finished by hand").code()).isZero();
		assertThat(this.cli.run("current").out()).isEqualTo("002 (head)\n");
		assertThat(this.cli.run("upgrade").code()).isZero();
	}

	private CliRun pasted(CliRun failed, String which) {
		Matcher command = Pattern.compile(which + ": run 'migrations ([^']+)'").matcher(failed.err());
		assertThat(command.find()).as(failed.err()).isTrue();
		return this.cli.run(command.group(1).split(" "));
	}

}
