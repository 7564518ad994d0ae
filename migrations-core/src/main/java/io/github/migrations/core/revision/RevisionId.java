package io.github.migrations.core.revision;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A revision identifier: letters, digits and underscores, as Alembic accepts them
 * ({@code 004}, {@code 001_initial}, {@code 7c41e0a9b2d3}).
 */
public record RevisionId(String value) implements Comparable<RevisionId> {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]+");

	private static final SecureRandom RANDOM = new SecureRandom();

	public RevisionId {
		if (!isValid(value)) {
			throw new IllegalArgumentException("'" + value
					+ "' is not a valid revision id: use letters, digits and '_' only (for example '7c41e0a9b2d3')");
		}
	}

	public static RevisionId of(String value) {
		return new RevisionId(value);
	}

	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches() && !isReserved(value);
	}

	/**
	 * Words that name targets rather than revisions, so a revision may not take them.
	 */
	public static boolean isReserved(String value) {
		return switch (value) {
			case "head", "heads", "base" -> true;
			default -> false;
		};
	}

	/**
	 * A new random id of 12 hex characters, as Alembic generates them.
	 */
	public static RevisionId generate() {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		return new RevisionId(HexFormat.of().formatHex(bytes));
	}

	@Override
	public int compareTo(RevisionId other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
