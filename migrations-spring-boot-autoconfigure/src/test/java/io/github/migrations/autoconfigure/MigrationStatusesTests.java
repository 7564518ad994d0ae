package io.github.migrations.autoconfigure;

import io.github.migrations.autoconfigure.MigrationStatuses.Reading;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one reading of a {@link Migrator}'s database costs and finds.
 */
class MigrationStatusesTests {

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
	void aChangedFileFailsTheStatusButStillReadsWhereTheDatabaseStands() {
		Migrator.builder(this.database.dataSource()).build().upgrade(Target.head());
		this.database.execute("UPDATE migrations_revisions SET checksum = 'edited' WHERE revision = '002'");
		Reading reading = Reading.of(Migrator.builder(this.database.dataSource()).build(), "head");
		assertThat(reading.status()).isNull();
		assertThat(reading.error()).contains("'002'");
		assertThat(reading.current()).containsExactly("004");
	}

}
