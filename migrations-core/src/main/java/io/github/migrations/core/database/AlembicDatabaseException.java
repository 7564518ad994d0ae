package io.github.migrations.core.database;

import io.github.migrations.core.api.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * The database was migrated by Alembic, and its {@code alembic_version} table and the
 * version store disagree about how to go on: the store has recorded nothing yet, or the
 * revisions Alembic recorded cannot be adopted as they are.
 */
public final class AlembicDatabaseException extends MigrationException {

	public AlembicDatabaseException(String problem, String hint, @Nullable String setting) {
		super(problem, hint, null, null, setting, null);
	}

}
