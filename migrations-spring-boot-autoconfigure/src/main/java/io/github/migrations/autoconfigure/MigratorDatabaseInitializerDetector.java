package io.github.migrations.autoconfigure;

import java.util.Set;

import io.github.migrations.core.Migrator;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link Migrator} beans initialize the database, so that beans
 * that use the database wait for them.
 */
final class MigratorDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(Migrator.class);
	}

}
