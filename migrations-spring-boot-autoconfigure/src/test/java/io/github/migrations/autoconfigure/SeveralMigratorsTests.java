package io.github.migrations.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import io.github.migrations.autoconfigure.endpoint.MigrationState;
import io.github.migrations.autoconfigure.endpoint.MigrationsHealthContributorAutoConfiguration;
import io.github.migrations.autoconfigure.metrics.MigrationsMetricsAutoConfiguration;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with two {@link Migrator} beans of its own, one per database: startup,
 * health and metrics handle each by name, and only a single (or primary) one is run on
 * startup.
 */
class SeveralMigratorsTests {

	private final TestDatabase.Database orders = TestDatabase.shared().freshDatabase();

	private final TestDatabase.Database invoices = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsHealthContributorAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				MigrationsMetricsAutoConfiguration.class))
		.withPropertyValues(Databases.properties(this.orders))
		.withPropertyValues("test.orders.url=" + this.orders.url(), "test.invoices.url=" + this.invoices.url(),
				"test.username=" + this.orders.username(), "test.password=" + this.orders.password());

	@Test
	void twoMigratorBeansStartWithoutRunningEitherOnStartup() {
		this.contextRunner.withUserConfiguration(TwoMigrators.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsInitializer.class);
			assertThat(this.orders.tableExists("customers")).isFalse();
			assertThat(this.invoices.tableExists("customers")).isFalse();
		});
	}

	@Test
	void aPrimaryMigratorIsRunOnStartup() {
		this.contextRunner.withUserConfiguration(PrimaryOrders.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationsInitializer.class);
			assertThat(context.getBean(MigrationsInitializer.class).migrator())
				.isSameAs(context.getBean("ordersMigrator"));
			assertThat(this.orders.tableExists("customers")).isTrue();
			assertThat(this.invoices.tableExists("customers")).isFalse();
		});
	}

	@Test
	void healthReportsEachMigratorByNameAndTheWorstWins() {
		this.contextRunner.withUserConfiguration(TwoMigrators.class).run((context) -> {
			context.getBean("ordersMigrator", Migrator.class).upgrade(Target.head());
			Health health = context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsOnlyKeys("invoicesMigrator", "ordersMigrator");
			assertThat(details(health, "ordersMigrator")).containsEntry("state", MigrationState.UP_TO_DATE);
			assertThat(details(health, "invoicesMigrator")).containsEntry("state", MigrationState.PENDING);
		});
	}

	@Test
	void eachMigratorHasItsOwnPendingGauge() {
		this.contextRunner.withUserConfiguration(TwoMigrators.class).run((context) -> {
			context.getBean("ordersMigrator", Migrator.class).upgrade(Target.parse("001"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.pending").tag("name", "ordersMigrator").gauge().value()).isEqualTo(3);
			assertThat(registry.get("migrations.pending").tag("name", "invoicesMigrator").gauge().value()).isEqualTo(4);
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Health health, String migrator) {
		return (Map<String, Object>) health.getDetails().get(migrator);
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoMigrators {

		@Bean
		Migrator ordersMigrator(Environment environment) {
			return migrator(environment, "test.orders.url");
		}

		@Bean
		Migrator invoicesMigrator(Environment environment) {
			return migrator(environment, "test.invoices.url");
		}

		static Migrator migrator(Environment environment, String urlKey) {
			DataSource dataSource = DataSourceBuilder.create()
				.url(environment.getRequiredProperty(urlKey))
				.username(environment.getRequiredProperty("test.username"))
				.password(environment.getRequiredProperty("test.password"))
				.build();
			return Migrator.builder(dataSource).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryOrders {

		@Bean
		@Primary
		Migrator ordersMigrator(Environment environment) {
			return TwoMigrators.migrator(environment, "test.orders.url");
		}

		@Bean
		Migrator invoicesMigrator(Environment environment) {
			return TwoMigrators.migrator(environment, "test.invoices.url");
		}

	}

}
