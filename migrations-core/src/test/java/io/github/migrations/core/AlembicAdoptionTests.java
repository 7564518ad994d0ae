package io.github.migrations.core;

import java.nio.file.Path;
import java.util.List;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AlembicDatabaseException;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database that Alembic migrated, with its {@code alembic_version} table, taken over by
 * the engine, on a real PostgreSQL.
 */
class AlembicAdoptionTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private RevisionFiles files;

	@BeforeEach
	void revisionsAndAnAlembicDatabaseAtB2() {
		this.files = new RevisionFiles(this.folder);
		this.files.table("a1", "base", "customers");
		this.files.table("b2", "a1", "orders");
		this.files.table("c3", "b2", "invoices");
		this.database.execute("""
				CREATE TABLE customers (id bigint PRIMARY KEY);
				CREATE TABLE orders (id bigint PRIMARY KEY);
				CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
				INSERT INTO alembic_version VALUES ('b2');
				""");
	}

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).locations(this.files.location()).build();
	}

	private Migrator adoptingMigrator() {
		return Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.toBuilder()
				.locations(List.of(this.files.location()))
				.adoptAlembicVersion(true)
				.build())
			.build();
	}

	@Test
	void upgradeOnAnAlembicDatabaseStopsAndNamesStampFromAlembic() {
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo("The database was migrated by Alembic: public.alembic_version holds "
						+ "'b2', and the version store \"migrations_revisions\" has recorded nothing yet, so every "
						+ "revision would run again on tables that exist. Nothing was changed");
				assertThat(ex.hint()).contains("'migrations stamp --from-alembic'");
				assertThat(ex.setting()).isEqualTo("adopt-alembic-version");
			});
		assertThat(this.database.tableExists("invoices")).isFalse();
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void downgradeOnAnAlembicDatabaseStopsInsteadOfFindingNothingApplied() {
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().downgrade(Target.base()))
			.withMessageContaining("public.alembic_version holds 'b2'");
		assertThat(this.database.tableExists("orders")).isTrue();
	}

	@Test
	void currentAndStatusOnAnAlembicDatabaseStopInsteadOfSayingBase() {
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().current())
			.withMessageContaining("public.alembic_version holds 'b2'");
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().status(Target.head()))
			.withMessageContaining("public.alembic_version holds 'b2'");
	}

	@Test
	void currentAndDowngradeWithAdoptingSetSayThatTheUpgradeAdoptsRatherThanToSetIt() {
		for (ThrowingCallable read : List.<ThrowingCallable>of(() -> adoptingMigrator().current(),
				() -> adoptingMigrator().downgrade(Target.parse("-1")))) {
			assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(read).satisfies((ex) -> {
				assertThat(ex.problem())
					.startsWith("The database was migrated by Alembic: public.alembic_version " + "holds 'b2'");
				assertThat(ex.hint()).isEqualTo("adopt-alembic-version is set, so 'migrations upgrade' records what "
						+ "public.alembic_version holds before it runs anything; to record it without upgrading, run "
						+ "'migrations stamp --from-alembic'.");
				assertThat(ex.setting()).isNull();
			});
		}
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		assertThat(adoptingMigrator().upgrade(Target.head()).revisions()).containsExactly(RevisionId.of("c3"));
	}

	@Test
	void stampHeadOnAnAlembicDatabaseBehindTheFilesStopsAndRecordsNothing() {
		assertThatExceptionOfType(AlembicDatabaseException.class)
			.isThrownBy(() -> migrator().stamp(List.of(Target.head()), false))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo("The database was migrated by Alembic: public.alembic_version holds "
						+ "'b2', but the stamp would record 'c3', so the revisions between would count as applied "
						+ "without having run (the version store \"migrations_revisions\" has recorded nothing yet). "
						+ "Nothing was changed");
				assertThat(ex.hint()).isEqualTo("Record what Alembic applied with 'migrations stamp --from-alembic', "
						+ "then 'migrations upgrade' runs what follows; to record 'c3' anyway, run "
						+ "'migrations stamp c3' after that.");
			});
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
	}

	@Test
	void stampOfWhatAlembicVersionHoldsRecordsItAsAdoptingDoes() {
		migrator().stamp(List.of(Target.parse("b2")), false);
		assertThat(migrator().current()).containsExactly("b2");
		assertThat(migrator().appliedRevisions()).extracting(AppliedRevision::revision)
			.containsExactlyInAnyOrder("a1", "b2");
	}

	@Test
	void adoptingRecordsExactlyTheAlembicRevisionsAndLeavesAlembicVersionUntouched() {
		AdoptedAlembicVersion adopted = migrator().adoptAlembicVersion();
		assertThat(adopted.heads()).containsExactly(RevisionId.of("b2"));
		assertThat(adopted.table()).isEqualTo("public.alembic_version");
		assertThat(migrator().current()).containsExactly("b2");
		assertThat(migrator().appliedRevisions()).extracting(AppliedRevision::revision)
			.containsExactlyInAnyOrder("a1", "b2");
		assertThat(migrator().history()).extracting(LogEntry::action).containsOnly("stamp");
		assertThat(this.database.query("SELECT version_num FROM alembic_version")).containsExactly("b2");
		MigrationResult upgrade = migrator().upgrade(Target.head());
		assertThat(upgrade.revisions()).containsExactly(RevisionId.of("c3"));
		assertThat(this.database.query("SELECT version_num FROM alembic_version")).containsExactly("b2");
	}

	@Test
	void adoptingTwoBranchesRecordsBothHeads() {
		this.files.table("x2", "a1", "meetings");
		this.database.execute("""
				CREATE TABLE meetings (id bigint PRIMARY KEY);
				INSERT INTO alembic_version VALUES ('x2');
				""");
		assertThat(migrator().adoptAlembicVersion().heads()).containsExactly(RevisionId.of("b2"), RevisionId.of("x2"));
		assertThat(migrator().current()).containsExactlyInAnyOrder("b2", "x2");
		assertThat(migrator().appliedRevisions()).extracting(AppliedRevision::revision)
			.containsExactlyInAnyOrder("a1", "b2", "x2");
	}

	@Test
	void adoptingNamesEveryAlembicRevisionWithoutAFileAndRecordsNothing() {
		this.database.execute("INSERT INTO alembic_version VALUES ('ffee01'), ('3a9c2d4e5f60')");
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().adoptAlembicVersion())
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo("public.alembic_version holds '3a9c2d4e5f60', 'ffee01', which no "
						+ "revision file declares, so it cannot be adopted");
				assertThat(ex.hint()).startsWith("Port each of them from Alembic's versions/*.py to a revision file "
						+ "with the same id ('-- revision: <id>')");
			});
		assertThatExceptionOfType(AlembicDatabaseException.class)
			.isThrownBy(() -> adoptingMigrator().upgrade(Target.head()))
			.withMessageContaining("'3a9c2d4e5f60', 'ffee01', which no revision file declares");
		assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		assertThat(this.database.tableExists("invoices")).isFalse();
	}

	@Test
	void alembicRevisionsHoldingTerminalControlsAreShownEscapedOnTheirLine() {
		this.database.execute("ALTER TABLE alembic_version ALTER COLUMN version_num TYPE text");
		this.database.execute("INSERT INTO alembic_version VALUES (E'x\\x1b[2J\\x1b]0;title\\x07\\nerror: forged')");
		this.database.execute("INSERT INTO alembic_version VALUES ('" + "y".repeat(1000) + "')");
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().upgrade(Target.head()))
			.satisfies((ex) -> assertThat(ex.problem()).startsWith("The database was migrated by Alembic: "
					+ "public.alembic_version holds 'b2', 'x\\u001b[2J\\u001b]0;title\\u0007\\u000aerror: forged', '"
					+ "y".repeat(64) + "...', and the version store"));
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().adoptAlembicVersion())
			.satisfies((ex) -> assertThat(ex.problem())
				.startsWith(
						"public.alembic_version holds 'x\\u001b[2J\\u001b]0;title\\u0007\\u000aerror: forged', 'yyyy")
				.doesNotContain("\u001b", "\n"));
	}

	@Test
	void upgradeWithAdoptingTurnedOnAdoptsThenAppliesOnlyWhatFollows() {
		MigrationResult upgrade = adoptingMigrator().upgrade(Target.head());
		assertThat(upgrade.revisions()).containsExactly(RevisionId.of("c3"));
		assertThat(migrator().history()).extracting(LogEntry::revision, LogEntry::action)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "stamp"),
					org.assertj.core.groups.Tuple.tuple("b2", "stamp"),
					org.assertj.core.groups.Tuple.tuple("c3", "upgrade"));
		assertThat(this.database.query("SELECT version_num FROM alembic_version")).containsExactly("b2");
	}

	@Test
	void alembicAtBaseOrAStoreWithHistoryDoesNotStopTheUpgrade() {
		this.database.execute("DELETE FROM alembic_version; DROP TABLE orders, customers");
		assertThat(migrator().upgrade(Target.head()).revisions()).hasSize(3);
		this.database.execute("INSERT INTO alembic_version VALUES ('c3')");
		migrator().downgrade(Target.base());
		assertThat(migrator().current()).isEmpty();
		assertThat(migrator().upgrade(Target.head()).revisions()).hasSize(3);
	}

	@Test
	void adoptingWhenThereIsNothingToAdoptSaysWhy() {
		this.database.execute("DELETE FROM alembic_version");
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().adoptAlembicVersion())
			.withMessageStartingWith("public.alembic_version is empty: Alembic stands at base, so there is no "
					+ "revision to adopt. Run 'migrations upgrade'");
		this.database.execute("DROP TABLE alembic_version");
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().adoptAlembicVersion())
			.withMessageStartingWith("No table 'alembic_version' is on the search path of this connection");
		this.database.execute("DROP TABLE orders, customers");
		migrator().upgrade(Target.parse("a1"));
		this.database.execute("CREATE TABLE alembic_version (version_num varchar(32)); "
				+ "INSERT INTO alembic_version VALUES ('b2')");
		assertThatExceptionOfType(AlembicDatabaseException.class).isThrownBy(() -> migrator().adoptAlembicVersion())
			.withMessageStartingWith("The version store \"migrations_revisions\" has already recorded revisions");
		assertThat(migrator().current()).containsExactly("a1");
	}

	@Test
	void alembicVersionInTheConfiguredSchemaIsFoundBeforePublic() {
		this.database.execute("""
				CREATE SCHEMA app;
				CREATE TABLE app.alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
				INSERT INTO app.alembic_version VALUES ('a1');
				""");
		Migrator inApp = Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults().withLocations(this.files.location()).withSchema("app"))
			.build();
		AdoptedAlembicVersion adopted = inApp.adoptAlembicVersion();
		assertThat(adopted.heads()).containsExactly(RevisionId.of("a1"));
		assertThat(adopted.table()).isEqualTo("app.alembic_version");
	}

	@Test
	void aVersionTableOfAnotherNameIsReadByItsExactNameInTheNamedSchemaOrOnTheSearchPath() {
		this.database.execute("""
				DROP TABLE alembic_version;
				CREATE SCHEMA audit;
				CREATE TABLE audit."Versions" (version_num varchar(32) NOT NULL PRIMARY KEY);
				INSERT INTO audit."Versions" VALUES ('b2');
				CREATE TABLE versions (version_num varchar(32) NOT NULL PRIMARY KEY);
				INSERT INTO versions VALUES ('a1');
				""");
		assertThatExceptionOfType(AlembicDatabaseException.class)
			.isThrownBy(() -> migratorReading("audit.versions").adoptAlembicVersion())
			.satisfies((ex) -> {
				assertThat(ex.problem())
					.isEqualTo("No table 'audit.versions' exists, so there is nothing of Alembic's to adopt");
				assertThat(ex.setting()).isEqualTo("alembic-version-table");
			});
		assertThatExceptionOfType(AlembicDatabaseException.class)
			.isThrownBy(() -> migratorReading("audit.Versions").upgrade(Target.head()))
			.withMessageStartingWith("The database was migrated by Alembic: audit.Versions holds 'b2'");
		assertThat(migratorReading("audit.Versions").adoptAlembicVersion().heads())
			.containsExactly(RevisionId.of("b2"));
		assertThat(this.database.query("SELECT version_num FROM audit.\"Versions\"")).containsExactly("b2");
	}

	@Test
	void theDefaultNameMissesAVersionTableOfAnotherNameWhichTheSettingFinds() {
		this.database.execute("ALTER TABLE alembic_version RENAME TO versions");
		assertThatExceptionOfType(AlembicDatabaseException.class)
			.isThrownBy(() -> migratorReading("versions").upgrade(Target.head()))
			.withMessageStartingWith("The database was migrated by Alembic: public.versions holds 'b2'");
		assertThat(this.database.tableExists("invoices")).isFalse();
	}

	@Test
	void aVersionTableSettingThatIsNotANameIsRefusedNamingTheSetting() {
		for (String table : new String[] { "x; DROP TABLE orders", "a.b.c", "", "versions.", "\"versions\"" }) {
			assertThatExceptionOfType(io.github.migrations.core.api.MigrationException.class)
				.isThrownBy(() -> MigratorSettings.defaults().toBuilder().alembicVersionTable(table).build())
				.satisfies((ex) -> {
					assertThat(ex.problem())
						.isEqualTo("Alembic version table '%s' is not a table name.".formatted(table));
					assertThat(ex.setting()).isEqualTo("alembic-version-table");
				});
		}
	}

	private Migrator migratorReading(String table) {
		return Migrator.builder(this.database.dataSource())
			.settings(MigratorSettings.defaults()
				.toBuilder()
				.locations(List.of(this.files.location()))
				.alembicVersionTable(table)
				.build())
			.build();
	}

}
