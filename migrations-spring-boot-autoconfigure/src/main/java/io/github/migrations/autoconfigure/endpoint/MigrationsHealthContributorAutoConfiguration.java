package io.github.migrations.autoconfigure.endpoint;

import io.github.migrations.autoconfigure.MigrationStatuses;
import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.autoconfigure.MigrationsProperties;
import io.github.migrations.core.Migrator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@code migrations} health indicator, when Spring Boot's health support is present
 * and {@code management.health.migrations.enabled} is not {@code false}.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
public final class MigrationsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "migrationsHealthIndicator", "migrationsHealthContributor" })
	HealthIndicator migrationsHealthIndicator(ApplicationContext context,
			ObjectProvider<MigrationsProperties> properties, ObjectProvider<MigrationStatuses> statuses) {
		MigrationsProperties settings = properties.getIfAvailable(MigrationsProperties::new);
		return new MigrationsHealthIndicator(statuses.getIfAvailable(() -> new MigrationStatuses(context, settings)),
				settings);
	}

}
