package io.github.migrations.core;

import java.nio.file.Path;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code --sql} review script marks each statement with the locks it takes, as
 * comments, and still runs as the migrator would.
 */
class ReviewScriptLocksTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private RevisionFiles files;

	@BeforeEach
	void revisions() {
		this.files = new RevisionFiles(this.folder);
		this.files.write("a1_base.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY);
				CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint, status text);
				""");
		this.files.write("b2_change.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				ALTER TABLE invoices ADD COLUMN note text;
				ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id)
					REFERENCES customers (id) NOT VALID;
				CREATE INDEX invoices_status_idx ON invoices (status);
				UPDATE invoices SET note = 'none';
				""");
	}

	private Migrator migrator(String schema) {
		return Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.toBuilder()
				.locations(List.of(this.files.location()))
				.schema(schema)
				.build())
			.build();
	}

	@Test
	void eachStatementIsMarkedWithTheLocksItTakesAndTheScriptRunsAsTheMigratorWould() {
		String sql = migrator(null).sql(Direction.UPGRADE, Target.base(), Target.head());
		assertThat(sql).contains("""
				-- locks: ACCESS EXCLUSIVE on invoices
				ALTER TABLE invoices ADD COLUMN note text;
				-- locks: SHARE ROW EXCLUSIVE on invoices; SHARE ROW EXCLUSIVE on customers
				ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id)
				""")
			.contains("""
					-- locks: SHARE on invoices
					CREATE INDEX invoices_status_idx ON invoices (status);
					-- locks: ROW EXCLUSIVE on invoices
					UPDATE invoices SET note = 'none';
					""")
			.containsPattern(
					"(?m)^SET LOCAL lock_timeout = '\\d+ms';\nCREATE TABLE customers \\(id bigint PRIMARY KEY\\);$");
		this.database.execute(sql);
		assertThat(this.database.query("SELECT indexname FROM pg_indexes WHERE indexname = 'invoices_status_idx'"))
			.containsExactly("invoices_status_idx");
		assertThat(migrator(null).upgrade(Target.head()).steps()).isEmpty();
	}

	@Test
	void aTableTheRevisionCreatedIsShownAsNewAndTheTableOfItsIndexIsKnown() {
		this.files.write("c3_new.sql", """
				-- revision: c3
				-- down_revision: b2
				-- +upgrade
				CREATE TABLE payments (id bigint PRIMARY KEY, invoice_id bigint REFERENCES invoices (id));
				CREATE INDEX payments_invoice_idx ON payments (invoice_id);
				DROP INDEX payments_invoice_idx;
				DROP INDEX invoices_status_idx;
				""");
		String sql = migrator(null).sql(Direction.UPGRADE, Target.parse("b2"), Target.head());
		assertThat(sql).contains("""
				-- locks: SHARE ROW EXCLUSIVE on invoices
				CREATE TABLE payments (id bigint PRIMARY KEY, invoice_id bigint REFERENCES invoices (id));
				-- locks: SHARE on payments (created in this revision)
				CREATE INDEX payments_invoice_idx ON payments (invoice_id);
				-- locks: ACCESS EXCLUSIVE on payments (created in this revision)
				DROP INDEX payments_invoice_idx;
				-- locks: ACCESS EXCLUSIVE on the table of index invoices_status_idx
				DROP INDEX invoices_status_idx;
				""");
	}

	@Test
	void unqualifiedTablesAreShownInTheConfiguredSchema() {
		String sql = migrator("billing").sql(Direction.UPGRADE, Target.base(), Target.head());
		assertThat(sql).contains("-- locks: ACCESS EXCLUSIVE on billing.invoices\nALTER TABLE invoices ADD COLUMN");
	}

	@Test
	void aTableNameCannotBreakOutOfItsLockComment() {
		this.files.write("c3_hostile.sql", """
				-- revision: c3
				-- down_revision: b2
				-- +upgrade
				ALTER TABLE "odd
				DROP TABLE customers; --" ADD COLUMN x text;
				""");
		String sql = migrator(null).sql(Direction.UPGRADE, Target.base(), Target.head());
		assertThat(sql).contains("-- locks: ACCESS EXCLUSIVE on odd DROP TABLE customers; --\n");
		// the one such line is the statement's own quoted identifier, printed as written
		assertThat(sql.lines().filter((line) -> line.startsWith("DROP TABLE customers"))).hasSize(1);
	}

}
