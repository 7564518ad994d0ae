package io.github.migrations.core.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.migrations.core.script.SqlStatement;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locks lint says a statement takes are the ones the server holds after running it
 * ({@code pg_locks}, the strongest mode on each table): for the statements whose rules
 * rest on their lock.
 */
class ServerLocksTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void attachPartitionTakesShareUpdateExclusiveOnTheParentAndAccessExclusiveOnThePartition() throws SQLException {
		partitions();
		assertThat(serverLocks("ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') "
				+ "TO ('2025-01-01')"))
			.isEqualTo(lintLocks("ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') "
					+ "TO ('2025-01-01')"))
			.containsExactly(Map.entry("events_2024", Lock.ACCESS_EXCLUSIVE),
					Map.entry("events", Lock.SHARE_UPDATE_EXCLUSIVE));
	}

	@Test
	void detachPartitionWithoutConcurrentlyTakesAccessExclusiveOnTheParentAndThePartition() throws SQLException {
		partitions();
		assertThat(serverLocks("ALTER TABLE events DETACH PARTITION events_2020"))
			.isEqualTo(lintLocks("ALTER TABLE events DETACH PARTITION events_2020"))
			.containsEntry("events", Lock.ACCESS_EXCLUSIVE);
	}

	@Test
	void truncateTakesAccessExclusiveOnEachTableItNames() throws SQLException {
		this.database.execute("CREATE TABLE invoices (id bigint); CREATE TABLE customers (id bigint)");
		assertThat(serverLocks("TRUNCATE invoices, customers")).isEqualTo(lintLocks("TRUNCATE invoices, customers"))
			.containsEntry("invoices", Lock.ACCESS_EXCLUSIVE);
	}

	@Test
	void aDomainConstraintScanTakesShareOnEveryTableWithAColumnOfTheDomainAndNotValidTakesNone() throws SQLException {
		this.database.execute("CREATE DOMAIN positive AS numeric; CREATE TABLE prices (amount positive); "
				+ "INSERT INTO prices VALUES (1)");
		assertThat(serverLocks("ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0)"))
			.containsExactly(Map.entry("prices", Lock.SHARE));
		assertThat(serverLocks("ALTER DOMAIN positive SET NOT NULL")).containsExactly(Map.entry("prices", Lock.SHARE));
		assertThat(serverLocks("ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID"))
			.isEmpty();
	}

	private void partitions() {
		this.database.execute("""
				CREATE TABLE events (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
				CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
				CREATE TABLE events_2024 (id bigint, at timestamptz NOT NULL);
				""");
	}

	private static Map<String, Lock> lintLocks(String sql) {
		Map<String, Lock> locks = new LinkedHashMap<>();
		Linter.locks(new SqlStatement(sql, 1)).forEach((lock) -> locks.put(lock.table(), lock.lock()));
		return locks;
	}

	/**
	 * The strongest lock the statement's transaction holds on each table of the schema,
	 * strongest first.
	 */
	private Map<String, Lock> serverLocks(String sql) throws SQLException {
		Map<String, Lock> locks = new LinkedHashMap<>();
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute(sql);
			try (ResultSet rows = statement.executeQuery("""
					SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
					WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND c.relkind IN ('r', 'p')
					AND c.relnamespace = current_schema()::regnamespace
					""")) {
				while (rows.next()) {
					Lock lock = modeOf(rows.getString(2));
					locks.merge(rows.getString(1), lock, Lock::max);
				}
			}
			connection.rollback();
		}
		Map<String, Lock> sorted = new LinkedHashMap<>();
		locks.entrySet()
			.stream()
			.sorted((a, b) -> b.getValue().compareTo(a.getValue()))
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	private static Lock modeOf(String pgLocksMode) {
		for (Lock lock : Lock.values()) {
			if (lock.pgLocksMode().equals(pgLocksMode)) {
				return lock;
			}
		}
		throw new IllegalArgumentException(pgLocksMode);
	}

}
