package io.github.migrations.autoconfigure;

import io.github.migrations.core.Migrator;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the {@link MigrationStrategy} when the bean is initialized. Beans that use the
 * database are created after it, because {@code DatabaseInitializerDetector}s registered
 * for this type make them depend on it; it is never initialized lazily.
 */
public final class MigrationsInitializer implements InitializingBean {

	private final Migrator migrator;

	private final MigrationStrategy strategy;

	public MigrationsInitializer(Migrator migrator, MigrationStrategy strategy) {
		this.migrator = migrator;
		this.strategy = strategy;
	}

	@Override
	public void afterPropertiesSet() {
		this.strategy.migrate(this.migrator);
	}

	public Migrator migrator() {
		return this.migrator;
	}

}
