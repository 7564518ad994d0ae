package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * over JDBC, gives exactly A's.
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
		// the two sides are independent until the end: build, read and change them side
		// by side, each on one connection of its own
		CompletableFuture<Side> futureB = CompletableFuture.supplyAsync(() -> Side.build(buildB), SIDES);
		Side a = Side.build(buildA);
		Side b = futureB.join();
		try (a; b) {
			CompletableFuture<DatabaseSchema> futureSchemaB = CompletableFuture.supplyAsync(b::read, SIDES);
			DatabaseSchema schemaA = a.read();
			DatabaseSchema schemaB = futureSchemaB.join();
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
			assertThat(SchemaDiffer.diff(afterForward, schemaB).script()).as("a second diff").isEmpty();
			assertThat(afterReverse.toString()).as("B after the diff to A, then A; the script:\n%s", reverse.script())
				.isEqualTo(schemaA.toString());
			assertThat(SchemaDiffer.diff(afterReverse, schemaA).script()).as("a second reverse diff").isEmpty();
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

		private Side(TestDatabase.Database database, Connection connection) {
			this.database = database;
			this.connection = connection;
		}

		static Side build(Consumer<TestDatabase.Database> build) {
			TestDatabase.Database database = database(build);
			try {
				return new Side(database, database.dataSource().getConnection());
			}
			catch (SQLException ex) {
				TestDatabase.shared().drop(database);
				throw new IllegalStateException(ex);
			}
		}

		DatabaseSchema read() {
			return SchemaReader.read(this.connection, SchemaFilter.allSchemas());
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
