package io.github.migrations.core;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.database.LockTimeoutException;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Instances that start together migrate one at a time.
 */
class MigrationLockTests {

	/**
	 * The default version store, as the migrators under test name it.
	 */
	private static final VersionStore STORE = new PostgresVersionStore(null, true, "migrations_revisions",
			"migrations_log");

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	@Test
	void racingMigratorsApplyEachRevisionExactlyOnceAndLosersFindNothingPending() throws Exception {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		files.write("b2_slow.sql", """
				-- revision: b2
				-- down_revision: a1
				-- +upgrade
				SELECT pg_sleep(0.3);
				CREATE TABLE orders (id bigint PRIMARY KEY);
				-- +downgrade
				DROP TABLE orders;
				""");
		files.table("c3", "b2", "invoices");
		int instances = 6;
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MigrationResult>> results = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return Migrator.builder(this.database.dataSource())
					.locations(files.location())
					.build()
					.upgrade(Target.head());
			}));
		}
		start.countDown();
		int applied = 0;
		for (Future<MigrationResult> result : results) {
			MigrationResult outcome = result.get();
			applied += outcome.steps().size();
			assertThat(outcome.to()).extracting(Object::toString).containsExactly("c3");
		}
		pool.shutdown();
		assertThat(applied).isEqualTo(3);
		assertThat(this.database.query("SELECT revision FROM migrations_log WHERE action = 'upgrade' ORDER BY id"))
			.containsExactly("a1", "b2", "c3");
		assertThat(this.database.query("SELECT count(*) FROM migrations_revisions")).containsExactly("3");
	}

	@Test
	void shortWaitFailsNamingTheHolder() throws SQLException {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		PGSimpleDataSource holderSource = (PGSimpleDataSource) this.database.dataSource();
		holderSource.setApplicationName("orders-api");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(300)))
			.build();
		try (Connection session = holderSource.getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade(Target.head()))
				.withMessageMatching("Could not take the migration lock for \"migrations_revisions\" within 300ms: "
						+ "PostgreSQL backend \\d+ \\('orders-api'.*\\) holds it\\. Another instance is migrating; wait for it, "
						+ "or raise the lock wait timeout \\('app.migrations.lock-wait-timeout'\\)\\.");
		}
		assertThat(this.database.tableExists("customers")).isFalse();
		assertThat(migrator.upgrade(Target.head()).steps()).hasSize(1);
	}

	@Test
	void theLockIsFreeAgainAfterAFailedRun() {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.write("a1_broken.sql", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE broken (id no_such_type);
				-- +downgrade
				""");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(200)))
			.build();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.upgrade(Target.head()));
		assertThat(this.database.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
			.containsExactly("0");
	}

	@Test
	void anUpToDateDatabaseIsCheckedWithoutWaitingForTheLock() throws SQLException {
		RevisionFiles files = new RevisionFiles(this.folder);
		files.table("a1", "base", "customers");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withLockWaitTimeout(Duration.ofMillis(100)))
			.build();
		migrator.upgrade(Target.head());
		try (Connection session = this.database.dataSource().getConnection();
				AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
			assertThat(migrator.upgrade(Target.head()).steps()).isEmpty();
			files.table("b2", "a1", "orders");
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> migrator.upgrade(Target.head()));
		}
	}

}
