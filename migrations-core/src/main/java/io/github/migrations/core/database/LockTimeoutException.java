package io.github.migrations.core.database;

import io.github.migrations.core.api.MigrationException;

/**
 * Another instance held the migration lock for longer than the configured wait.
 */
public final class LockTimeoutException extends MigrationException {

	public LockTimeoutException(String problem, String hint) {
		super(problem, hint, null, null, "lock-wait-timeout", null);
	}

}
