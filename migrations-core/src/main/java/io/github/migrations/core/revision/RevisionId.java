package io.github.migrations.core.revision;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A revision identifier: letters, digits and underscores, as Alembic accepts them
 * ({@code 004}, {@code 001_initial}, {@code 7c41e0a9b2d3}), at most {@value #MAX_LENGTH}
 * characters.
 */
public record RevisionId(String value) implements Comparable<RevisionId> {

	/**
	 * The longest id: ids are the version store's keys and appear in every message.
	 */
	public static final int MAX_LENGTH = 64;

	public RevisionId {
		if (value != null && value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException(
					"'%s...' is not a valid revision id: it is %d characters long, and an id "
						.formatted(value.substring(0, 16), value.length()) + "has at most " + MAX_LENGTH
							+ " (it is the version store's key)");
		}
		if (!isValid(value)) {
			throw new IllegalArgumentException("'" + value
					+ "' is not a valid revision id: use letters, digits and '_' only (for example '7c41e0a9b2d3')");
		}
	}

	public static RevisionId of(String value) {
		return new RevisionId(value);
	}

	public static boolean isValid(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || isReserved(value)) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Words that name targets rather than revisions ({@code current} too, which Alembic's
	 * commands read as where the database stands), so a revision may not take them.
	 */
	public static boolean isReserved(String value) {
		return switch (value) {
			case "head", "heads", "base", "current" -> true;
			default -> false;
		};
	}

	/**
	 * A new random id of 12 hex characters, as Alembic generates them.
	 */
	public static RevisionId generate() {
		byte[] bytes = new byte[6];
		Random.INSTANCE.nextBytes(bytes);
		return new RevisionId(HexFormat.of().formatHex(bytes));
	}

	/**
	 * Written out rather than left to the record: ids are the keys of every map of the
	 * graph and the planner, and a record's generated {@code equals} and {@code hashCode}
	 * run through method handles, slow in a JVM that has just started.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof RevisionId id && this.value.equals(id.value));
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public int compareTo(RevisionId other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

	/**
	 * Made on first use: seeding a {@link SecureRandom} costs time that only
	 * {@code revision -m} needs.
	 */
	private static final class Random {

		static final SecureRandom INSTANCE = new SecureRandom();

	}

}
