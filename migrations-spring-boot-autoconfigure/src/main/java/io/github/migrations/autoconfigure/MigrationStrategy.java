package io.github.migrations.autoconfigure;

import io.github.migrations.core.Migrator;

/**
 * What to do with the {@link Migrator} on startup. A bean of this type replaces the
 * default, which upgrades to {@code app.migrations.target} (or only validates, with
 * {@code app.migrations.mode=validate}).
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Runs the startup migration; an exception fails startup.
	 * @param migrator the migrator built from the {@code app.migrations.*} properties
	 */
	void migrate(Migrator migrator);

}
