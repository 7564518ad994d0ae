package io.github.migrations.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.JavaRevision;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The stairway on good and broken revisions.
 */
class StairwayKitTests {

	private Stairway stairway(String location, Stairway.DataHook hook) {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Migrator migrator = Migrator.builder(database.dataSource()).locations("classpath:stairway/" + location).build();
		return new Stairway(migrator, database.dataSource(), hook);
	}

	@Test
	void aMigratorWithASchemaForItsVersionStoreClimbsWithoutBlamingTheFirstRevisionForIt() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Migrator migrator = Migrator.builder(database.dataSource())
			.settings(MigratorSettings.defaults().withLocations("classpath:stairway/good").withSchema("app"))
			.build();
		Stairway stairway = new Stairway(migrator, database.dataSource(), Stairway.DataHook.NONE);
		stairway.steps().forEach(stairway::climb);
		assertThat(stairway.fullCycle().names()).contains("table app.orders");
	}

	@Test
	void goodRevisionsClimbOneByOneWithDataInPlace() {
		List<String> hooked = new ArrayList<>();
		Stairway stairway = stairway("good", (revision, connection) -> {
			hooked.add(revision);
			if (revision.equals("0003")) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("INSERT INTO customers (email) VALUES ('a@example.com')");
				}
			}
		});
		for (Revision revision : stairway.steps()) {
			stairway.climb(revision);
		}
		assertThat(hooked).containsExactly("0001", "0002", "0003", "0004");
		assertThat(stairway.fullCycle().names()).contains("table public.orders", "view public.named_customers");
	}

	@Test
	void downgradeThatForgetsAnIndexFailsNamingRevisionFileAndIndex() {
		Stairway stairway = stairway("forgets-index", Stairway.DataHook.NONE);
		stairway.climb(stairway.steps().get(0));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stairway.climb(stairway.steps().get(1)))
			.withMessageStartingWith("Revision '0002' (stairway/forgets-index/0002_orders.sql): its downgrade does not "
					+ "restore the schema it started from.")
			.withMessageContaining(
					"+ index public.orders_customer_idx: CREATE INDEX orders_customer_idx ON public.customers")
			.withMessageContaining("Make the '-- +downgrade' section undo exactly what '-- +upgrade' does.");
	}

	@Test
	void javaRevisionWhoseDowngradeForgetsAnIndexIsToldToFixItsDowngradeMethod() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Migrator migrator = Migrator.builder(database.dataSource())
			.locations("classpath:stairway/good")
			.javaRevisions(new ForgetfulIndexRevision())
			.build();
		Stairway stairway = new Stairway(migrator, database.dataSource(), Stairway.DataHook.NONE);
		List<Revision> steps = stairway.steps();
		steps.subList(0, steps.size() - 1).forEach(stairway::climb);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stairway.climb(steps.get(steps.size() - 1)))
			.withMessageStartingWith(
					"Revision '0005' (io.github.migrations.test.StairwayKitTests$ForgetfulIndexRevision): "
							+ "its downgrade does not restore the schema it started from.")
			.withMessageContaining("+ index public.customers_lower_email_idx: ")
			.withMessageEndingWith("Make its downgrade(Connection) undo exactly what upgrade(Connection) does.");
	}

	@Test
	void downgradeThatForgetsAFunctionFailsNamingIt() {
		Stairway stairway = stairway("forgets-trigger", Stairway.DataHook.NONE);
		stairway.climb(stairway.steps().get(0));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stairway.climb(stairway.steps().get(1)))
			.withMessageContaining("Revision '0002' (stairway/forgets-trigger/0002_audit.sql)")
			.withMessageContaining("+ function public.audit(): CREATE OR REPLACE FUNCTION public.audit()");
	}

	@Test
	void downgradeThatFailsWithExistingDataIsReportedAsAFailedDowngrade() {
		Stairway stairway = stairway("good", (revision, connection) -> {
			if (revision.equals("0002")) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE TABLE notes (customer_id bigint REFERENCES customers (id))");
				}
			}
		});
		stairway.climb(stairway.steps().get(0));
		assertThat(stairway.steps().get(1).id().value()).isEqualTo("0002");
		stairway.climb(stairway.steps().get(1));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(stairway::fullCycle)
			.withMessageStartingWith("The revisions: downgrade to base failed: ")
			.withMessageContaining("0001_customers.sql");
	}

	@Test
	void lintFailsOnAStatementThatTakesAWriteBlockingLockNamingFileLineLockAndFix() {
		Stairway stairway = stairway("forgets-index", Stairway.DataHook.NONE);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stairway.lint(false))
			.withMessageStartingWith("Lint found 1 error and 0 warnings:")
			.withMessageContaining("stairway/forgets-index/0002_orders.sql:7: error [index-without-concurrently] "
					+ "CREATE INDEX 'orders_customer_idx' without CONCURRENTLY on existing table 'customers'. Takes "
					+ "SHARE on customers, which blocks writes (INSERT, UPDATE, DELETE); reads go on.")
			.withMessageContaining("fix: Use CREATE INDEX CONCURRENTLY")
			.withMessageContaining(
					"Fix the statements, or opt one out with '-- lint: allow <rule> (<reason>)' above it.");
	}

	@Test
	void lintFailureWarnsThatAnAppliedRevisionMustNotBeEditedToOptOut() {
		Stairway stairway = stairway("forgets-index", Stairway.DataHook.NONE);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stairway.lint(false))
			.withMessageContaining("Leave a revision that a database has already applied as it is: an edit, even to "
					+ "a comment, changes its checksum and stops the next upgrade of that database")
			.withMessageEndingWith("lint such a history with StairwayTests.lint() turned off instead.");
	}

	@Test
	void lintPassesRevisionsThatSetALockTimeoutAndOptOutWithAReason() {
		assertThat(stairway("good", Stairway.DataHook.NONE).lint(true).findings()).isEmpty();
	}

	@Test
	void extendingTheBaseClassReportsOneTestPerRevision() {
		Events events = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(GoodRevisions.class))
			.execute()
			.testEvents();
		events.assertStatistics((stats) -> stats.started(7).succeeded(7).failed(0));
		Events broken = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(ForgetsIndex.class))
			.execute()
			.testEvents();
		// the full cycle passes (dropping 'customers' at base takes the stray index
		// along): only the
		// stairway and the reference schema catch the downgrade that forgets it
		broken.assertStatistics((stats) -> stats.failed(3));
		assertThat(broken.failed().stream().map((event) -> event.getTestDescriptor().getDisplayName()).toList())
			.containsExactlyInAnyOrder("0002: orders", "stairway-reference/forgets-index.sql", "revisionsPassLint()");
	}

	@Test
	void theStairwayDropsTheDatabasesItCreatesAlsoWhenItsTestsFail() {
		TestDatabase.Database observer = TestDatabase.shared().freshDatabase();
		String ours = "SELECT datname FROM pg_database WHERE datname LIKE 'test\\_" + ProcessHandle.current().pid()
				+ "\\_%' ORDER BY 1";
		List<String> before = observer.query(ours);
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(GoodRevisions.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.succeeded(7).failed(0));
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(ForgetsIndex.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.failed(3));
		assertThat(observer.query(ours)).isEqualTo(before);
	}

	@Test
	void inSchemaIsolationTheStairwayWorksInSchemasItDropsAfterwards() {
		TestDatabase.Database observer = TestDatabase.shared().freshSchema();
		String ours = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'test\\_" + ProcessHandle.current().pid()
				+ "\\_%' ORDER BY 1";
		List<String> before = observer.query(ours);
		String databases = "SELECT count(*) FROM pg_database";
		List<String> databasesBefore = observer.query(databases);
		EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(GoodRevisionsInSchemas.class))
			.execute()
			.testEvents()
			.assertStatistics((stats) -> stats.started(7).succeeded(7).failed(0));
		Events broken = EngineTestKit.engine("junit-jupiter")
			.selectors(selectClass(ForgetsIndexInSchemas.class))
			.execute()
			.testEvents();
		assertThat(broken.failed().stream().map((event) -> event.getTestDescriptor().getDisplayName()).toList())
			.containsExactlyInAnyOrder("0002: orders", "stairway-reference/forgets-index.sql", "revisionsPassLint()");
		assertThat(observer.query(ours)).isEqualTo(before);
		assertThat(observer.query(databases)).isEqualTo(databasesBefore);
		TestDatabase.shared().drop(observer);
	}

	@Test
	void aStairwayInASchemaComparesOnlyThatSchema() {
		TestDatabase.Database database = TestDatabase.shared().freshSchema();
		Migrator migrator = Migrator.builder(database.dataSource())
			.settings(MigratorSettings.defaults()
				.withLocations("classpath:stairway/forgets-index")
				.withSchema(database.schema()))
			.build();
		Stairway stairway = Stairway.inSchema(migrator, database.dataSource(), Stairway.DataHook.NONE);
		database.execute("CREATE TABLE public.unrelated_" + database.schema() + " (id bigint)");
		stairway.climb(stairway.steps().get(0));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> stairway.climb(stairway.steps().get(1)))
			.withMessageContaining("+ index orders_customer_idx: CREATE INDEX orders_customer_idx ON customers");
		assertThat(stairway.snapshot().names()).doesNotContain("table public.unrelated_" + database.schema())
			.contains("table customers");
		database.execute("DROP TABLE public.unrelated_" + database.schema());
		TestDatabase.shared().drop(database);
	}

	static class GoodRevisions extends StairwayTests {

		@Override
		protected String[] locations() {
			return new String[] { "classpath:stairway/good" };
		}

		@Override
		protected void beforeUpgrading(String revision, Connection connection) throws SQLException {
			if (revision.equals("0002")) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("INSERT INTO customers (email) VALUES ('b@example.com')");
				}
			}
		}

	}

	static class ForgetsIndex extends StairwayTests {

		@Override
		protected String[] locations() {
			return new String[] { "classpath:stairway/forgets-index" };
		}

		@Override
		protected Set<String> expectedHeads() {
			return Set.of("0002");
		}

		@Override
		protected String referenceSchema() {
			return "stairway-reference/forgets-index.sql";
		}

	}

	static class GoodRevisionsInSchemas extends GoodRevisions {

		@Override
		protected Isolation isolation() {
			return Isolation.SCHEMA;
		}

	}

	static class ForgetsIndexInSchemas extends ForgetsIndex {

		@Override
		protected Isolation isolation() {
			return Isolation.SCHEMA;
		}

	}

	/**
	 * A Java revision above 'good' whose downgrade forgets the index its upgrade creates.
	 */
	static final class ForgetfulIndexRevision implements JavaRevision {

		@Override
		public String id() {
			return "0005";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("0004");
		}

		@Override
		public void upgrade(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE INDEX customers_lower_email_idx ON customers (lower(email))");
			}
		}

		@Override
		public void downgrade(Connection connection) {
		}

	}

}
