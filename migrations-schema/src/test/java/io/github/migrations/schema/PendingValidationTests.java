package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --not-valid}'s safe form in two steps, each committed on its own: the
 * constraints added {@code NOT VALID} ({@link SchemaDiffer#withConstraintsNotValid}),
 * then validated ({@link SchemaDiffer#validation}); run on a real server, the two reach
 * the desired schema exactly.
 */
class PendingValidationTests {

	private static final DiffOptions NOT_VALID = DiffOptions.defaults().withNotValidConstraints(true);

	@Test
	void constraintsOnExistingTablesAndDomainsAreAddedNotValidThenValidatedInTheNextStep() {
		Steps steps = Steps.run("""
				CREATE DOMAIN code AS text;
				CREATE TABLE p (id int PRIMARY KEY);
				CREATE TABLE t (id int, p_id int, c code);
				INSERT INTO p VALUES (1);
				INSERT INTO t VALUES (1, 1, 'ab');""", """
				CREATE DOMAIN code AS text CONSTRAINT code_len CHECK (length(VALUE) < 10);
				CREATE TABLE p (id int PRIMARY KEY);
				CREATE TABLE t (id int, p_id int CONSTRAINT t_p REFERENCES p, c code, CONSTRAINT t_id CHECK (id > 0));
				CREATE TABLE u (id int CONSTRAINT u_id CHECK (id > 0));""", List.of());
		assertThat(steps.first().script()).isEqualTo("""
				ALTER DOMAIN public.code ADD CONSTRAINT code_len CHECK ((length(VALUE) < 10)) NOT VALID;
				CREATE TABLE public.u (
					id integer
				);

				ALTER TABLE public.t ADD CONSTRAINT t_id CHECK ((id > 0)) NOT VALID;
				ALTER TABLE public.u ADD CONSTRAINT u_id CHECK ((id > 0));
				ALTER TABLE public.t ADD CONSTRAINT t_p FOREIGN KEY (p_id) REFERENCES p(id) NOT VALID;
				""");
		assertThat(steps.afterFirst()).containsExactly("code_len: false", "t_id: false", "t_p: false", "u_id: true");
		assertThat(steps.second().script()).isEqualTo("""
				ALTER DOMAIN public.code VALIDATE CONSTRAINT code_len;
				ALTER TABLE public.t VALIDATE CONSTRAINT t_id;
				ALTER TABLE public.t VALIDATE CONSTRAINT t_p;
				""");
	}

	@Test
	void anExistingTableAttachedAsARangePartitionIsCheckedFirstSoTheAttachSkipsTheScan() {
		Steps steps = Steps.run("""
				CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
				CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL);
				INSERT INTO events_2026 VALUES (1, '2026-05-01');""", """
				CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
				CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');""",
				List.of("events_2026"));
		assertThat(steps.first().script()).isEqualTo("""
				ALTER TABLE public.events_2026 ADD CONSTRAINT events_2026_partition_bound CHECK (at IS NOT NULL AND \
				at >= '2026-01-01' AND at < '2027-01-01') NOT VALID;
				""");
		assertThat(steps.second().script()).isEqualTo("""
				ALTER TABLE public.events_2026 VALIDATE CONSTRAINT events_2026_partition_bound;
				ALTER TABLE public.events ATTACH PARTITION public.events_2026 FOR VALUES FROM ('2026-01-01') TO \
				('2027-01-01');
				ALTER TABLE public.events_2026 DROP CONSTRAINT events_2026_partition_bound;
				""");
	}

	@Test
	void anExistingTableAttachedAsAListPartitionWithNullIsCheckedFirstSoTheAttachSkipsTheScan() {
		Steps.run("""
				CREATE TABLE sales (id int, "Region" text) PARTITION BY LIST ("Region");
				CREATE TABLE sales_eu (id int, "Region" text);
				CREATE TABLE sales_us (id int, "Region" text);
				INSERT INTO sales_eu VALUES (1, 'fr'), (2, NULL);""", """
				CREATE TABLE sales (id int, "Region" text) PARTITION BY LIST ("Region");
				CREATE TABLE sales_eu PARTITION OF sales FOR VALUES IN ('fr', 'it''s', NULL);
				CREATE TABLE sales_us PARTITION OF sales FOR VALUES IN ('us');""", List.of("sales_eu", "sales_us"));
	}

	@Test
	void aHashPartitionHasNoBoundCheckAndIsAttachedAsTheDiffSaysIt() {
		Steps steps = Steps.run("""
				CREATE TABLE h (id int) PARTITION BY HASH (id);
				CREATE TABLE h0 (id int);""", """
				CREATE TABLE h (id int) PARTITION BY HASH (id);
				CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 1, REMAINDER 0);""", List.of());
		assertThat(steps.pending()).isNull();
	}

	/**
	 * The two steps from A to B, each run in a transaction of its own on A, and what the
	 * server said about the partitions it attached.
	 *
	 * @param first the diff from A to the schema with the constraints {@code NOT VALID}
	 * @param afterFirst each constraint after the first step, with whether it is
	 * validated
	 * @param second the validation
	 * @param pending the schema between them
	 */
	record Steps(SchemaChanges first, List<String> afterFirst, SchemaChanges second,
			@org.jspecify.annotations.Nullable DatabaseSchema pending) {

		/**
		 * Runs both steps and checks that A is then B exactly, and that the server
		 * skipped the scan of each table in {@code attached} as it attached it.
		 */
		static Steps run(String sqlA, String sqlB, List<String> attached) {
			TestDatabase.Database a = RoundTrip.database(sqlA);
			TestDatabase.Database b = RoundTrip.database(sqlB);
			try {
				DatabaseSchema from = RoundTrip.read(a);
				DatabaseSchema to = RoundTrip.read(b);
				DatabaseSchema pending = SchemaDiffer.withConstraintsNotValid(from, to);
				if (pending == null) {
					return new Steps(SchemaDiffer.diff(from, to, NOT_VALID), List.of(), SchemaDiffer.diff(to, to),
							null);
				}
				SchemaChanges first = SchemaDiffer.diff(from, pending, NOT_VALID);
				SchemaChanges second = SchemaDiffer.validation(pending, to);
				List<String> afterFirst;
				List<String> messages;
				try (Connection connection = a.dataSource().getConnection()) {
					inTransaction(connection, first);
					afterFirst = validated(connection);
					try (Statement statement = connection.createStatement()) {
						statement.execute("SET client_min_messages = debug1");
					}
					messages = inTransaction(connection, second);
				}
				DatabaseSchema after = RoundTrip.read(a);
				assertThat(after.toString())
					.as("A after both steps; the scripts:%n%s%n%s", first.script(), second.script())
					.isEqualTo(to.toString());
				assertThat(SchemaDiffer.diff(after, to).script()).as("a second diff").isEmpty();
				for (String table : attached) {
					// the server's DEBUG1 messages, each after the statement that made it
					String attach = messages.stream()
						.filter((message) -> message.contains(" ATTACH PARTITION public.%s ".formatted(table)))
						.findFirst()
						.orElseThrow();
					assertThat(attach).as(second.script())
						.endsWith(": partition constraint for table \"%s\" is implied by existing constraints"
							.formatted(table))
						.doesNotContain("verifying");
				}
				return new Steps(first, afterFirst, second, pending);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				TestDatabase.shared().drop(a);
				TestDatabase.shared().drop(b);
			}
		}

		/**
		 * Runs the statements in one transaction, as a revision does, and returns what
		 * the server said while they ran.
		 */
		private static List<String> inTransaction(Connection connection, SchemaChanges changes) throws SQLException {
			List<String> messages = new ArrayList<>();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				for (Change change : changes.changes()) {
					statement.execute(change.sql());
					StringBuilder said = new StringBuilder(change.sql());
					for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning
						.getNextWarning()) {
						said.append(": ").append(warning.getMessage());
					}
					messages.add(said.toString());
					statement.clearWarnings();
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
			return messages;
		}

		private static List<String> validated(Connection connection) throws SQLException {
			List<String> constraints = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					var rows = statement.executeQuery("SELECT conname || ': ' || convalidated FROM pg_constraint "
							+ "WHERE contype IN ('c', 'f') AND connamespace = 'public'::regnamespace ORDER BY conname")) {
				while (rows.next()) {
					constraints.add(rows.getString(1));
				}
			}
			return constraints;
		}

	}

}
