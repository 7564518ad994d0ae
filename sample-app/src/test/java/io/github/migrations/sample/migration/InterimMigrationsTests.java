package io.github.migrations.sample.migration;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What each {@code app.migrations.mode} does on startup until the starter takes over.
 */
class InterimMigrationsTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Migrator migrator = Migrator.builder(this.database.dataSource())
		.locations("classpath:db/revisions")
		.build();

	@Test
	void upgradeModeMigratesToTheTarget() {
		new InterimMigrations(this.migrator, InterimMigrations.Mode.UPGRADE, "0003").afterPropertiesSet();
		assertThat(this.migrator.current()).containsExactly("0003");
		new InterimMigrations(this.migrator, InterimMigrations.Mode.UPGRADE, "head").afterPropertiesSet();
		assertThat(this.migrator.current()).containsExactly("0006");
	}

	@Test
	void validateModeRefusesADatabaseWithPendingRevisionsAndNamesThem() {
		this.migrator.upgrade(Target.parse("0004"));
		assertThatIllegalStateException()
			.isThrownBy(() -> new InterimMigrations(this.migrator, InterimMigrations.Mode.VALIDATE, "head").afterPropertiesSet())
			.withMessage("The database is not at 'head': revisions '0005', '0006' are pending. Migrate it (with the "
					+ "migrations CLI, or by starting once with app.migrations.mode=upgrade) before starting with "
					+ "app.migrations.mode=validate.");
		assertThat(this.migrator.current()).containsExactly("0004");
	}

	@Test
	void validateModeAcceptsAnUpToDateDatabase() {
		this.migrator.upgrade(Target.head());
		new InterimMigrations(this.migrator, InterimMigrations.Mode.VALIDATE, "head").afterPropertiesSet();
		assertThat(this.migrator.current()).containsExactly("0006");
	}

	@Test
	void noneModeLeavesTheSchemaAlone() {
		new InterimMigrations(this.migrator, InterimMigrations.Mode.NONE, "head").afterPropertiesSet();
		assertThat(this.migrator.current()).isEmpty();
		assertThat(this.database.tableExists("invoices")).isFalse();
	}

}
