package io.github.migrations.autoconfigure.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.autoconfigure.MigratorCustomizer;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.test.database.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsMetricsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class))
		.withPropertyValues(TestDatabase.shared().freshDatabaseProperties());

	@Test
	void startupRunIsCountedAndTimed() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.revisions").tag("direction", "upgrade").functionCounter().count())
				.isEqualTo(4);
			assertThat(registry.get("migrations.revisions").tag("direction", "downgrade").functionCounter().count())
				.isZero();
			assertThat(registry.get("migrations.runs").functionTimer().count()).isEqualTo(1);
			assertThat(registry.get("migrations.runs").functionTimer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
			assertThat(registry.get("migrations.pending").tag("target", "head").gauge().value()).isZero();
		});
	}

	@Test
	void laterRunsAndPendingRevisionsAreSeen() {
		this.contextRunner.run((context) -> {
			context.getBean(Migrator.class).downgrade(Target.parse("-1"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.revisions").tag("direction", "downgrade").functionCounter().count())
				.isEqualTo(1);
			assertThat(registry.get("migrations.runs").functionTimer().count()).isEqualTo(2);
			assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void aCustomizersListenerIsAddedBesideTheMetrics() {
		List<String> heard = new ArrayList<>();
		MigratorCustomizer customizer = (builder) -> builder.listener(new MigrationListener() {

			@Override
			public void afterStep(MigrationStep step, Duration duration) {
				heard.add(step.revision().id().value());
			}

		});
		this.contextRunner.withBean(MigratorCustomizer.class, () -> customizer).run((context) -> {
			assertThat(heard).containsExactly("001", "002", "003", "004");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.revisions").tag("direction", "upgrade").functionCounter().count())
				.isEqualTo(4);
		});
	}

	@Test
	void thePendingGaugeIsNamedAfterTheMigratorBeanAndReusesWhatWasReadForTheCacheTimeToLive() {
		this.contextRunner.withPropertyValues("app.migrations.status-cache-time-to-live=1h").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.pending").tag("name", "migrator").gauge().value()).isZero();
			Migrator
				.builder(DataSourceBuilder.create()
					.url(context.getEnvironment().getProperty("spring.datasource.url"))
					.username(context.getEnvironment().getProperty("spring.datasource.username"))
					.password(context.getEnvironment().getProperty("spring.datasource.password"))
					.build())
				.build()
				.downgrade(Target.parse("-1"));
			assertThat(registry.get("migrations.pending").gauge().value()).isZero();
		});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationsAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class))
			.withPropertyValues(TestDatabase.shared().freshDatabaseProperties())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsMetrics.class));
	}

}
