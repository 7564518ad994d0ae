package io.github.migrations.autoconfigure.endpoint;

/**
 * Where a database stands against the application's revisions.
 */
public enum MigrationState {

	/**
	 * The database is at the target and has no revision the application does not know.
	 */
	UP_TO_DATE,

	/**
	 * Revisions up to the target are not applied yet.
	 */
	PENDING,

	/**
	 * Another session holds the migration lock and is running a revision outside a
	 * transaction ({@code transactional: false}) right now: marked as upgrading or
	 * downgrading, it is in progress, not interrupted.
	 */
	MIGRATING,

	/**
	 * The database has applied revisions that no revision file of the application
	 * declares, as after rolling back to an older build.
	 */
	AHEAD,

	/**
	 * Validation fails (a changed file, an interrupted revision, a broken script, an
	 * unreachable database), or the last attempt to apply a pending revision failed.
	 */
	FAILED,

	/**
	 * {@code app.migrations.mode} is {@code none}: nothing runs on startup.
	 */
	DISABLED

}
