package io.github.migrations.core.script;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.ScriptLocation;

/**
 * A revision file that cannot be read or parsed; the message starts with its
 * {@code file:line}.
 */
public final class ScriptException extends MigrationException {

	private final ScriptLocation location;

	public ScriptException(ScriptLocation location, String problem, String hint) {
		super("%s: %s. %s".formatted(location, problem, hint), hint);
		this.location = location;
	}

	public ScriptException(ScriptLocation location, String problem, String hint, Throwable cause) {
		super("%s: %s. %s".formatted(location, problem, hint), hint, cause);
		this.location = location;
	}

	public ScriptLocation location() {
		return this.location;
	}

}
