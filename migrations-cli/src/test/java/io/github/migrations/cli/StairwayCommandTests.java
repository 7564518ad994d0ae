package io.github.migrations.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

	@Test
	void aStairwayStoppedMidwayDropsItsScratchDatabaseAsItExits() throws Exception {
		this.cli.write("b2_slow.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				SELECT pg_sleep(600);
				-- +downgrade
				SELECT 1;
				""");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				MigrationsCli.class.getName(), "--locations", this.cli.revisions().toString(), "stairway")
			.redirectErrorStream(true);
		builder.environment().putAll(this.cli.environment());
		Process process = builder.start();
		List<String> scratch = List.of();
		try {
			BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line = output.readLine();
			while (line != null && !line.startsWith("a1 (customers): upgrade, downgrade, upgrade ... ok")) {
				line = output.readLine();
			}
			assertThat(line).as("the stairway's progress past a1, on its way to b2").isNotNull();
			scratch = this.cli.database()
				.query("SELECT datname FROM pg_database WHERE datname LIKE 'migrations_scratch_%'");
			assertThat(scratch).isNotEmpty();
			process.destroy(); // SIGTERM, as kill; Ctrl-C's SIGINT ends the process the
								// same way
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(this.cli.database()
				.query("SELECT datname FROM pg_database WHERE datname LIKE 'migrations_scratch_%'"))
				.doesNotContainAnyElementsOf(scratch);
		}
		finally {
			process.destroyForcibly();
			for (String name : scratch) {
				this.cli.database()
					.query("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = '" + name
							+ "'");
				this.cli.database().execute("DROP DATABASE IF EXISTS " + name);
			}
		}
	}

	@Test
	void aRevisionThatChangesARoleIsRefusedOnTheConfiguredServerWhoseRoleItWouldDrop() throws IOException {
		String role = "stairway_reporting_" + Long.toHexString(System.nanoTime());
		this.cli.write("b2_role.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				DO $$ BEGIN
				  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
				END $$;
				-- +downgrade
				DROP ROLE IF EXISTS %1$s;
				""".formatted(role));
		this.cli.database().execute("CREATE ROLE " + role + " CONNECTION LIMIT 5");
		try {
			CliRun stairway = this.cli.run("stairway");
			assertThat(stairway.code()).isEqualTo(2);
			assertThat(stairway.err())
				.contains("b2_role.sql:5: revision 'b2' runs CREATE ROLE, which changes the whole "
						+ "server, not the scratch database")
				.contains("hint: Run the stairway on a server of its own: give --url of a disposable PostgreSQL");
			assertThat(
					this.cli.database().query("SELECT rolconnlimit::text FROM pg_roles WHERE rolname = '" + role + "'"))
				.as("the role the configured server had, untouched")
				.containsExactly("5");
			CliRun throwaway = this.cli.run("stairway", "--throwaway-server");
			assertThat(throwaway.code()).as(throwaway.err()).isZero();
		}
		finally {
			this.cli.database().execute("DROP ROLE IF EXISTS " + role);
		}
	}

}
