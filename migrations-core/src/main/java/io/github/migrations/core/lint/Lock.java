package io.github.migrations.core.lint;

import java.util.Locale;

/**
 * PostgreSQL's table lock modes, weakest first, with what each one blocks.
 */
public enum Lock {

	ACCESS_SHARE("only ACCESS EXCLUSIVE locks (a DROP or ALTER TABLE queued behind it)"),

	ROW_SHARE("EXCLUSIVE and ACCESS EXCLUSIVE locks"),

	ROW_EXCLUSIVE("index builds without CONCURRENTLY and stronger DDL"),

	SHARE_UPDATE_EXCLUSIVE("other DDL and VACUUM on the table; reads and writes go on"),

	SHARE("writes (INSERT, UPDATE, DELETE); reads go on"),

	SHARE_ROW_EXCLUSIVE("writes (INSERT, UPDATE, DELETE) and other DDL; reads go on"),

	EXCLUSIVE("writes and SELECT ... FOR UPDATE; plain reads go on"),

	ACCESS_EXCLUSIVE("every read and write");

	private final String blocks;

	Lock(String blocks) {
		this.blocks = blocks;
	}

	/**
	 * What the lock blocks while it is held, and while it waits in the queue.
	 */
	public String blocks() {
		return this.blocks;
	}

	/**
	 * Whether it blocks writes: a statement waiting for it stalls the application.
	 */
	public boolean isStrong() {
		return compareTo(SHARE) >= 0;
	}

	/**
	 * As PostgreSQL spells it: {@code ACCESS EXCLUSIVE}.
	 */
	public String sql() {
		return name().replace('_', ' ');
	}

	/**
	 * Whether a session asking for this lock waits while another holds {@code held}
	 * (PostgreSQL's table of conflicting lock modes; it is symmetric).
	 */
	public boolean conflictsWith(Lock held) {
		int weaker = Math.min(ordinal(), held.ordinal());
		int stronger = Math.max(ordinal(), held.ordinal());
		return switch (values()[weaker]) {
			case ACCESS_SHARE -> stronger == ACCESS_EXCLUSIVE.ordinal();
			case ROW_SHARE -> stronger >= EXCLUSIVE.ordinal();
			case ROW_EXCLUSIVE -> stronger >= SHARE.ordinal();
			case SHARE -> stronger > SHARE.ordinal();
			default -> true;
		};
	}

	/**
	 * The mode as {@code pg_locks} spells it: {@code AccessShareLock}.
	 */
	public String pgLocksMode() {
		StringBuilder mode = new StringBuilder();
		for (String word : name().split("_")) {
			mode.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
		}
		return mode.append("Lock").toString();
	}

	/**
	 * The stronger of two locks.
	 */
	static Lock max(Lock a, Lock b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
