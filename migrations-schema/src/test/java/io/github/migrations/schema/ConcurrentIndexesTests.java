package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --concurrently}'s index work apart from the rest of a diff: the drops
 * ({@link SchemaDiffer#withoutIndexesDroppedConcurrently}) before it, the builds
 * ({@link SchemaDiffer#withoutIndexesBuiltConcurrently}) after it, so that the rest runs
 * in a transaction; run on a real server, the three steps reach the desired schema
 * exactly, and the diffs back undo each step concurrently too.
 */
class ConcurrentIndexesTests {

	private static final DiffOptions CONCURRENTLY = DiffOptions.defaults().withConcurrentIndexes(true);

	@Test
	void indexDropsOnKeptTablesAreConcurrentBeforeTheRestAndBuildsAfterItSoTheRestIsTransactional() {
		Steps steps = Steps.run("""
				CREATE TABLE t (id int PRIMARY KEY, code int, note text, kind text);
				CREATE INDEX t_kind ON t (kind);
				CREATE INDEX t_code_note ON t (code, note);
				INSERT INTO t VALUES (1, 7, 'a', 'x');""", """
				CREATE TABLE t (id int PRIMARY KEY, code bigint, tag text);
				CREATE INDEX t_tag ON t (tag);
				CREATE INDEX t_code_tag ON t (code, tag);""");
		assertThat(steps.drops().script()).isEqualTo("""
				-- cannot run inside a transaction block
				DROP INDEX CONCURRENTLY public.t_code_note;
				-- cannot run inside a transaction block
				DROP INDEX CONCURRENTLY public.t_kind;
				""");
		assertThat(steps.rest().isTransactional()).as(steps.rest().script()).isTrue();
		assertThat(steps.rest().script()).doesNotContain("INDEX").contains("ADD COLUMN tag", "TYPE bigint");
		assertThat(steps.builds().script()).isEqualTo("""
				-- cannot run inside a transaction block
				CREATE INDEX CONCURRENTLY t_code_tag ON public.t USING btree (code, tag);
				-- cannot run inside a transaction block
				CREATE INDEX CONCURRENTLY t_tag ON public.t USING btree (tag);
				""");
		// each step's way back is concurrent too
		assertThat(steps.buildsBack().script()).contains("DROP INDEX CONCURRENTLY public.t_tag")
			.doesNotContain("DROP INDEX public.");
		assertThat(steps.dropsBack().script()).contains("CREATE INDEX CONCURRENTLY t_kind ON public.t");
	}

	@Test
	void anIndexThatAForeignKeyNeedsStaysWithTheRest() {
		Steps steps = Steps.run("""
				CREATE TABLE p (id int PRIMARY KEY, code int NOT NULL);
				CREATE TABLE c (id int PRIMARY KEY);""", """
				CREATE TABLE p (id int PRIMARY KEY, code int NOT NULL);
				CREATE UNIQUE INDEX p_code ON p (code);
				CREATE TABLE c (id int PRIMARY KEY, p_code int REFERENCES p (code));""");
		assertThat(steps.builds().script()).isEmpty();
		assertThat(steps.rest().script()).contains("CREATE UNIQUE INDEX CONCURRENTLY p_code", "REFERENCES");
	}

	@Test
	void anIndexOnATableTheDiffDropsIsDroppedWithItAndOneOnAPartitionedTablePlainly() {
		SchemaChanges changes = RoundTrip.check("""
				CREATE TABLE gone (id int, note text);
				CREATE INDEX gone_note ON gone (note);
				CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
				CREATE INDEX events_id ON events (id);""", """
				CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);""", CONCURRENTLY, CONCURRENTLY);
		assertThat(changes.script()).contains("DROP INDEX public.events_id;").doesNotContain("CONCURRENTLY");
	}

	/**
	 * The three steps from A to B, each run on A as a revision would run it: the drops
	 * and the builds outside a transaction, the rest in one.
	 */
	record Steps(SchemaChanges drops, SchemaChanges rest, SchemaChanges builds, SchemaChanges dropsBack,
			SchemaChanges buildsBack) {

		static Steps run(String sqlA, String sqlB) {
			TestDatabase.Database a = RoundTrip.database(sqlA);
			TestDatabase.Database b = RoundTrip.database(sqlB);
			try {
				DatabaseSchema from = RoundTrip.read(a);
				DatabaseSchema to = RoundTrip.read(b);
				SchemaChanges all = SchemaDiffer.diff(from, to, CONCURRENTLY);
				DatabaseSchema dropped = SchemaDiffer.withoutIndexesDroppedConcurrently(from, all);
				DatabaseSchema beforeBuilds = SchemaDiffer.withoutIndexesBuiltConcurrently(to, all);
				DatabaseSchema start = (dropped != null) ? dropped : from;
				DatabaseSchema end = (beforeBuilds != null) ? beforeBuilds : to;
				SchemaChanges drops = SchemaDiffer.diff(from, start, CONCURRENTLY);
				SchemaChanges rest = SchemaDiffer.diff(start, end, CONCURRENTLY);
				SchemaChanges builds = SchemaDiffer.diff(end, to, CONCURRENTLY);
				try (Connection connection = a.dataSource().getConnection()) {
					run(connection, drops);
					run(connection, rest);
					run(connection, builds);
				}
				DatabaseSchema after = RoundTrip.read(a);
				assertThat(SchemaDiffer.diff(after, to).script())
					.as("a second diff; the steps:%n%s%n%s%n%s", drops.script(), rest.script(), builds.script())
					.isEmpty();
				return new Steps(drops, rest, builds, SchemaDiffer.diff(start, from, CONCURRENTLY),
						SchemaDiffer.diff(to, end, CONCURRENTLY));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				TestDatabase.shared().drop(a);
				TestDatabase.shared().drop(b);
			}
		}

		private static void run(Connection connection, SchemaChanges changes) throws SQLException {
			connection.setAutoCommit(!changes.isTransactional());
			try (Statement statement = connection.createStatement()) {
				for (Change change : changes.changes()) {
					statement.execute(change.sql());
				}
			}
			if (changes.isTransactional()) {
				connection.commit();
			}
			connection.setAutoCommit(true);
		}

	}

}
