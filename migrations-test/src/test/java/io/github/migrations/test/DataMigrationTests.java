package io.github.migrations.test;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision that moves data, tested as the README shows: rows written at the revision
 * before it, then its upgrade and its downgrade, each checked on the rows. The stairway
 * compares schemas only, so this is the test that a data migration needs besides it.
 */
class DataMigrationTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Migrator migrator = Migrator.builder(this.database.dataSource())
		.locations("classpath:data-migration")
		.build();

	@Test
	void splitsEveryNameAndJoinsThemBackOnDowngrade() {
		this.migrator.upgrade(Target.parse("0001"));
		this.database.execute("INSERT INTO customers (full_name) VALUES ('Ada King Lovelace'), ('Plato')");
		this.migrator.upgrade(Target.parse("0002"));
		assertThat(
				this.database.query("SELECT first_name || '|' || coalesce(last_name, '-') FROM customers ORDER BY id"))
			.containsExactly("Ada|King Lovelace", "Plato|-");
		this.migrator.downgrade(Target.parse("0001"));
		assertThat(this.database.query("SELECT full_name FROM customers ORDER BY id"))
			.containsExactly("Ada King Lovelace", "Plato");
	}

	@Test
	void theStairwayPassesOnItWithRowsInPlace() {
		Stairway stairway = new Stairway(this.migrator, this.database.dataSource(), (revision, connection) -> {
			if (revision.equals("0002")) {
				try (var statement = connection.createStatement()) {
					statement.execute("INSERT INTO customers (full_name) VALUES ('Ada King Lovelace')");
				}
			}
		});
		stairway.steps().forEach(stairway::climb);
		// up, down and up again over the same row
		assertThat(this.database.query("SELECT first_name || '|' || last_name FROM customers"))
			.containsExactly("Ada|King Lovelace");
	}

}
