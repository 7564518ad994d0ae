package io.github.migrations.autoconfigure;

import io.github.migrations.core.script.RevisionIndex;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Native-image resources for the default location, {@code classpath:db/revisions}: its
 * revision files and its revision index. The files of the locations an application
 * configures are registered one by one by {@link RevisionIndexAotProcessor}.
 */
final class MigrationsRuntimeHints implements RuntimeHintsRegistrar {

	static final String DEFAULT_FOLDER = "db/revisions";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(DEFAULT_FOLDER + "/**");
		hints.resources().registerPattern(RevisionIndex.resourceName(DEFAULT_FOLDER));
	}

}
