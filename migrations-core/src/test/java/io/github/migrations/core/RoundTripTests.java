package io.github.migrations.core;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A transactional revision costs one round trip to the server: its statements, its record
 * and its commit are sent together, whatever its timeouts.
 */
class RoundTripTests {

	@TempDir
	Path folder;

	@Test
	void eachTransactionalRevisionIsOneRoundTrip() throws Exception {
		int few = roundTripsToApply(2, TransactionMode.PER_REVISION);
		int many = roundTripsToApply(22, TransactionMode.PER_REVISION);
		assertThat(many - few).isCloseTo(20, within(1));
	}

	@Test
	void eachRevisionOfARunInOneTransactionIsOneRoundTrip() throws Exception {
		int few = roundTripsToApply(2, TransactionMode.ALL);
		int many = roundTripsToApply(22, TransactionMode.ALL);
		assertThat(many - few).isCloseTo(20, within(1));
	}

	private int roundTripsToApply(int revisions, TransactionMode mode) throws Exception {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		RevisionFiles files = new RevisionFiles(Files.createDirectories(this.folder.resolve(mode + "-" + revisions)));
		for (int i = 1; i <= revisions; i++) {
			files.write("r%d.sql".formatted(i), """
					-- revision: r%d
					-- down_revision: %s
					-- lock_timeout: %ds
					-- +upgrade
					CREATE TABLE t%d (id bigint PRIMARY KEY, note text);
					INSERT INTO t%d VALUES (1, 'one');
					-- +downgrade
					DROP TABLE t%d;
					""".formatted(i, (i == 1) ? "base" : "r" + (i - 1), 1 + i % 3, i, i, i));
		}
		try (RoundTripCounter counter = new RoundTripCounter(database)) {
			Migrator migrator = Migrator.builder(counter.dataSource())
				.settings(MigratorSettings.defaults().withLocations(files.location()).withTransactionMode(mode))
				.build();
			counter.take();
			migrator.upgrade(Target.head());
			int roundTrips = counter.take();
			assertThat(database.query("SELECT count(*) FROM migrations_revisions")).containsExactly("" + revisions);
			return roundTrips;
		}
	}

}
