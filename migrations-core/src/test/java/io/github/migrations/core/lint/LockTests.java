package io.github.migrations.core.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock modes as the server knows them: which pairs conflict, and how {@code pg_locks}
 * spells each.
 */
class LockTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void conflictsWithAgreesWithThePostgresqlServerForEveryPairOfModes() throws SQLException {
		this.database.execute("CREATE TABLE invoices (id bigint)");
		try (Connection holder = this.database.dataSource().getConnection();
				Connection asker = this.database.dataSource().getConnection();
				Statement holding = holder.createStatement();
				Statement asking = asker.createStatement()) {
			holder.setAutoCommit(false);
			asker.setAutoCommit(false);
			for (Lock held : Lock.values()) {
				holding.execute("LOCK TABLE invoices IN %s MODE".formatted(held.sql()));
				for (Lock wanted : Lock.values()) {
					boolean waits;
					try {
						asking.execute("LOCK TABLE invoices IN %s MODE NOWAIT".formatted(wanted.sql()));
						waits = false;
					}
					catch (SQLException ex) {
						assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("55P03");
						waits = true;
					}
					asker.rollback();
					assertThat(wanted.conflictsWith(held)).as("%s asked while %s is held", wanted, held)
						.isEqualTo(waits);
				}
				holder.rollback();
			}
		}
	}

	@Test
	void pgLocksModeIsHowTheServerListsAHeldLock() throws SQLException {
		this.database.execute("CREATE TABLE invoices (id bigint)");
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (Lock lock : Lock.values()) {
				statement.execute("LOCK TABLE invoices IN %s MODE".formatted(lock.sql()));
				try (var rows = statement.executeQuery("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() "
						+ "AND locktype = 'relation' AND relation = 'invoices'::regclass")) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getString(1)).isEqualTo(lock.pgLocksMode());
				}
				connection.rollback();
			}
		}
	}

}
