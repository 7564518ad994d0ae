package io.github.migrations.autoconfigure;

import io.github.migrations.core.Migrator;

/**
 * Changes the auto-configured {@link Migrator} before it is built, for example to add
 * Java revisions or a listener. Beans of this type are applied in {@code @Order}.
 */
@FunctionalInterface
public interface MigratorCustomizer {

	void customize(Migrator.Builder builder);

}
