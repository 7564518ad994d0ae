package io.github.migrations.core.database;

import io.github.migrations.core.api.MigrationException;

/**
 * Another instance held the migration lock for longer than the configured wait.
 */
public final class LockTimeoutException extends MigrationException {

	public LockTimeoutException(String message, String hint) {
		super(message + " " + hint, hint);
	}

}
