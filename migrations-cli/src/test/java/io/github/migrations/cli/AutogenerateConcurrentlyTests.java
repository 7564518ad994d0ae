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
 * {@code revision --autogenerate --concurrently}: the index drops and builds that must
 * run outside a transaction are written as revisions of their own around the main one,
 * which keeps its transaction; with the enum values' and {@code --not-valid}'s revisions,
 * the chain applies in order, reaches the desired schema and downgrades back revision by
 * revision.
 */
class AutogenerateConcurrentlyTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", """
				-- revision: a1
				-- down_revision: base
				-- message: create customers

				-- +upgrade
				CREATE TYPE status AS ENUM ('active', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text, code int,
					status status NOT NULL DEFAULT 'active');
				CREATE INDEX customers_fax ON customers (fax);
				CREATE INDEX customers_code_fax ON customers (code, fax);

				-- +downgrade
				DROP TABLE customers;
				DROP TYPE status;
				""");
	}

	@Test
	void indexDropsBeforeAndBuildsAfterTheMainRevisionKeepItTransactionalAndTheChainRunsBothWays() throws IOException {
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		this.cli.database().execute("INSERT INTO customers (id, name, fax, code) VALUES (1, 'Ada', '555', 7)");
		Path desired = desired("""
				CREATE TYPE status AS ENUM ('active', 'suspended', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL CONSTRAINT named CHECK (name <> ''),
					code bigint, status status NOT NULL DEFAULT 'suspended', email text);
				CREATE INDEX customers_email ON customers (email);
				CREATE INDEX customers_code_email ON customers (code, email);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "email", "--rev-id", "0002", "--desired",
				desired.toString(), "--concurrently", "--not-valid");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(revision.out())
			.containsPattern("(?s)^Generating [^\\n]*0002_values_email_new_enum_values\\.sql"
					+ " \\.\\.\\. done\\nGenerating [^\\n]*0002_drop_indexes_email_drop_indexes_concurrently\\.sql "
					+ "\\.\\.\\. done\\nGenerating [^\\n]*0002_email\\.sql \\.\\.\\. done\\n"
					+ "Generating [^\\n]*0002_indexes_email_build_indexes_concurrently\\.sql \\.\\.\\. done\\n"
					+ "Generating [^\\n]*0002_validate_email_validate_constraints\\.sql \\.\\.\\. done\\n")
			.contains("Wrote '0002_values' before '0002' to add the values public.status ('suspended')")
			.contains("Wrote '0002_drop_indexes' before '0002' to drop public.customers_code_fax, "
					+ "public.customers_fax CONCURRENTLY, outside a transaction ('transactional: false'; DROP INDEX "
					+ "CONCURRENTLY cannot run in one), before '0002' changes what they cover, so that '0002' keeps "
					+ "its transaction.\n")
			.contains("Wrote '0002_indexes' after '0002' to build public.customers_code_email, "
					+ "public.customers_email CONCURRENTLY")
			.contains("Wrote '0002_validate' after '0002' to validate the constraints");
		String values = revision("0002_values");
		String drops = revision("0002_drop_indexes");
		String main = revision("0002");
		String builds = revision("0002_indexes");
		String validate = revision("0002_validate");
		assertThat(values).contains("-- down_revision: a1\n").doesNotContain("transactional");
		assertThat(drops).contains("-- down_revision: 0002_values\n", "-- transactional: false\n")
			.contains("DROP INDEX CONCURRENTLY public.customers_fax;")
			.contains("CREATE INDEX CONCURRENTLY customers_fax ON public.customers");
		assertThat(main)
			.contains("-- down_revision: 0002_drop_indexes\n", "DROP COLUMN fax", "TYPE bigint", "NOT VALID")
			.doesNotContain("transactional", "INDEX", "VALIDATE");
		assertThat(builds).contains("-- down_revision: 0002\n", "-- transactional: false\n")
			.contains("CREATE INDEX CONCURRENTLY customers_email ON public.customers")
			.contains("DROP INDEX CONCURRENTLY public.customers_email;")
			.doesNotContain("DROP INDEX public.");
		assertThat(validate).contains("-- down_revision: 0002_indexes\n", "VALIDATE CONSTRAINT named")
			.doesNotContain("transactional");
		// linted as one release: no index work left in a transaction, nor outside
		// CONCURRENTLY
		assertThat(revision.err()).doesNotContain("concurrently-in-transaction", "index-without-concurrently");
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		CliRun check = this.cli.run("check", "--desired", desired.toString());
		assertThat(check.code()).as(check.err()).isZero();
		assertThat(this.cli.database().query("SELECT id || ' ' || name || ' ' || code FROM customers"))
			.containsExactly("1 Ada 7");
		CliRun downgrade = this.cli.run("downgrade", "a1");
		assertThat(downgrade.code()).as(downgrade.err()).isZero();
		assertThat(this.cli.database()
			.query("SELECT indexname FROM pg_indexes WHERE tablename = 'customers' ORDER BY indexname"))
			.containsExactly("customers_code_fax", "customers_fax", "customers_pkey");
		assertThat(this.cli.database().query("SELECT id || ' ' || name || ' ' || code || ' ' || status FROM customers"))
			.containsExactly("1 Ada 7 active");
		assertThat(this.cli.database().query("SELECT enum_range(NULL::status)::text"))
			.containsExactly("{active,closed}");
	}

	@Test
	void onlyConcurrentIndexWorkStaysOneRevisionThatDropsConcurrentlyOnTheWayBack() throws IOException {
		Path desired = desired("""
				CREATE TYPE status AS ENUM ('active', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text, code int,
					status status NOT NULL DEFAULT 'active');
				CREATE INDEX customers_fax ON customers (fax);
				CREATE INDEX customers_code_fax ON customers (code, fax);
				CREATE INDEX customers_name ON customers (name);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "index names", "--rev-id", "0002",
				"--desired", desired.toString(), "--concurrently");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(revision.out()).startsWith("Generating ").endsWith("0002_index_names.sql ... done\n");
		String file = revision("0002");
		assertThat(file).contains("-- transactional: false\n", "CREATE INDEX CONCURRENTLY customers_name")
			.contains("DROP INDEX CONCURRENTLY public.customers_name;");
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		assertThat(this.cli.run("check", "--desired", desired.toString()).code()).isZero();
		CliRun downgrade = this.cli.run("downgrade", "-1");
		assertThat(downgrade.code()).as(downgrade.err()).isZero();
		assertThat(this.cli.database().query("SELECT count(*) FROM pg_indexes WHERE indexname = 'customers_name'"))
			.containsExactly("0");
	}

	@Test
	void theExtraRevisionsTakeGeneratedIdsWithoutRevIdAndNumberedOnesWhenTheDerivedIdIsTaken() throws IOException {
		this.cli.write("a2_taken.sql", """
				-- revision: 0002_indexes
				-- down_revision: a1
				-- message: taken

				-- +upgrade
				SELECT 1;

				-- +downgrade
				SELECT 1;
				""");
		Path desired = desired("""
				CREATE TYPE status AS ENUM ('active', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text, code int,
					status status NOT NULL DEFAULT 'active', email text);
				CREATE INDEX customers_fax ON customers (fax);
				CREATE INDEX customers_code_fax ON customers (code, fax);
				CREATE INDEX customers_email ON customers (email);
				""");
		CliRun numbered = this.cli.run("revision", "--autogenerate", "-m", "email", "--rev-id", "0002", "--desired",
				desired.toString(), "--concurrently");
		assertThat(numbered.code()).as(numbered.err()).isZero();
		assertThat(numbered.out()).contains("Wrote '0002_indexes_2' after '0002' to build public.customers_email");
		assertThat(revision("0002_indexes_2")).contains("-- down_revision: 0002\n");
		Path phone = desired("""
				CREATE TYPE status AS ENUM ('active', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text, code int,
					status status NOT NULL DEFAULT 'active', email text, phone text);
				CREATE INDEX customers_fax ON customers (fax);
				CREATE INDEX customers_code_fax ON customers (code, fax);
				CREATE INDEX customers_email ON customers (email);
				CREATE INDEX customers_phone ON customers (phone);
				""");
		CliRun generated = this.cli.run("revision", "--autogenerate", "-m", "phone", "--desired", phone.toString(),
				"--concurrently");
		assertThat(generated.code()).as(generated.err()).isZero();
		assertThat(generated.out()).containsPattern(
				"Wrote '[0-9a-f]{12}' after '[0-9a-f]{12}' to build " + "public.customers_phone CONCURRENTLY");
	}

	private String revision(String id) throws IOException {
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			List<String> texts = files.map(AutogenerateConcurrentlyTests::read)
				.filter((text) -> text.startsWith("-- revision: " + id + "\n"))
				.toList();
			assertThat(texts).as(id).hasSize(1);
			return texts.get(0);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Path desired(String sql) throws IOException {
		Path file = this.cli.folder().resolve("desired.sql");
		Files.writeString(file, sql);
		return file;
	}

}
