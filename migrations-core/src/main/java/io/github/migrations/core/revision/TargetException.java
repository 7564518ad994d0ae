package io.github.migrations.core.revision;

import io.github.migrations.core.api.MigrationException;

/**
 * A target that cannot be parsed or does not name exactly what it must: an unknown
 * revision, an ambiguous prefix, {@code head} with several heads, a relative step that
 * runs off the graph.
 */
public final class TargetException extends MigrationException {

	public TargetException(String problem, String hint) {
		super(problem, hint);
	}

	/**
	 * A target read from a setting ({@code baseline}), which the setting must fix.
	 */
	public TargetException(String problem, String hint, String setting) {
		super(problem, hint, null, null, setting, null);
	}

}
