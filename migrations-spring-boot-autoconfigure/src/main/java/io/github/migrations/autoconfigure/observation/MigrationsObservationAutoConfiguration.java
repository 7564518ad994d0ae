package io.github.migrations.autoconfigure.observation;

import io.github.migrations.autoconfigure.MigrationsAutoConfiguration;
import io.github.migrations.core.Migrator;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer observations of the migrations, when an {@link ObservationRegistry} is
 * present: traces show each run and each revision, startup included.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ Migrator.class, ObservationRegistry.class })
@ConditionalOnBean({ Migrator.class, ObservationRegistry.class })
public final class MigrationsObservationAutoConfiguration {

	@Bean
	MigrationObservations migrationObservations(ObservationRegistry observationRegistry) {
		return new MigrationObservations(observationRegistry);
	}

}
