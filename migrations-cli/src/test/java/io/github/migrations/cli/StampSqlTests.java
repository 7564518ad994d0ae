package io.github.migrations.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stamp --sql}, as {@code alembic stamp --sql}: the script records what a stamp
 * records, from what the database has recorded or, with no database, from base.
 */
class StampSqlTests {

	private final TestDatabase.Database reviewed = TestDatabase.shared().freshDatabase();

	private final TestDatabase.Database stamped = TestDatabase.shared().freshDatabase();

	@RegisterExtension
	final CliFixture cli = CliFixture.withoutDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", CliRun.tableRevision("a1", "base", "customers"));
		this.cli.write("b2_orders.sql", CliRun.tableRevision("b2", "a1", "orders"));
		this.cli.write("c3_invoices.sql", CliRun.tableRevision("c3", "b2", "invoices"));
	}

	private CliRun run(TestDatabase.Database database, String... args) {
		Map<String, String> environment = (database != null) ? CliRun.databaseEnvironment(database) : Map.of();
		return CliRun.of(environment, CliRun.withLocations(this.cli.revisions(), args));
	}

	@Test
	void theScriptRecordsWhatTheStampRecordsAndRunsNothing() {
		for (TestDatabase.Database database : List.of(this.reviewed, this.stamped)) {
			assertThat(run(database, "upgrade", "c3").code()).isZero();
		}
		CliRun script = run(this.reviewed, "stamp", "--sql", "a1");
		assertThat(script.code()).as(script.err()).isZero();
		assertThat(script.out()).startsWith("-- Stamp 'a1': 0 revision(s) recorded as applied, 2 as not applied")
			.contains("BEGIN;\n", "COMMIT;\n");
		assertThat(run(this.reviewed, "current").out()).isEqualTo("c3 (head)\n");
		this.reviewed.execute(script.out());
		assertThat(run(this.stamped, "stamp", "a1").code()).isZero();
		for (String query : List.of(
				"SELECT revision || ' ' || down_revisions || ' ' || checksum || ' ' || state FROM migrations_revisions "
						+ "ORDER BY 1",
				"SELECT revision || ' ' || action || ' ' || coalesce(checksum, '-') || ' ' || coalesce(message, '-') "
						+ "FROM migrations_log ORDER BY id")) {
			assertThat(this.reviewed.query(query)).as(query).isEqualTo(this.stamped.query(query)).isNotEmpty();
		}
		assertThat(run(this.reviewed, "current").out()).isEqualTo("a1\n");
		assertThat(this.reviewed.tableExists("invoices")).isTrue();
	}

	@Test
	void withoutADatabaseTheScriptStampsFromBaseAndSaysSo() {
		CliRun script = run(null, "stamp", "--sql", "head");
		assertThat(script.code()).as(script.err()).isZero();
		assertThat(script.err()).startsWith("note: no database is configured, so the script stamps from base");
		this.reviewed.execute(script.out());
		assertThat(run(this.reviewed, "current").out()).isEqualTo("c3 (head)\n");
		assertThat(this.reviewed.tableExists("customers")).isFalse();
	}

}
