package io.github.migrations.core.lint;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the statements of one revision so far have set up for the statements after them,
 * in its session and its transaction: whether a {@code lock_timeout} is in force, whether
 * the time zone is UTC, and which constraints it added {@code NOT VALID} (their lock is
 * held until the transaction ends).
 */
final class RevisionSession {

	private final boolean transactional;

	private boolean lockTimeout;

	private boolean utc;

	/** The constraints this revision added {@code NOT VALID}, by name. */
	private final Set<String> addedNotValid = new HashSet<>();

	/**
	 * A session at the start of a revision.
	 * @param transactional whether the revision runs in one transaction
	 * @param lockTimeout whether a {@code lock_timeout} is in force before its first
	 * statement (from its header or the migrator)
	 */
	RevisionSession(boolean transactional, boolean lockTimeout) {
		this.transactional = transactional;
		this.lockTimeout = lockTimeout;
	}

	/**
	 * Records what a statement changes: {@code SET} or {@code RESET} of
	 * {@code lock_timeout} or the time zone, a constraint added {@code NOT VALID}.
	 */
	void apply(Shape shape) {
		if (shape.verb == Shape.Verb.SET) {
			set(shape);
		}
		else if (shape.verb == Shape.Verb.ALTER_TABLE) {
			for (Action action : shape.actions) {
				if (action instanceof Action.AddConstraint constraint && constraint.notValid()
						&& constraint.name() != null) {
					this.addedNotValid.add(SchemaModel.key(constraint.name()));
				}
			}
		}
	}

	/**
	 * {@code SET}, {@code SET LOCAL} (which does nothing outside a transaction block),
	 * {@code RESET} and {@code RESET ALL} (back to the server's default: no
	 * {@code lock_timeout}, and a time zone not known to be UTC).
	 */
	private void set(Shape shape) {
		if (shape.local && !this.transactional) {
			return;
		}
		boolean all = shape.setting.equals("all") && shape.value == null;
		if (all || shape.setting.equals("lock_timeout")) {
			this.lockTimeout = isSet(shape.value);
		}
		if (all || shape.setting.equals("timezone")) {
			this.utc = Types.isUtc(shape.value);
		}
	}

	boolean lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * Whether the session's time zone is UTC (set by a statement of this revision).
	 */
	boolean utc() {
		return this.utc;
	}

	/**
	 * Whether validating {@code constraint} scans under a lock this revision's
	 * transaction already holds: it added the constraint {@code NOT VALID} itself.
	 */
	boolean validatesUnderItsOwnLock(String constraint) {
		return this.transactional && this.addedNotValid.contains(SchemaModel.key(constraint));
	}

	/**
	 * Whether a {@code lock_timeout} value sets a timeout ({@code 0} turns it off).
	 */
	static boolean isSet(@Nullable String timeout) {
		return timeout != null && !timeout.strip().matches("0+\\s*[a-z]*");
	}

}
