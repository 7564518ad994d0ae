package io.github.migrations.core.api;

import org.jspecify.annotations.Nullable;

/**
 * Base of every error the engine reports. The message always says what went wrong, where,
 * and what to do; {@link #hint()} holds the last part on its own for front ends that
 * print it apart.
 */
public class MigrationException extends RuntimeException {

	private final @Nullable String hint;

	public MigrationException(String message, @Nullable String hint) {
		super(message);
		this.hint = hint;
	}

	public MigrationException(String message, @Nullable String hint, @Nullable Throwable cause) {
		super(message, cause);
		this.hint = hint;
	}

	/**
	 * An exception whose message is the problem followed by the hint.
	 */
	public static MigrationException of(String problem, String hint) {
		return new MigrationException(problem + " " + hint, hint);
	}

	/**
	 * An exception whose message is the problem followed by the hint, with its cause.
	 */
	public static MigrationException of(String problem, String hint, Throwable cause) {
		return new MigrationException(problem + " " + hint, hint, cause);
	}

	/**
	 * What to do about the problem, or {@code null} when the message says it all.
	 */
	public @Nullable String hint() {
		return this.hint;
	}

	/**
	 * The revision concerned, or {@code null} when the problem is not about one revision.
	 */
	public @Nullable String revision() {
		return null;
	}

}
