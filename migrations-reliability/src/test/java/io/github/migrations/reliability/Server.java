package io.github.migrations.reliability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.github.migrations.test.database.TestDatabase;

/**
 * What the server says about one test database: advisory locks, backends, and the version
 * store's rows. Every question is a fresh query; {@link #await} polls instead of sleeping
 * blindly.
 */
final class Server {

	private static final String THIS_DATABASE = "(SELECT oid FROM pg_catalog.pg_database "
			+ "WHERE datname = current_database())";

	private final TestDatabase.Database database;

	Server(TestDatabase.Database database) {
		this.database = database;
	}

	/**
	 * Polls every 5 ms until the condition holds.
	 * @return how long it took, in nanoseconds
	 * @throws AssertionError when it does not hold within {@code timeout}
	 */
	static long await(String what, Duration timeout, BooleanSupplier condition) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + timeout + " for " + what);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		return System.nanoTime() - start;
	}

	/**
	 * The backends that hold an advisory lock in this database.
	 */
	List<Integer> advisoryLockHolders() {
		return this.database
			.query("SELECT pid FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted AND database = "
					+ THIS_DATABASE)
			.stream()
			.map(Integer::valueOf)
			.toList();
	}

	/**
	 * The backends of this database with the given application name whose current (or
	 * last) statement contains {@code fragment} and which are running it now.
	 */
	List<Integer> activeBackends(String applicationName, String fragment) {
		return this.database.query("""
				SELECT pid FROM pg_catalog.pg_stat_activity WHERE datname = current_database()
				AND pid <> pg_backend_pid() AND state = 'active' AND application_name = %s
				AND position(%s in query) > 0""".formatted(literal(applicationName), literal(fragment)))
			.stream()
			.map(Integer::valueOf)
			.toList();
	}

	/**
	 * Every backend of this database with the given application name.
	 */
	List<Integer> backends(String applicationName) {
		return this.database.query("""
				SELECT pid FROM pg_catalog.pg_stat_activity WHERE datname = current_database()
				AND pid <> pg_backend_pid() AND application_name = %s""".formatted(literal(applicationName)))
			.stream()
			.map(Integer::valueOf)
			.toList();
	}

	void terminate(int pid) {
		this.database.query("SELECT pg_terminate_backend(" + pid + ")");
	}

	/**
	 * Whether both version-store tables exist, as the engine sees it (a run killed while
	 * creating them can leave the first without the second; the next run completes them).
	 */
	boolean versionStoreExists() {
		return this.database.query(
				"SELECT to_regclass('migrations_revisions') IS NOT NULL AND to_regclass('migrations_log') IS NOT NULL")
			.equals(List.of("t"));
	}

	/**
	 * The applied set: revision to state ({@code APPLIED}, {@code UPGRADING}), in id
	 * order.
	 */
	Map<String, String> applied() {
		Map<String, String> applied = new LinkedHashMap<>();
		if (versionStoreExists()) {
			this.database.query("SELECT revision || ' ' || state FROM migrations_revisions ORDER BY revision")
				.forEach((row) -> applied.put(row.substring(0, row.indexOf(' ')), row.substring(row.indexOf(' ') + 1)));
		}
		return applied;
	}

	/**
	 * The revisions of successful upgrade entries in the log, one element per entry, in
	 * id order.
	 */
	List<String> loggedUpgrades() {
		if (!versionStoreExists()) {
			return List.of();
		}
		return this.database
			.query("SELECT revision FROM migrations_log WHERE action = 'upgrade' AND success ORDER BY revision, id");
	}

	long count(String sql) {
		return Long.parseLong(this.database.query(sql).get(0));
	}

	static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
