package io.github.migrations.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link MigrationsInitializer} beans initialize the database, so
 * that beans that use the database (JdbcTemplate, JdbcClient, JPA, jOOQ and
 * {@code @DependsOnDatabaseInitialization} beans) are created after the migrations ran.
 */
final class MigrationsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/**
	 * After the {@code Migrator} beans' batch.
	 */
	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class);
	}

}
