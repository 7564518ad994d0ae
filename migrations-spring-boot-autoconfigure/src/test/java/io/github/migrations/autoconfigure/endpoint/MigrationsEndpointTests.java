package io.github.migrations.autoconfigure.endpoint;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.migrations.autoconfigure.CountingDataSource;
import io.github.migrations.autoconfigure.MigrationStrategy;
import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.DriftDescriptor;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.DriftsDescriptor;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.LogEntryDescriptor;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.MigratorDescriptor;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.RevisionDescriptor;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.RevisionDetailDescriptor;
import io.github.migrations.autoconfigure.endpoint.MigrationsEndpoint.RevisionsDescriptor;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MigrationsEndpointTests {

	/**
	 * The default version store, whose migration lock another instance would hold.
	 */
	private static final VersionStore STORE = new PostgresVersionStore(null, true, "migrations_revisions",
			"migrations_log", "migrations_fingerprint");

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations",
				"spring.datasource.url=" + this.database.url(),
				"spring.datasource.username=" + this.database.username(),
				"spring.datasource.password=" + this.database.password());

	@Test
	void upToDateDatabaseShowsEveryRevisionAndTheLog() {
		this.contextRunner.run((context) -> {
			MigratorDescriptor migrator = migrator(context);
			assertThat(migrator.state()).isEqualTo(MigrationState.UP_TO_DATE);
			assertThat(migrator.target()).isEqualTo("head");
			assertThat(migrator.error()).isNull();
			assertThat(migrator.current()).containsExactly("004");
			assertThat(migrator.heads()).containsExactly("004");
			assertThat(migrator.pending()).isEmpty();
			assertThat(migrator.unknown()).isEmpty();
			assertThat(migrator.revisions())
				.extracting(RevisionDescriptor::revision, RevisionDescriptor::downRevisions,
						RevisionDescriptor::branchLabels, RevisionDescriptor::isHead, RevisionDescriptor::isMerge,
						RevisionDescriptor::applied)
				.containsExactly(tuple("001", List.of(), List.of(), false, false, true),
						tuple("002", List.of("001"), List.of("orders"), false, false, true),
						tuple("003", List.of("001"), List.of("invoices"), false, false, true),
						tuple("004", List.of("002", "003"), List.of(), true, true, true));
			assertThat(migrator.revisions().get(0).message()).isEqualTo("create customers");
			assertThat(migrator.revisions().get(0).source()).isEqualTo("db/revisions/001_customers.sql");
			assertThat(migrator.revisions().get(0).appliedBy()).isEqualTo("postgres");
			assertThat(migrator.history())
				.extracting(LogEntryDescriptor::revision, LogEntryDescriptor::action, LogEntryDescriptor::success,
						LogEntryDescriptor::performedBy)
				.containsExactly(tuple("001", "upgrade", true, "postgres"), tuple("002", "upgrade", true, "postgres"),
						tuple("003", "upgrade", true, "postgres"), tuple("004", "upgrade", true, "postgres"));
			assertThat(migrator.history()).allSatisfy((entry) -> {
				assertThat(entry.checksum()).hasSize(64);
				assertThat(entry.performedAt()).isNotNull();
				assertThat(entry.executionMs()).isNotNegative();
			});
		});
	}

	@Test
	void revisionsBelowTheTargetArePendingInRunOrder() {
		this.contextRunner.run((context) -> {
			context.getBean(Migrator.class).downgrade(Target.parse("001"));
			MigratorDescriptor migrator = migrator(context);
			assertThat(migrator.state()).isEqualTo(MigrationState.PENDING);
			assertThat(migrator.current()).containsExactly("001");
			assertThat(migrator.pending()).containsExactly("002", "003", "004");
			assertThat(migrator.history()).extracting(LogEntryDescriptor::action)
				.containsExactly("upgrade", "upgrade", "upgrade", "upgrade", "downgrade", "downgrade", "downgrade");
		});
	}

	@Test
	void revisionsTheCodeDoesNotKnowMakeTheDatabaseAhead() {
		this.contextRunner
			.withPropertyValues("app.migrations.locations=classpath:db/revisions,classpath:revisions/ahead")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.run((context) -> {
			MigratorDescriptor migrator = migrator(context);
			assertThat(migrator.state()).isEqualTo(MigrationState.AHEAD);
			assertThat(migrator.unknown()).containsExactly("005");
			// 005, which this build does not know, builds on 004: the database stands at
			// 005
			assertThat(migrator.current()).containsExactly("005");
		});
	}

	@Test
	void changedAppliedFileIsFailedWithTheReason() {
		this.contextRunner.run((context) -> {
			this.database.execute("UPDATE migrations_revisions SET checksum = 'edited' WHERE revision = '002'");
			MigratorDescriptor migrator = migrator(context);
			assertThat(migrator.state()).isEqualTo(MigrationState.FAILED);
			assertThat(migrator.error()).contains("'002'");
			assertThat(migrator.current()).as("where the database stands, though a file changed")
				.containsExactly("004");
			assertThat(migrator.revisions()).hasSize(4);
			assertThat(migrator.history()).hasSize(4);
		});
	}

	@Test
	void failedStartupMigrationIsFailedWithTheServerError() {
		MigrationStrategy tolerant = (migrator) -> {
			try {
				migrator.upgrade(Target.head());
			}
			catch (MigrationException ex) {
				// the application starts anyway and reports the failure
			}
		};
		this.contextRunner.withBean(MigrationStrategy.class, () -> tolerant)
			.withPropertyValues("app.migrations.locations=classpath:revisions/failing")
			.run((context) -> {
				MigratorDescriptor migrator = migrator(context);
				assertThat(migrator.state()).isEqualTo(MigrationState.FAILED);
				assertThat(migrator.error()).startsWith("The last attempt to upgrade revision '002' failed")
					.contains("placed_on");
				assertThat(migrator.pending()).containsExactly("002");
				assertThat(migrator.history()).extracting(LogEntryDescriptor::revision, LogEntryDescriptor::success)
					.containsExactly(tuple("001", true), tuple("002", false));
			});
	}

	@Test
	void noneModeIsDisabledAndStillShowsWhatIsPending() {
		this.contextRunner.withPropertyValues("app.migrations.mode=none").run((context) -> {
			MigratorDescriptor migrator = migrator(context);
			assertThat(migrator.state()).isEqualTo(MigrationState.DISABLED);
			assertThat(migrator.pending()).containsExactly("001", "002", "003", "004");
			assertThat(migrator.history()).isEmpty();
		});
	}

	@Test
	void oneRevisionWithItsLog() {
		this.contextRunner.run((context) -> {
			Map<String, RevisionDetailDescriptor> migrators = ((RevisionsDescriptor) context
				.getBean(MigrationsEndpoint.class)
				.revision("004")).migrators();
			assertThat(migrators).containsOnlyKeys("migrator");
			RevisionDetailDescriptor detail = migrators.get("migrator");
			assertThat(detail.revision().revision()).isEqualTo("004");
			assertThat(detail.revision().isMerge()).isTrue();
			assertThat(detail.pending()).isFalse();
			assertThat(detail.history()).extracting(LogEntryDescriptor::action).containsExactly("upgrade");
		});
	}

	@Test
	void driftIsComputedWhenAskedAndShowsTheSqlThatUndoesWhatChangedOutOfBand() {
		this.contextRunner.run((context) -> {
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			DriftDescriptor none = endpoint.drift().migrators().get("migrator");
			assertThat(none.drift()).isFalse();
			assertThat(none.statements()).isEmpty();
			assertThat(none.review()).isEmpty();
			assertThat(none.error()).isNull();
			this.database.execute("ALTER TABLE customers ADD COLUMN nickname text");
			DriftsDescriptor drifts = (DriftsDescriptor) endpoint.revision("drift");
			assertThat(drifts.migrators()).containsOnlyKeys("migrator");
			DriftDescriptor drift = drifts.migrators().get("migrator");
			assertThat(drift.error()).isNull();
			assertThat(drift.drift()).isTrue();
			assertThat(drift.statements()).singleElement().asString().contains("DROP COLUMN").contains("nickname");
			// the script's -- REVIEW: note, which a list of statements alone would lose
			assertThat(drift.review()).singleElement().satisfies((review) -> {
				assertThat(review.statement()).isEqualTo(drift.statements().get(0));
				assertThat(review.note()).isEqualTo("drops column public.customers.nickname and its data");
			});
			assertThat(this.database.query("SELECT datname FROM pg_database"))
				.noneMatch((name) -> name.startsWith("migrations_scratch_"));
		});
	}

	@Test
	void driftLeavesOutTheObjectsConfiguredAsIgnored() {
		this.contextRunner
			.withPropertyValues("app.migrations.ignored-objects=extension:pg_stat_statements,schema:reporting")
			.run((context) -> {
				this.database.execute("CREATE EXTENSION pg_stat_statements");
				this.database.execute("CREATE SCHEMA reporting");
				this.database.execute("CREATE TABLE reporting.daily (day date)");
				this.database.execute("CREATE TABLE heartbeat (beat timestamptz)");
				DriftDescriptor drift = context.getBean(MigrationsEndpoint.class).drift().migrators().get("migrator");
				assertThat(drift.error()).isNull();
				assertThat(drift.statements()).containsExactly("DROP TABLE public.heartbeat");
			});
	}

	@Test
	void anUnreachableDatabaseLeavesOutWhatCouldNotBeReadInsteadOfReportingItNotAppliedOrNotPending() {
		this.contextRunner.withPropertyValues("spring.datasource.hikari.connection-timeout=250").run((context) -> {
			assertThat(context).hasNotFailed();
			// from another database: no new connection is let in, and the pool's are
			// ended
			TestDatabase.Database admin = TestDatabase.shared().freshDatabase();
			admin.execute("ALTER DATABASE " + this.database.name() + " ALLOW_CONNECTIONS false");
			admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
					+ this.database.name() + "'");
			MigratorDescriptor migrator = migrator(context);
			assertThat(migrator.state()).isEqualTo(MigrationState.FAILED);
			assertThat(migrator.error()).isNotNull();
			assertThat(migrator.current()).isNull();
			assertThat(migrator.pending()).as("not known, so not an empty list").isNull();
			assertThat(migrator.revisions()).hasSize(4)
				.allSatisfy((revision) -> assertThat(revision.applied())
					.as("revision %s: not known, so not false", revision.revision())
					.isNull());
			RevisionDetailDescriptor detail = ((RevisionsDescriptor) context.getBean(MigrationsEndpoint.class)
				.revision("001")).migrators().get("migrator");
			assertThat(detail.revision().applied()).isNull();
			assertThat(detail.pending()).isNull();
			assertThat(detail.error()).as("why pending is left out").isNotNull();
		});
	}

	@Test
	void anUnreachableDatabaseIsTriedOncePerRequestAndItsLogLeftOutAsNotKnown() {
		CountingDataSource dataSource = new CountingDataSource(this.database.dataSource());
		this.contextRunner.withBean("migrator", Migrator.class, () -> Migrator.builder(dataSource).build())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				TestDatabase.shared()
					.freshDatabase()
					.execute("ALTER DATABASE " + this.database.name() + " ALLOW_CONNECTIONS false");
				dataSource.reset();
				RevisionDetailDescriptor detail = ((RevisionsDescriptor) context.getBean(MigrationsEndpoint.class)
					.revision("001")).migrators().get("migrator");
				assertThat(detail.history()).as("not known, so not an empty log").isNull();
				assertThat(dataSource.connections()).as("each attempt may wait for a pool's connection timeout")
					.isEqualTo(1);
				dataSource.reset();
				assertThat(migrator(context).history()).as("not known, so not an empty log").isNull();
				assertThat(dataSource.connections()).isEqualTo(1);
			});
	}

	@Test
	void aRevisionMarkedRunningIsMigratingWhileAnotherSessionHoldsTheLockAndFailedWithTheStampAdviceOnceNobodyDoes() {
		this.contextRunner.run((context) -> {
			// as a transactional: false revision run by another instance leaves it
			this.database.execute("UPDATE migrations_revisions SET state = 'DOWNGRADING' WHERE revision = '004'");
			try (Connection session = this.database.dataSource().getConnection();
					AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
				MigratorDescriptor migrating = migrator(context);
				assertThat(migrating.state()).isEqualTo(MigrationState.MIGRATING);
				assertThat(migrating.error())
					.startsWith("Revision '004' is being downgraded right now, outside a transaction (transactional: "
							+ "false), by the run that holds the migration lock: PostgreSQL backend ")
					.endsWith(". Wait for that run to end, then check again; do not stamp the revision or undo its "
							+ "work while it runs.");
				assertThat(migrating.current()).containsExactly("004");
			}
			MigratorDescriptor interrupted = migrator(context);
			assertThat(interrupted.state()).isEqualTo(MigrationState.FAILED);
			assertThat(interrupted.error()).contains("was interrupted during downgrade")
				.contains("'migrations stamp 004' if it is applied, or 'migrations stamp 002 003' if it is not.");
		});
	}

	@Test
	void unknownRevisionIsNotFound() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(MigrationsEndpoint.class).revision("999")).isNull();
			assertThat(context.getBean(MigrationsEndpoint.class).revision("no-such-id")).isNull();
		});
	}

	private static MigratorDescriptor migrator(AssertableApplicationContext context) {
		Map<String, MigratorDescriptor> migrators = context.getBean(MigrationsEndpoint.class).migrations().migrators();
		assertThat(migrators).containsOnlyKeys("migrator");
		return migrators.get("migrator");
	}

}
