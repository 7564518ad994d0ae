package io.github.migrations.autoconfigure.metrics;

import io.github.migrations.autoconfigure.MigrationStatuses;
import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.autoconfigure.MigrationsProperties;
import io.github.migrations.core.Migrator;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Metrics of the migrations, when Micrometer and a {@link MeterRegistry} are present.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({ Migrator.class, MeterRegistry.class })
@ConditionalOnBean({ Migrator.class, MeterRegistry.class, MigrationsProperties.class, MigrationStatuses.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	MigrationsMetrics migrationsMetrics(MigrationStatuses statuses, MigrationsProperties properties) {
		return new MigrationsMetrics(statuses, properties.getTarget());
	}

}
