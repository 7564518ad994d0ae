package io.github.migrations.core.script;

import java.util.Objects;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.ScriptLocation;

/**
 * A revision file that cannot be read or parsed; the message starts with its
 * {@code file:line}.
 */
public final class ScriptException extends MigrationException {

	public ScriptException(ScriptLocation location, String problem, String hint) {
		super(problem, hint, null, location, null, null);
	}

	public ScriptException(ScriptLocation location, String problem, String hint, Throwable cause) {
		super(problem, hint, null, location, null, cause);
	}

	/**
	 * An error that a setting can fix, such as a placeholder without a value.
	 */
	public ScriptException(ScriptLocation location, String problem, String hint, String setting) {
		super(problem, hint, null, location, setting, null);
	}

	@Override
	public ScriptLocation location() {
		return Objects.requireNonNull(super.location());
	}

}
