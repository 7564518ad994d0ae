package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import io.github.migrations.test.database.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differ's proof for one pair of schemas: database A built by one script, B by
 * another; the diff from A to B, run on A as a script by {@code psql}, gives exactly B's
 * model and a second diff is empty; the reverse diff, run on B statement by statement
 * over JDBC, gives exactly A's. In both directions every expression the differ copies
 * (constraints, indexes, views, triggers, policies, defaults) is then printed by the
 * server exactly as on the side it was copied from.
 */
final class RoundTrip {

	/**
	 * Threads for side B, one per round trip running (the common pool has one thread on a
	 * machine of two cores, which round trips running side by side would share).
	 */
	private static final ExecutorService SIDES = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "round-trip-side");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Every expression the differ copies, as the server prints it (the version store's
	 * tables left out, as the reader does): the model compares an {@code IN} list's two
	 * printed forms as equal, a round trip must give the same text.
	 */
	private static final String DEPARSED = """
			SELECT text FROM (
			  SELECT k.conrelid AS rel, 'constraint ' || coalesce(nullif(k.conrelid, 0)::regclass::text,
			         k.contypid::regtype::text) || '.' || k.conname || ': ' || pg_catalog.pg_get_constraintdef(k.oid)
			  FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_namespace n ON n.oid = k.connamespace
			  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
			  UNION ALL
			  SELECT x.indrelid, 'index: ' || pg_catalog.pg_get_indexdef(x.indexrelid)
			  FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid
			  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
			  UNION ALL
			  SELECT c.oid, 'view ' || c.oid::regclass || ': ' || pg_catalog.pg_get_viewdef(c.oid)
			  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			  WHERE c.relkind IN ('v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			  UNION ALL
			  SELECT t.tgrelid, 'trigger: ' || pg_catalog.pg_get_triggerdef(t.oid)
			  FROM pg_catalog.pg_trigger t WHERE NOT t.tgisinternal
			  UNION ALL
			  SELECT p.polrelid, 'policy ' || p.polname || ': ' || coalesce(pg_catalog.pg_get_expr(p.polqual, p.polrelid), '-')
			         || ' / ' || coalesce(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), '-')
			  FROM pg_catalog.pg_policy p
			  UNION ALL
			  SELECT d.adrelid, 'column ' || d.adrelid::regclass || '.' || a.attname || ': '
			         || pg_catalog.pg_get_expr(d.adbin, d.adrelid)
			  FROM pg_catalog.pg_attrdef d
			  JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
			) deparsed (rel, text)
			WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = deparsed.rel
			                  AND c.relname LIKE 'migrations\\_%')
			ORDER BY 1""";

	private RoundTrip() {
	}

	/**
	 * Checks both directions and returns the forward changes, for assertions on their
	 * statements.
	 */
	static SchemaChanges check(String sqlA, String sqlB) {
		return check(sqlA, sqlB, DiffOptions.defaults(), DiffOptions.defaults());
	}

	static SchemaChanges check(String sqlA, String sqlB, DiffOptions forward, DiffOptions backward) {
		return checkBuilt((database) -> execute(database, sqlA), (database) -> execute(database, sqlB), forward,
				backward);
	}

	/**
	 * Checks both directions between two databases that the given code builds.
	 */
	static SchemaChanges checkBuilt(Consumer<TestDatabase.Database> buildA, Consumer<TestDatabase.Database> buildB,
			DiffOptions forward, DiffOptions backward) {
		return checkBuilt(buildA, buildB, forward, backward, 0);
	}

	/**
	 * Checks both directions as if both databases were on a server of another major
	 * version, whose statements the diffs may use: the test server is newer than some
	 * that users run, so the forms for an older server run on it too.
	 */
	static SchemaChanges checkAsOnServer(int serverVersion, String sqlA, String sqlB) {
		return checkBuilt((database) -> execute(database, sqlA), (database) -> execute(database, sqlB),
				DiffOptions.defaults(), DiffOptions.defaults(), serverVersion);
	}

	private static SchemaChanges checkBuilt(Consumer<TestDatabase.Database> buildA,
			Consumer<TestDatabase.Database> buildB, DiffOptions forward, DiffOptions backward, int serverVersion) {
		// the two sides are independent until the end: build, read and change them side
		// by side, each on one connection of its own
		CompletableFuture<Side> futureB = CompletableFuture.supplyAsync(() -> Side.build(buildB, serverVersion), SIDES);
		Side a = Side.build(buildA, serverVersion);
		Side b = futureB.join();
		try (a; b) {
			CompletableFuture<DatabaseSchema> futureSchemaB = CompletableFuture.supplyAsync(b::read, SIDES);
			DatabaseSchema schemaA = a.read();
			DatabaseSchema schemaB = futureSchemaB.join();
			List<String> deparsedA = a.deparsed();
			List<String> deparsedB = b.deparsed();
			SchemaChanges changes = SchemaDiffer.diff(schemaA, schemaB, forward);
			SchemaChanges reverse = SchemaDiffer.diff(schemaB, schemaA, backward);
			CompletableFuture<DatabaseSchema> futureReverse = CompletableFuture.supplyAsync(() -> {
				apply(b.connection, reverse);
				return b.read();
			}, SIDES);
			// forward as the reviewed script, with psql; backward statement by statement
			if (!changes.script().isEmpty()) {
				Psql.runOrFail(a.database, changes.script());
			}
			DatabaseSchema afterForward = a.read();
			DatabaseSchema afterReverse = futureReverse.join();
			assertThat(afterForward.toString()).as("A after the diff to B, then B; the script:\n%s", changes.script())
				.isEqualTo(schemaB.toString());
			assertThat(afterForward).isEqualTo(schemaB);
			assertThat(a.deparsed()).as("A's expressions as the server prints them, after the diff to B")
				.isEqualTo(deparsedB);
			assertThat(SchemaDiffer.diff(afterForward, schemaB).script()).as("a second diff").isEmpty();
			assertThat(afterReverse.toString()).as("B after the diff to A, then A; the script:\n%s", reverse.script())
				.isEqualTo(schemaA.toString());
			assertThat(SchemaDiffer.diff(afterReverse, schemaA).script()).as("a second reverse diff").isEmpty();
			assertThat(b.deparsed()).as("B's expressions as the server prints them, after the diff to A")
				.isEqualTo(deparsedA);
			return changes;
		}
		catch (CompletionException ex) {
			throw rethrow(ex.getCause());
		}
	}

	/**
	 * One side of a round trip: its database and one connection to it, for every read and
	 * change (a fresh connection would load the catalog caches again); closing it drops
	 * the database.
	 */
	private static final class Side implements AutoCloseable {

		private final TestDatabase.Database database;

		private final Connection connection;

		private final int serverVersion;

		private Side(TestDatabase.Database database, Connection connection, int serverVersion) {
			this.database = database;
			this.connection = connection;
			this.serverVersion = serverVersion;
		}

		/**
		 * @param serverVersion the server's major version as its schema says, or 0 for
		 * the server's own
		 */
		static Side build(Consumer<TestDatabase.Database> build, int serverVersion) {
			TestDatabase.Database database = database(build);
			try {
				return new Side(database, database.dataSource().getConnection(), serverVersion);
			}
			catch (SQLException ex) {
				TestDatabase.shared().drop(database);
				throw new IllegalStateException(ex);
			}
		}

		DatabaseSchema read() {
			DatabaseSchema schema = SchemaReader.read(this.connection, SchemaFilter.allSchemas());
			if (this.serverVersion == 0) {
				return schema;
			}
			return new DatabaseSchema(List.copyOf(schema.objects().values()), schema.unsupported(),
					schema.dependencies(), schema.grants(), this.serverVersion);
		}

		List<String> deparsed() {
			try (Statement statement = this.connection.createStatement();
					ResultSet rows = statement.executeQuery(DEPARSED)) {
				List<String> texts = new ArrayList<>();
				while (rows.next()) {
					texts.add(rows.getString(1));
				}
				return texts;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// the database goes anyway
			}
			TestDatabase.shared().drop(this.database);
		}

	}

	/**
	 * For a pair whose column order cannot be reproduced (so the models stay apart): the
	 * diff from A to B, and the diff from A, after that diff ran on it as a script, to B.
	 */
	static Again diffApplyAndDiffAgain(String sqlA, String sqlB) {
		TestDatabase.Database a = database(sqlA);
		TestDatabase.Database b = database(sqlB);
		try {
			DatabaseSchema schemaB = read(b);
			SchemaChanges first = SchemaDiffer.diff(read(a), schemaB);
			Psql.runOrFail(a, first.script());
			return new Again(first, SchemaDiffer.diff(read(a), schemaB));
		}
		finally {
			TestDatabase.shared().drop(a);
			TestDatabase.shared().drop(b);
		}
	}

	/**
	 * The diff from A to B, for pairs that no statement can make equal.
	 */
	static SchemaChanges diffOnly(String sqlA, String sqlB) {
		TestDatabase.Database a = database(sqlA);
		TestDatabase.Database b = database(sqlB);
		try {
			return SchemaDiffer.diff(read(a), read(b));
		}
		finally {
			TestDatabase.shared().drop(a);
			TestDatabase.shared().drop(b);
		}
	}

	/**
	 * Applies the diff from A to B to A as a script, then runs a query on A and returns
	 * its one value: what the data says after the diff (where a sequence stands, say).
	 */
	static String applyThenQuery(String sqlA, String sqlB, String query) {
		TestDatabase.Database a = database(sqlA);
		TestDatabase.Database b = database(sqlB);
		try {
			Psql.runOrFail(a, SchemaDiffer.diff(read(a), read(b)).script());
			try (Connection connection = a.dataSource().getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(query)) {
				assertThat(rows.next()).as(query).isTrue();
				return rows.getString(1);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		finally {
			TestDatabase.shared().drop(a);
			TestDatabase.shared().drop(b);
		}
	}

	record Again(SchemaChanges first, SchemaChanges second) {
	}

	private static RuntimeException rethrow(Throwable cause) {
		if (cause instanceof Error error) {
			throw error;
		}
		return (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
	}

	static TestDatabase.Database database(String sql) {
		return database((database) -> execute(database, sql));
	}

	private static TestDatabase.Database database(Consumer<TestDatabase.Database> build) {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		build.accept(database);
		return database;
	}

	private static void execute(TestDatabase.Database database, String sql) {
		if (!sql.isBlank()) {
			database.execute(sql);
		}
	}

	static DatabaseSchema read(TestDatabase.Database database) {
		try (Connection connection = database.dataSource().getConnection()) {
			return SchemaReader.read(connection, SchemaFilter.allSchemas());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void apply(Connection connection, SchemaChanges changes) {
		try (Statement statement = connection.createStatement()) {
			for (Change change : changes.changes()) {
				try {
					statement.execute(change.sql());
				}
				catch (SQLException ex) {
					throw new AssertionError("%s%nfailed: %s%nin the script:%n%s".formatted(change.sql(),
							ex.getMessage(), changes.script()), ex);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
