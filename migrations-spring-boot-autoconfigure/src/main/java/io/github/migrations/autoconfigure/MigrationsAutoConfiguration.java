package io.github.migrations.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.JavaRevision;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ResourceLoader;

/**
 * Builds a {@link Migrator} from the {@code app.migrations.*} properties and runs it on
 * startup, before any bean that uses the database.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@ConditionalOnBooleanProperty(name = "app.migrations.enabled", matchIfMissing = true)
@Conditional(MigrationsAutoConfiguration.SomethingToMigrateCondition.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@EnableConfigurationProperties(MigrationsProperties.class)
@ImportRuntimeHints(MigrationsRuntimeHints.class)
public final class MigrationsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MigrationsAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(MigrationsConnectionDetails.class)
	PropertiesMigrationsConnectionDetails migrationsConnectionDetails(MigrationsProperties properties) {
		return new PropertiesMigrationsConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	Migrator migrator(MigrationsProperties properties, MigrationsConnectionDetails migrationsConnectionDetails,
			ResourceLoader resourceLoader, ObjectProvider<DataSource> applicationDataSource,
			@MigrationsDataSource ObjectProvider<DataSource> dedicatedDataSource,
			ObjectProvider<JdbcConnectionDetails> connectionDetails, ObjectProvider<JavaRevision> javaRevisions,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigratorCustomizer> customizers,
			ListableBeanFactory beans) {
		DataSource dataSource = MigrationDataSources.choose(migrationsConnectionDetails,
				dedicatedDataSource.getIfAvailable(), applicationDataSource.getIfUnique(),
				connectionDetails.getIfAvailable(), () -> List.of(beans.getBeanNamesForType(DataSource.class)));
		Migrator.Builder builder = Migrator.builder(dataSource).settings(properties.toSettings());
		ClassLoader classLoader = resourceLoader.getClassLoader();
		if (classLoader != null) {
			builder.classLoader(classLoader);
		}
		builder.javaRevisions(javaRevisions.orderedStream().toArray(JavaRevision[]::new));
		listeners.orderedStream().forEach(builder::listener);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		if (properties.getMode() == MigrationsProperties.Mode.NONE) {
			// a team that turned migrations off for one environment sees it in the log
			logger.info("Database not migrated on startup: 'app.migrations.mode' is 'none'");
		}
		return builder.build();
	}

	/**
	 * Runs the one {@link Migrator} (or the {@code @Primary} one) on startup. With
	 * several and none primary it backs off: each needs its own initializer.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(Migrator.class)
	@Conditional(ModeIsNotNoneCondition.class)
	MigrationsInitializer migrationsInitializer(Migrator migrator, MigrationsProperties properties,
			ObjectProvider<MigrationStrategy> strategy) {
		Target target = Target.parse(properties.getTarget());
		return new MigrationsInitializer(migrator,
				StartupLint.around(
						strategy.getIfAvailable(() -> DefaultMigrationStrategies.forMode(properties.getMode(), target)),
						properties.getLint(), target));
	}

	/**
	 * What the health indicator and the gauge read, cached; a listener, so that a run
	 * drops the cache.
	 */
	@Bean
	@ConditionalOnMissingBean
	MigrationStatuses migrationStatuses(ListableBeanFactory beans, MigrationsProperties properties) {
		return new MigrationStatuses(beans, properties);
	}

	/**
	 * Keeps the initializer eager under {@code spring.main.lazy-initialization=true}, so
	 * that the migrations still run before the application is ready.
	 */
	@Bean
	static LazyInitializationExcludeFilter migrationsInitializerLazyInitializationExcludeFilter() {
		return LazyInitializationExcludeFilter.forBeanTypes(MigrationsInitializer.class);
	}

	/**
	 * {@code app.migrations.mode} is not {@code none}.
	 */
	static final class ModeIsNotNoneCondition extends NoneNestedConditions {

		ModeIsNotNoneCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "app.migrations.mode", havingValue = "none")
		private static final class ModeIsNone {

		}

	}

	/**
	 * Something to migrate: a {@code DataSource} bean, JDBC connection details, or
	 * {@code app.migrations.url}.
	 */
	static final class SomethingToMigrateCondition extends AnyNestedCondition {

		SomethingToMigrateCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("app.migrations.url")
		private static final class MigrationsUrlCondition {

		}

	}

}
