package io.github.migrations.core.run;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.ScriptLocation;
import org.jspecify.annotations.Nullable;

/**
 * A revision's SQL (or Java code) failed on the server. Says which revision, the
 * {@code file:line} of the statement, the SQLSTATE and the server's message, and what
 * became of the database.
 */
public final class MigrationFailedException extends MigrationException {

	private final String revision;

	private final ScriptLocation location;

	private final @Nullable String sqlState;

	public MigrationFailedException(String message, String hint, String revision, ScriptLocation location,
			@Nullable String sqlState, @Nullable Throwable cause) {
		super(message + " " + hint, hint, cause);
		this.revision = revision;
		this.location = location;
		this.sqlState = sqlState;
	}

	@Override
	public String revision() {
		return this.revision;
	}

	public ScriptLocation location() {
		return this.location;
	}

	/**
	 * The SQLSTATE the server reported, or {@code null} (for example for a Java
	 * revision's own exception).
	 */
	public @Nullable String sqlState() {
		return this.sqlState;
	}

}
