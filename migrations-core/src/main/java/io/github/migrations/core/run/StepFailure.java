package io.github.migrations.core.run;

import io.github.migrations.core.script.ScriptLocation;

/**
 * A step failed at a location; carries the cause up to where the outcome is known and the
 * error can be told.
 */
final class StepFailure extends RuntimeException {

	private final ScriptLocation location;

	StepFailure(ScriptLocation location, Throwable cause) {
		super(cause);
		this.location = location;
	}

	ScriptLocation location() {
		return this.location;
	}

}
