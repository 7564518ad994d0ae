package io.github.migrations.core.api;

/**
 * How revisions are grouped into transactions.
 */
public enum TransactionMode {

	/**
	 * Each revision runs in its own transaction together with its version-store writes
	 * (the default): a failure keeps the revisions before it.
	 */
	PER_REVISION,

	/**
	 * The whole run is one transaction: all revisions are applied, or none.
	 */
	ALL

}
