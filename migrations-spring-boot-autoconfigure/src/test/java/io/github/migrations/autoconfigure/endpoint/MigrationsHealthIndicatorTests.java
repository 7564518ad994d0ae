package io.github.migrations.autoconfigure.endpoint;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import io.github.migrations.autoconfigure.MigrationStrategy;
import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class MigrationsHealthIndicatorTests {

	/**
	 * The default version store, whose migration lock another instance would hold.
	 */
	private static final VersionStore STORE = new PostgresVersionStore(null, true, "migrations_revisions",
			"migrations_log", "migrations_fingerprint");

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + this.database.url(),
				"spring.datasource.username=" + this.database.username(),
				"spring.datasource.password=" + this.database.password());

	@Test
	void upAtTheTarget() {
		this.contextRunner.run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("state", MigrationState.UP_TO_DATE)
				.containsEntry("target", "head")
				.containsEntry("current", List.of("004"))
				.doesNotContainKey("reason");
		});
	}

	@Test
	void downWithTheReasonWhenSomethingIsPendingInValidateMode() {
		Migrator.builder(this.database.dataSource()).build().upgrade(Target.head());
		this.contextRunner.withPropertyValues("app.migrations.mode=validate").run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			context.getBean(Migrator.class).downgrade(Target.parse("-1"));
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", MigrationState.PENDING)
				.containsEntry("reason", "1 revision is pending up to target 'head': [004]");
		});
	}

	@Test
	void migratingNotFailedWhileAnotherSessionRunsARevisionOutsideATransaction() {
		this.contextRunner.withPropertyValues("app.migrations.status-cache-time-to-live=0").run((context) -> {
			// as a transactional: false revision run by another instance leaves it
			this.database.execute("UPDATE migrations_revisions SET state = 'UPGRADING' WHERE revision = '004'");
			try (Connection session = this.database.dataSource().getConnection();
					AdvisoryLock holder = AdvisoryLock.acquire(session, STORE, Duration.ofSeconds(1))) {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("state", MigrationState.MIGRATING);
				assertThat((String) health.getDetails().get("reason"))
					.startsWith("Revision '004' is being upgraded right now, outside a transaction (transactional: "
							+ "false), by the run that holds the migration lock: PostgreSQL backend ")
					.endsWith(". Wait for that run to end, then check again; do not stamp the revision or undo its "
							+ "work while it runs.");
			}
			Health interrupted = health(context);
			assertThat(interrupted.getDetails()).as("with nobody running it, it was interrupted")
				.containsEntry("state", MigrationState.FAILED);
			assertThat((String) interrupted.getDetails().get("reason")).contains("was interrupted during upgrade")
				.contains("'migrations stamp 004' if it is applied, or 'migrations stamp 002 003' if it is not.");
		});
	}

	@Test
	void downWithTheReasonAfterAFailure() {
		this.contextRunner.run((context) -> {
			this.database.execute("UPDATE migrations_revisions SET checksum = 'edited' WHERE revision = '003'");
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", MigrationState.FAILED)
				.as("where the database stands, though a file changed")
				.containsEntry("current", List.of("004"));
			assertThat((String) health.getDetails().get("reason")).contains("'003'");
		});
	}

	@Test
	void whatWasReadIsReusedForTheCacheTimeToLive() {
		this.contextRunner.withPropertyValues("app.migrations.status-cache-time-to-live=1h").run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			Migrator.builder(this.database.dataSource()).build().downgrade(Target.parse("-1"));
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void aZeroTimeToLiveReadsAtEveryCheck() {
		this.contextRunner.withPropertyValues("app.migrations.status-cache-time-to-live=0s").run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			Migrator.builder(this.database.dataSource()).build().downgrade(Target.parse("-1"));
			assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void aRunOfTheApplicationsMigratorDropsWhatWasCached() {
		this.contextRunner.withPropertyValues("app.migrations.status-cache-time-to-live=1h").run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			context.getBean(Migrator.class).downgrade(Target.parse("-1"));
			assertThat(health(context).getDetails()).containsEntry("state", MigrationState.PENDING);
		});
	}

	@Test
	void aFailedUpgradeIsReportedFromTheNewestLogEntry() {
		Migrator failing = Migrator.builder(this.database.dataSource())
			.locations("classpath:revisions/failing")
			.build();
		assertThatException().isThrownBy(() -> failing.upgrade(Target.head()));
		this.contextRunner.withPropertyValues("app.migrations.locations=classpath:revisions/failing")
			.withBean(MigrationStrategy.class, () -> (migrator) -> {
			})
			.run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("state", MigrationState.FAILED);
				assertThat((String) health.getDetails().get("reason"))
					.startsWith("The last attempt to upgrade revision '002' failed");
			});
	}

	@Test
	void unknownWhenNothingRunsOnStartup() {
		this.contextRunner.withPropertyValues("app.migrations.mode=none")
			.run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.UNKNOWN));
	}

	@Test
	void indicatorCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("migrationsHealthIndicator"));
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
	}

}
