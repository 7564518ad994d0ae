package io.github.migrations.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.github.migrations.autoconfigure.MigrationStatuses.Reading;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What one reading of a {@link Migrator}'s database costs and finds.
 */
class MigrationStatusesTests {

	/**
	 * The default version store, whose migration lock another instance would hold.
	 */
	private static final VersionStore STORE = new PostgresVersionStore(null, true, "migrations_revisions",
			"migrations_log", "migrations_fingerprint");

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void aDatabaseThatRefusesConnectionsIsTriedOncePerReading() {
		CountingDataSource dataSource = new CountingDataSource(this.database.dataSource());
		Migrator migrator = Migrator.builder(dataSource).build();
		migrator.upgrade(Target.head());
		TestDatabase.shared()
			.freshDatabase()
			.execute("ALTER DATABASE " + this.database.name() + " ALLOW_CONNECTIONS false");
		dataSource.reset();
		Reading reading = Reading.of(migrator, "head");
		assertThat(reading.status()).isNull();
		assertThat(reading.current()).isNull();
		assertThat(reading.error()).contains("55000");
		assertThat(dataSource.connections()).as("each attempt may wait for a pool's whole connection timeout")
			.isEqualTo(1);
	}

	@Test
	void aRevisionMarkedRunningWhileAnotherSessionHoldsTheLockIsMigratingFromOneReadOfTheAppliedSet()
			throws SQLException {
		CountingDataSource dataSource = new CountingDataSource(this.database.dataSource());
		Migrator migrator = Migrator.builder(dataSource).build();
		migrator.upgrade(Target.head());
		// as a transactional: false revision run by another instance leaves it
		this.database.execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = '004'");
		try (Connection session = this.database.dataSource().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			dataSource.reset();
			assertThatExceptionOfType(HistoryMismatchException.class).isThrownBy(() -> migrator.status(Target.head()))
				.satisfies((ex) -> assertThat(ex.inProgress()).isTrue());
			assertThat(dataSource.connections()).as("the applied set read once, the lock looked at on that session")
				.isEqualTo(1);
			dataSource.reset();
			Reading reading = Reading.of(migrator, "head");
			assertThat(reading.migrating()).isTrue();
			assertThat(reading.error()).startsWith("Revision '004' is being upgraded right now, outside a transaction "
					+ "(transactional: false), by the run that holds the migration lock: PostgreSQL backend ");
			assertThat(reading.current()).containsExactly("004");
			assertThat(dataSource.connections()).as("the status, then where the database stands; nothing read again")
				.isEqualTo(2);
		}
		Reading interrupted = Reading.of(migrator, "head");
		assertThat(interrupted.migrating()).isFalse();
		assertThat(interrupted.error()).contains("was interrupted during upgrade")
			.contains("'migrations stamp 004' if it is applied, or 'migrations stamp 002 003' if it is not.");
	}

	@Test
	void aChangedFileFailsTheStatusButStillReadsWhereTheDatabaseStands() {
		Migrator.builder(this.database.dataSource()).build().upgrade(Target.head());
		this.database.execute("UPDATE migrations_revisions SET checksum = 'edited' WHERE revision = '002'");
		Reading reading = Reading.of(Migrator.builder(this.database.dataSource()).build(), "head");
		assertThat(reading.status()).isNull();
		assertThat(reading.error()).contains("'002'");
		assertThat(reading.current()).containsExactly("004");
	}

}
