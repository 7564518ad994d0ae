package io.github.migrations.autoconfigure;

import io.github.migrations.core.Migrator;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting an application on a database that Alembic migrated to '002': its tables exist
 * and its {@code alembic_version} says so, but the version store has recorded nothing.
 */
class AlembicDatabaseStartupTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues(Databases.properties(this.database));

	@BeforeEach
	void anAlembicDatabaseAt002() {
		this.database.execute("""
				CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
				CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
				CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
				INSERT INTO alembic_version VALUES ('002');
				""");
	}

	@Test
	void startupOnAnAlembicDatabaseStopsAndNamesTheAdoptProperty() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("The database migrations failed: The database was "
					+ "migrated by Alembic: public.alembic_version holds '002', and the version store "
					+ "\"migrations_revisions\" has recorded nothing yet, so every revision would run again on tables "
					+ "that exist. Nothing was changed" + System.lineSeparator());
			assertThat(analysis.getAction()).startsWith("Give each Alembic revision a revision file with the same id")
				.endsWith("Property: 'app.migrations.adopt-alembic-version'.");
			assertThat(this.database.tableExists("invoices")).isFalse();
			assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		});
	}

	@Test
	void validateModeOnAnAlembicDatabaseStopsToo() {
		this.contextRunner.withPropertyValues("app.migrations.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new MigrationsFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.startsWith("The database migrations failed: The database was migrated by Alembic: "
						+ "public.alembic_version holds '002'");
		});
	}

	@Test
	void adoptAlembicVersionRecordsAlembicsRevisionsThenAppliesTheRest() {
		this.contextRunner.withPropertyValues("app.migrations.adopt-alembic-version=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("004");
			assertThat(this.database.tableExists("invoices")).isTrue();
			assertThat(this.database.query("SELECT revision || ' ' || action FROM migrations_log ORDER BY id"))
				.containsExactly("001 stamp", "002 stamp", "003 upgrade", "004 upgrade");
			assertThat(this.database.query("SELECT version_num FROM alembic_version")).containsExactly("002");
		});
	}

	@Test
	void startupLooksForTheConfiguredVersionTable() {
		this.database.execute("ALTER TABLE alembic_version RENAME TO versions");
		this.contextRunner.withPropertyValues("app.migrations.alembic-version-table=versions").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("The database was migrated by Alembic: public.versions holds '002'");
			assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		});
		this.contextRunner
			.withPropertyValues("app.migrations.alembic-version-table=versions",
					"app.migrations.adopt-alembic-version=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).current()).containsExactly("004");
			});
	}

}
