package io.github.migrations.cli;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stairway}: every revision up, down and up again on a scratch database, from the
 * command line.
 */
class StairwayCommandTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", """
				-- revision: a1
				-- down_revision: base
				-- message: customers
				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
				-- +downgrade
				DROP TABLE customers;
				""");
	}

	@Test
	void revisionsThatUndoExactlyPassOnAScratchDatabaseAndLeaveTheConfiguredOneAlone() throws IOException {
		this.cli.write("b2_email.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				ALTER TABLE customers ADD COLUMN email text;
				CREATE INDEX customers_email ON customers (email);
				-- +downgrade
				DROP INDEX customers_email;
				ALTER TABLE customers DROP COLUMN email;
				""");
		CliRun stairway = this.cli.run("stairway");
		assertThat(stairway.code()).as(stairway.err()).isZero();
		assertThat(stairway.out())
			.isEqualTo("Stairway passed: 2 revisions upgrade, downgrade and upgrade again to the same schema.\n");
		assertThat(stairway.err()).contains("a1 (customers): upgrade, downgrade, upgrade ... ok")
			.contains("b2: upgrade, downgrade, upgrade ... ok")
			.contains("base, heads, base, heads ... ok");
		assertThat(this.cli.database().tableExists("customers")).isFalse();
		assertThat(this.cli.database().tableExists("migrations_revisions")).isFalse();
		assertThat(
				this.cli.database().query("SELECT count(*) FROM pg_database WHERE datname LIKE 'migrations_scratch_%'"))
			.containsExactly("0");
	}

	@Test
	void theVersionStoresSchemaIsNotCountedAsLeftBehindByTheFirstRevision() {
		CliRun stairway = this.cli.run("--schema", "app", "stairway");
		assertThat(stairway.code()).as(stairway.err()).isZero();
		assertThat(stairway.out())
			.isEqualTo("Stairway passed: 1 revision upgrade, downgrade and upgrade again to the same schema.\n");
	}

	@Test
	void aDowngradeThatLeavesAColumnBehindFailsNamingTheRevisionAndWhatIsLeft() throws IOException {
		this.cli.write("b2_email.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				ALTER TABLE customers ADD COLUMN email text;
				-- +downgrade
				SELECT 1;
				""");
		this.cli.write("c3_orders.sql", """
				-- revision: c3
				-- down_revision: b2
				-- +upgrade
				CREATE TABLE orders (id bigint PRIMARY KEY);
				-- +downgrade
				DROP TABLE orders;
				""");
		CliRun stairway = this.cli.run("stairway");
		assertThat(stairway.code()).isEqualTo(1);
		assertThat(stairway.err()).contains("a1 (customers): upgrade, downgrade, upgrade ... ok")
			.contains("error: Revision 'b2' (")
			.contains("b2_email.sql): its downgrade does not restore the schema it started from.")
			.contains("email")
			.contains("Make the '-- +downgrade' section undo exactly what '-- +upgrade' does.")
			.doesNotContain("c3");
		CliRun json = this.cli.run("stairway", "--json");
		assertThat(json.code()).isEqualTo(1);
		assertThat(json.out()).startsWith("{\"passed\":false,\"climbed\":[\"a1\"],\"error\":\"Revision 'b2' (");
	}

}
