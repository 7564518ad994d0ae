package io.github.migrations.core.api;

import org.jspecify.annotations.Nullable;

/**
 * Base of every error the engine reports, with what went wrong, where and what to do as
 * fields, so that front ends print them apart and never parse the message. Subclasses
 * only say which kind of failure it is.
 * <p>
 * Hints speak the engine's words ("raise the lock wait timeout"); when a setting can fix
 * the problem, {@link #setting()} names it as the engine knows it
 * ({@code lock-wait-timeout}), and each front end adds its own spelling (a property, a
 * command-line option).
 */
public class MigrationException extends RuntimeException {

	private final String problem;

	private final @Nullable String hint;

	private final @Nullable String revision;

	private final @Nullable ScriptLocation location;

	private final @Nullable String setting;

	public MigrationException(String problem, @Nullable String hint) {
		this(problem, hint, null, null, null, null);
	}

	public MigrationException(String problem, @Nullable String hint, @Nullable Throwable cause) {
		this(problem, hint, null, null, null, cause);
	}

	/**
	 * @param problem what went wrong
	 * @param hint what to do, or {@code null} when the problem says it all
	 * @param revision the revision concerned, if one is
	 * @param location the file (and line) concerned, if one is
	 * @param setting the setting that can fix it, as the engine names it
	 * ({@code lock-wait-timeout}, {@code placeholders.table}), if one can
	 * @param cause the underlying error
	 */
	public MigrationException(String problem, @Nullable String hint, @Nullable String revision,
			@Nullable ScriptLocation location, @Nullable String setting, @Nullable Throwable cause) {
		super(message(problem, hint, location, setting), cause);
		this.problem = problem;
		this.hint = hint;
		this.revision = revision;
		this.location = location;
		this.setting = setting;
	}

	/**
	 * An exception with a problem and a hint.
	 */
	public static MigrationException of(String problem, String hint) {
		return new MigrationException(problem, hint);
	}

	/**
	 * An exception with a problem, a hint and its cause.
	 */
	public static MigrationException of(String problem, String hint, Throwable cause) {
		return new MigrationException(problem, hint, cause);
	}

	/**
	 * An exception that a setting can fix.
	 */
	public static MigrationException aboutSetting(String problem, String hint, String setting) {
		return new MigrationException(problem, hint, null, null, setting, null);
	}

	private static String message(String problem, @Nullable String hint, @Nullable ScriptLocation location,
			@Nullable String setting) {
		StringBuilder message = new StringBuilder();
		if (location != null) {
			message.append(location).append(": ");
		}
		message.append(problem);
		if (!problem.endsWith(".") && !problem.endsWith(":")) {
			message.append('.');
		}
		if (hint != null) {
			message.append(' ').append(hint);
		}
		if (setting != null) {
			message.append(" (setting '").append(setting).append("')");
		}
		return message.toString();
	}

	/**
	 * What went wrong, without where or what to do.
	 */
	public String problem() {
		return this.problem;
	}

	/**
	 * Where and what: the {@code file:line} (when there is one) and the problem.
	 */
	public String description() {
		return (this.location != null) ? this.location + ": " + this.problem : this.problem;
	}

	/**
	 * What to do about the problem, or {@code null} when the problem says it all.
	 */
	public @Nullable String hint() {
		return this.hint;
	}

	/**
	 * The revision concerned, or {@code null} when the problem is not about one revision.
	 */
	public @Nullable String revision() {
		return this.revision;
	}

	/**
	 * The file (and line) concerned, or {@code null} when the problem is not in a file.
	 */
	public @Nullable ScriptLocation location() {
		return this.location;
	}

	/**
	 * The setting that can fix the problem, as the engine names it (for example
	 * {@code lock-wait-timeout}), or {@code null}.
	 */
	public @Nullable String setting() {
		return this.setting;
	}

}
