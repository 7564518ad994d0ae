package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.SchemaFilter;
import io.github.migrations.schema.SchemaReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --autogenerate}: head compared with the desired schema, written as a
 * revision whose upgrade reaches the desired schema and whose downgrade comes back; and
 * {@code check} against the desired schema.
 */
class AutogenerateTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@BeforeEach
	void revisions() throws IOException {
		this.cli.write("a1_customers.sql", """
				-- revision: a1
				-- down_revision: base
				-- message: create customers

				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text);

				-- +downgrade
				DROP TABLE customers;
				""");
	}

	@Test
	void theWrittenRevisionUpgradesToTheDesiredSchemaAndDowngradesBack() throws IOException {
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text);
				CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "add orders", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(revision.out()).startsWith("Generating ").endsWith(" ... done\n");
		String file = Files.readString(newRevision());
		assertThat(file).contains("-- down_revision: a1", "-- message: add orders", "-- +upgrade", "-- +downgrade")
			.doesNotContain("transactional");
		assertThat(file.substring(file.indexOf("-- +upgrade"), file.indexOf("-- +downgrade")))
			.contains("CREATE TABLE", "orders")
			.containsPattern("-- REVIEW: [^\\n]*\\n[^\\n]*DROP COLUMN[^\\n]*fax");
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		CliRun check = this.cli.run("check", "--desired", desired.toString());
		assertThat(check.code()).as(check.err()).isZero();
		assertThat(check.out()).contains("which is the desired schema");
		assertThat(this.cli.run("downgrade", "-1").code()).isZero();
		assertThat(this.cli.database().tableExists("orders")).isFalse();
		assertThat(
				this.cli.database()
					.query("SELECT column_name FROM information_schema.columns "
							+ "WHERE table_name = 'customers' ORDER BY ordinal_position"))
			.containsExactly("id", "name", "fax");
	}

	@Test
	void theDowngradeNamesNoColumnOrderWhenItRestoresTheOrderHeadHas() throws IOException {
		// as Hibernate writes a table: its columns in alphabetical order
		Path desired = desired(
				"CREATE TABLE customers (email text, fax text, id bigint PRIMARY KEY, name text NOT NULL);");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "add email", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		String file = Files.readString(newRevision());
		assertThat(file.substring(file.indexOf("-- +upgrade"), file.indexOf("-- +downgrade"))).contains(
				"-- UNSUPPORTED: the columns of table public.customers will be in the order (id, name, fax, email)");
		assertThat(file.substring(file.indexOf("-- +downgrade"))).isEqualTo("""
				-- +downgrade
				-- REVIEW: drops column public.customers.email and its data
				ALTER TABLE public.customers DROP COLUMN email;
				""");
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		assertThat(this.cli.run("downgrade", "-1").code()).isZero();
		assertThat(
				this.cli.database()
					.query("SELECT column_name FROM information_schema.columns "
							+ "WHERE table_name = 'customers' ORDER BY ordinal_position"))
			.containsExactly("id", "name", "fax");
	}

	@Test
	void aDeclarativeSchemaPutsUnqualifiedNamesInTheConfiguredSchemaAsTheRevisionsDo() throws IOException {
		CliRun upgrade = this.cli.run("--schema", "billing", "upgrade", "head");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text, email text);
				""");
		CliRun revision = this.cli.run("--schema", "billing", "revision", "--autogenerate", "-m", "email", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		String file = Files.readString(newRevision());
		assertThat(file.substring(file.indexOf("-- +upgrade"), file.indexOf("-- +downgrade")).strip())
			.isEqualTo("-- +upgrade\nALTER TABLE billing.customers ADD COLUMN email text;");
		CliRun check = this.cli.run("--schema", "billing", "check", "--desired", desired.toString());
		assertThat(check.code()).as(check.err()).isEqualTo(1);
		assertThat(this.cli.run("--schema", "billing", "upgrade", "head").code()).isZero();
		check = this.cli.run("--schema", "billing", "check", "--desired", desired.toString());
		assertThat(check.code()).as(check.out() + check.err()).isZero();
	}

	@Test
	void aTextSearchConfigurationIsWrittenBeforeTheIndexAndColumnThatNameItSoTheRevisionAppliesAndCheckPasses()
			throws IOException {
		Path desired = desired("""
				CREATE EXTENSION unaccent;
				CREATE TEXT SEARCH CONFIGURATION es_unaccent (COPY = spanish);
				ALTER TEXT SEARCH CONFIGURATION es_unaccent
					ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text,
					words tsvector GENERATED ALWAYS AS (to_tsvector('es_unaccent', name)) STORED);
				CREATE INDEX customers_name ON customers USING gin (to_tsvector('es_unaccent', name));
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "search", "--desired", desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		// the downgrade drops the extension the upgrade creates: marked in the file, not
		// news
		assertThat(revision.err()).doesNotContain("drops extension");
		assertThat(Files.readString(newRevision())).doesNotContain("UNSUPPORTED")
			.contains("-- REVIEW: drops extension unaccent")
			.containsSubsequence("CREATE EXTENSION unaccent", "CREATE TEXT SEARCH CONFIGURATION public.es_unaccent",
					"ALTER TABLE public.customers ADD COLUMN words", "CREATE INDEX customers_name", "-- +downgrade",
					"DROP INDEX public.customers_name", "DROP TEXT SEARCH CONFIGURATION public.es_unaccent");
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		CliRun check = this.cli.run("check", "--desired", desired.toString());
		assertThat(check.code()).as(check.err()).isZero();
		CliRun downgrade = this.cli.run("downgrade", "-1");
		assertThat(downgrade.code()).as(downgrade.err()).isZero();
	}

	@Test
	void checkWithADesiredSchemaThatDoesNotExistIsAnInputToFix() {
		Path missing = this.cli.folder().resolve("missing.sql");
		CliRun check = this.cli.run("check", "--desired", missing.toString());
		assertThat(check.code()).isEqualTo(2);
		assertThat(check.err())
			.startsWith("error: The desired schema '" + missing + "' is neither a file nor a folder.")
			.doesNotContain("problem:");
	}

	@Test
	void noDifferenceWritesNothingAndSaysSo() throws IOException {
		Path desired = desired("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text);");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "nothing", "--desired", desired.toString());
		assertThat(revision.code()).isEqualTo(1);
		assertThat(revision.err()).startsWith("error: No changes between head and the desired schema.\n");
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			assertThat(files).hasSize(1);
		}
	}

	@Test
	void theConfiguredDatabaseChangedByHandIsWrittenAsARevisionAgainstHeadReplayedNotAgainstItself()
			throws IOException {
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		this.cli.database()
			.execute("ALTER TABLE customers ADD COLUMN phone text; CREATE INDEX customers_name ON customers (name)");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "keep drift", "--rev-id", "b2", "--desired",
				this.cli.database().url());
		assertThat(revision.code()).as(revision.err()).isZero();
		String file = Files.readString(newRevision());
		assertThat(file.substring(file.indexOf("-- +upgrade"), file.indexOf("-- +downgrade")))
			.contains("ADD COLUMN phone text", "CREATE INDEX customers_name");
		// the database already has the change: recorded, not run again
		assertThat(revision.err()).contains("note: the configured database is the desired one and has these changes "
				+ "already: record the revision there with 'migrations stamp b2' rather than upgrade it");
		assertThat(this.cli.run("stamp", "b2").code()).isZero();
		CliRun drift = this.cli.run("drift");
		assertThat(drift.code()).as(drift.out()).isZero();
	}

	@Test
	void aRenameHintTurnsADropAndAddIntoARename() throws IOException {
		Path desired = desired("CREATE TABLE clients (id bigint CONSTRAINT customers_pkey PRIMARY KEY, "
				+ "full_name text NOT NULL, fax text);");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "rename", "--desired", desired.toString(),
				"--rename", "table:customers=clients", "--rename", "column:clients.name=full_name");
		assertThat(revision.code()).as(revision.err()).isZero();
		String file = Files.readString(newRevision());
		assertThat(file).contains("RENAME TO").contains("RENAME COLUMN").doesNotContain("DROP TABLE");
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(file + upgrade.err()).isZero();
		assertThat(this.cli.database().tableExists("clients")).isTrue();
		assertThat(this.cli.run("downgrade", "-1").code()).isZero();
		assertThat(this.cli.database().tableExists("customers")).isTrue();
	}

	@Test
	void safeFormsWriteTheIndexBuildsAndTheValidationAsRevisionsOfTheirOwnAfterATransactionalMainRevision()
			throws IOException {
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL CONSTRAINT named CHECK (name <> ''),
					fax text);
				CREATE INDEX customers_name ON customers (name);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "index names", "--rev-id", "b1", "--desired",
				desired.toString(), "--concurrently", "--not-valid");
		assertThat(revision.code()).as(revision.err()).isZero();
		String file;
		String indexes;
		String validation;
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			List<Path> written = files.filter((path) -> !path.getFileName().toString().startsWith("a1_"))
				.sorted(Comparator.comparing((path) -> path.getFileName().toString()))
				.toList();
			assertThat(written).extracting((path) -> path.getFileName().toString().replaceFirst("^\\d+_\\d+_", ""))
				.containsExactly("b1_index_names.sql", "b1_indexes_index_names_build_indexes_concurrently.sql",
						"b1_validate_index_names_validate_constraints.sql");
			file = Files.readString(written.get(0));
			indexes = Files.readString(written.get(1));
			validation = Files.readString(written.get(2));
		}
		assertThat(file).doesNotContain("transactional", "INDEX", "VALIDATE")
			.contains("ADD CONSTRAINT named CHECK ((name <> ''::text)) NOT VALID;");
		assertThat(indexes).contains("-- down_revision: b1\n", "-- transactional: false\n",
				"CREATE INDEX CONCURRENTLY customers_name", "DROP INDEX CONCURRENTLY public.customers_name;");
		// the validation, in a transaction of its own
		assertThat(validation).contains("-- down_revision: b1_indexes\n", "VALIDATE CONSTRAINT named")
			.doesNotContain("transactional");
		// the main revision keeps its transaction, and with it the 2 s lock_timeout
		assertThat(revision.err()).doesNotContain("error [");
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(file + indexes + validation + upgrade.err()).isZero();
		assertThat(this.cli.database().query("SELECT indexname FROM pg_indexes WHERE tablename = 'customers'"))
			.contains("customers_name");
		assertThat(this.cli.database().query("SELECT convalidated FROM pg_constraint WHERE conname = 'named'"))
			.containsExactly("t");
		CliRun downgrade = this.cli.run("downgrade", "a1");
		assertThat(downgrade.code()).as(downgrade.err()).isZero();
		assertThat(this.cli.database().query("SELECT count(*) FROM pg_constraint WHERE conname = 'named'"))
			.containsExactly("0");
	}

	@Test
	void enumValuesTheRevisionUsesAreWrittenAsARevisionOfTheirOwnBeforeItSoThatBothRunInATransaction()
			throws IOException {
		Files.writeString(this.cli.revisions().resolve("a2_status.sql"), """
				-- revision: a2
				-- down_revision: a1
				-- message: status

				-- +upgrade
				CREATE TYPE status AS ENUM ('active', 'closed');
				ALTER TABLE customers ADD COLUMN status status NOT NULL DEFAULT 'active';

				-- +downgrade
				ALTER TABLE customers DROP COLUMN status;
				DROP TYPE status;
				""");
		Path desired = desired("""
				CREATE TYPE status AS ENUM ('active', 'suspended', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text,
					status status NOT NULL DEFAULT 'suspended');
				CREATE INDEX customers_suspended ON customers (id) WHERE status = 'suspended';
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "suspend", "--rev-id", "b2", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(revision.out())
			.containsPattern("(?s)^Generating [^\\n]*b2_values_suspend_new_enum_values\\.sql \\.\\.\\. done\\n"
					+ "Generating [^\\n]*b2_suspend\\.sql \\.\\.\\. done\\nWrote 'b2_values' before 'b2' to add the values "
					+ "public\\.status \\('suspended'\\): PostgreSQL refuses an enum value in the transaction that adds "
					+ "it \\(SQLSTATE 55P04\\), so they are committed first\\.\\n$");
		Path values;
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			values = files.filter((file) -> file.getFileName().toString().endsWith("_suspend_new_enum_values.sql"))
				.findFirst()
				.orElseThrow();
		}
		String first = Files.readString(values);
		String id = first.substring("-- revision: ".length(), first.indexOf('\n'));
		// the pair is linted as one release
		assertThat(revision.err()).contains("error [index-without-concurrently] CREATE INDEX 'customers_suspended'")
			.contains("in the new revisions. Advice: the revisions are written, but 'migrations lint %s b2'"
				.formatted(id));
		assertThat(first).contains("-- down_revision: a2\n").doesNotContain("transactional").contains("""
				-- +upgrade
				ALTER TYPE public.status ADD VALUE 'suspended' BEFORE 'closed';

				-- +downgrade
				""");
		String main;
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			main = Files.readString(files.filter((file) -> file.getFileName().toString().endsWith("_b2_suspend.sql"))
				.findFirst()
				.orElseThrow());
		}
		assertThat(main).contains("-- revision: b2\n-- down_revision: " + id + "\n")
			.doesNotContain("transactional", "ADD VALUE")
			.contains("SET DEFAULT 'suspended'::status", "customers_suspended");
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(first + main + upgrade.err()).isZero();
		assertThat(this.cli.run("check", "--desired", desired.toString()).code()).isZero();
		this.cli.database().execute("INSERT INTO customers (id, name) VALUES (1, 'Ada')");
		assertThat(this.cli.database().query("SELECT status FROM customers")).containsExactly("suspended");
		// back down the pair: the revision that uses the value, then the type without it
		this.cli.database().execute("UPDATE customers SET status = 'active'");
		CliRun downgrade = this.cli.run("downgrade", "a2");
		assertThat(downgrade.code()).as(downgrade.err()).isZero();
		assertThat(this.cli.database().query("SELECT enum_range(NULL::status)::text"))
			.containsExactly("{active,closed}");
		assertThat(
				this.cli.database()
					.query("SELECT column_default FROM information_schema.columns "
							+ "WHERE table_name = 'customers' AND column_name = 'status'"))
			.containsExactly("'active'::status");
	}

	@Test
	void theDowngradesReviewNotesAreListedPrefixedButNotItsDropsOfWhatTheUpgradeAdds() throws IOException {
		Files.writeString(this.cli.revisions().resolve("a2_status.sql"), """
				-- revision: a2
				-- down_revision: a1
				-- message: status

				-- +upgrade
				CREATE TYPE status AS ENUM ('active', 'suspended', 'closed');
				ALTER TABLE customers ADD COLUMN status status NOT NULL DEFAULT 'suspended';

				-- +downgrade
				ALTER TABLE customers DROP COLUMN status;
				DROP TYPE status;
				""");
		Path desired = desired("""
				CREATE TYPE status AS ENUM ('active', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text,
					status status NOT NULL DEFAULT 'active', email text);
				CREATE TABLE notes (id bigint PRIMARY KEY);
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "no suspension", "--rev-id", "b2",
				"--desired", desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		String note = "replaces enum type public.status to restore 'suspended' in one transaction, which rewrites "
				+ "table public.customers under an ACCESS EXCLUSIVE lock";
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			Path written = files.filter((file) -> file.getFileName().toString().endsWith("_b2_no_suspension.sql"))
				.findFirst()
				.orElseThrow();
			assertThat(Files.readString(written)).contains("-- REVIEW: " + note + "\n");
		}
		assertThat(revision.err())
			.contains("note: review: converts column public.customers.status to the new values of public.status; "
					+ "rows holding suspended fail (marked '-- REVIEW:' in the file)\n")
			.contains("note: review (downgrade): " + note + " (marked '-- REVIEW:' in the file)\n")
			.doesNotContain("drops table public.notes", "drops column public.customers.email");
	}

	@Test
	void removedEnumValuesThatTheDowngradeUsesAreRestoredByARebuildSoTheRevisionKeepsItsTransaction()
			throws IOException {
		Files.writeString(this.cli.revisions().resolve("a2_status.sql"), """
				-- revision: a2
				-- down_revision: a1
				-- message: status

				-- +upgrade
				CREATE TYPE status AS ENUM ('active', 'suspended', 'closed');
				ALTER TABLE customers ADD COLUMN status status NOT NULL DEFAULT 'suspended';
				CREATE INDEX customers_suspended ON customers (id) WHERE status = 'suspended';

				-- +downgrade
				ALTER TABLE customers DROP COLUMN status;
				DROP TYPE status;
				""");
		Path desired = desired("""
				CREATE TYPE status AS ENUM ('active', 'closed');
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text,
					status status NOT NULL DEFAULT 'active');
				""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "no suspension", "--rev-id", "b2",
				"--desired", desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		Path written;
		try (Stream<Path> files = Files.list(this.cli.revisions())) {
			written = files.filter((file) -> file.getFileName().toString().endsWith("_b2_no_suspension.sql"))
				.findFirst()
				.orElseThrow();
		}
		String file = Files.readString(written);
		String downgrade = file.substring(file.indexOf("-- +downgrade"));
		assertThat(file).doesNotContain("transactional", "ADD VALUE");
		assertThat(downgrade).contains("CREATE TYPE public.status AS ENUM ('active', 'suspended', 'closed');",
				"USING status::text::status", "SET DEFAULT 'suspended'::status", "customers_suspended");
		assertThat(this.cli.run("upgrade", "a2").code()).isZero();
		this.cli.database().execute("INSERT INTO customers (id, name, status) VALUES (1, 'Ada', 'closed')");
		DatabaseSchema before = snapshot();
		CliRun upgrade = this.cli.run("upgrade", "head");
		assertThat(upgrade.code()).as(file + upgrade.err()).isZero();
		CliRun check = this.cli.run("check", "--desired", desired.toString());
		assertThat(check.code()).as(check.err()).isZero();
		CliRun back = this.cli.run("downgrade", "a2");
		assertThat(back.code()).as(file + back.err()).isZero();
		assertThat(this.cli.database().query("SELECT enum_range(NULL::status)::text"))
			.containsExactly("{active,suspended,closed}");
		assertThat(this.cli.database().query("SELECT id || ':' || status FROM customers")).containsExactly("1:closed");
		assertThat(snapshot()).isEqualTo(before);
	}

	private DatabaseSchema snapshot() {
		try (Connection connection = this.cli.database().dataSource().getConnection()) {
			return SchemaReader.read(connection, SchemaFilter.allSchemas());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void withoutADatabaseHeadAndTheDesiredSchemaAreBuiltOnAnEmbeddedServer() throws IOException {
		Path desired = desired(
				"CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text, vip bool);");
		CliRun revision = CliRun.in(this.cli.folder(), Map.of(), "--locations", this.cli.revisions().toString(),
				"revision", "--autogenerate", "-m", "vip", "--desired", desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(Files.readString(newRevision())).contains("ADD COLUMN vip boolean");
	}

	@Test
	void checkFailsAndShowsTheDiffWhenTheDesiredSchemaDiffersFromHead() throws IOException {
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		Path desired = desired("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);");
		Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.desired-schema=desired.sql\n");
		CliRun check = this.cli.runInFolder("--locations", this.cli.revisions().toString(), "check");
		assertThat(check.code()).isEqualTo(1);
		assertThat(check.err()).contains("problem: The desired schema '" + desired + "' differs from head by 1 change")
			.contains("DROP COLUMN");
	}

	@Test
	void checkCountsWhatTheDifferCannotWriteApartFromTheChanges() throws IOException {
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, fax text);
				CREATE TYPE span AS RANGE (SUBTYPE = int);""");
		CliRun check = this.cli.run("check", "--desired", desired.toString());
		assertThat(check.code()).isEqualTo(1);
		assertThat(check.err())
			.contains("problem: The desired schema '" + desired
					+ "' differs from head by 1 difference the differ cannot write (-- UNSUPPORTED:) (below): "
					+ "write them by hand in a revision.")
			.contains("-- UNSUPPORTED: range type public.span");
	}

	@Test
	void checkPassesOnceTheAutogeneratedRevisionIsAppliedThoughTheColumnOrderDiffers() throws IOException {
		// a column replaced by two new ones: they come last, not where it was
		Path desired = desired("""
				CREATE TABLE customers (id bigint PRIMARY KEY, first_name text, last_name text, fax text);""");
		CliRun revision = this.cli.run("revision", "--autogenerate", "-m", "split name", "--desired",
				desired.toString());
		assertThat(revision.code()).as(revision.err()).isZero();
		String file = Files.readString(newRevision());
		assertThat(file).contains("-- UNSUPPORTED: the columns of table public.customers will be in the order "
				+ "(id, fax, first_name, last_name)");
		// each note names the comment that marks it in the file
		assertThat(revision.err()).contains("will be in the order (id, fax, first_name, last_name)")
			.containsPattern("note: review: the columns of table public.customers [^\\n]*"
					+ "\\(marked '-- UNSUPPORTED:' in the file\\)\\n")
			.containsPattern("note: review: [^\\n]*drops column public.customers.name[^\\n]*"
					+ "\\(marked '-- REVIEW:' in the file\\)\\n");
		assertThat(this.cli.run("upgrade", "head").code()).isZero();
		Files.writeString(this.cli.folder().resolve("application.properties"),
				"app.migrations.desired-schema=desired.sql\n");
		CliRun check = this.cli.runInFolder("--locations", this.cli.revisions().toString(), "check");
		assertThat(check.code()).as(check.err()).isZero();
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
