package io.github.migrations.core.api;

/**
 * What to do when the database has applied revisions that no script declares, as after
 * rolling a deployment back to an older version of the application.
 */
public enum UnknownRevisionPolicy {

	/** Log a warning and leave them alone (the default). */
	WARN,

	/** Fail before running anything. */
	FAIL

}
