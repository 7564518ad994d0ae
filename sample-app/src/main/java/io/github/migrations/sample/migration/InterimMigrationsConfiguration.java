package io.github.migrations.sample.migration;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.MigratorSettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Migrates on startup while the migrations starter is an empty pom: builds a {@link Migrator} from
 * the same {@code app.migrations.*} keys the starter reads ({@code mode}, {@code target},
 * {@code locations}, {@code schema} and the timeouts) and runs it when the context starts.
 * <p>
 * It backs off by itself once the starter's auto-configuration is on the classpath; delete this
 * package then. Unlike the starter it does not make {@code JdbcClient} wait for the migration,
 * which this app does not need: nothing reads the database while the context starts, and the
 * development seed data is an {@code ApplicationRunner}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingClass("io.github.migrations.autoconfigure.MigrationsAutoConfiguration")
final class InterimMigrationsConfiguration {

	@Bean
	InterimMigrations interimMigrations(DataSource dataSource, Environment environment) {
		Binder binder = Binder.get(environment);
		MigratorSettings.Builder settings = MigratorSettings.defaults().toBuilder();
		binder.bind("app.migrations.locations", String[].class)
			.ifBound((locations) -> settings.locations(List.of(locations)));
		binder.bind("app.migrations.schema", String.class).ifBound(settings::schema);
		binder.bind("app.migrations.lock-wait-timeout", Duration.class).ifBound(settings::lockWaitTimeout);
		binder.bind("app.migrations.lock-timeout", Duration.class).ifBound(settings::lockTimeout);
		binder.bind("app.migrations.statement-timeout", Duration.class).ifBound(settings::statementTimeout);
		Migrator migrator = Migrator.builder(dataSource).settings(settings.build()).build();
		InterimMigrations.Mode mode = binder.bind("app.migrations.mode", InterimMigrations.Mode.class)
			.orElse(InterimMigrations.Mode.UPGRADE);
		String target = binder.bind("app.migrations.target", String.class).orElse("head");
		return new InterimMigrations(migrator, mode, target);
	}

}
