package io.github.migrations.core.api;

/**
 * Which way a step moves the database.
 */
public enum Direction {

	UPGRADE, DOWNGRADE;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
