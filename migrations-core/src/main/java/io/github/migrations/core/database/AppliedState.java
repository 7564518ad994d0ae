package io.github.migrations.core.database;

/**
 * The state of a row of the applied set.
 */
public enum AppliedState {

	/** The revision is applied. */
	APPLIED,

	/**
	 * A non-transactional revision was being upgraded and did not finish: its statements
	 * may have run in part.
	 */
	UPGRADING,

	/**
	 * A non-transactional revision was being downgraded and did not finish.
	 */
	DOWNGRADING

}
