package io.github.migrations.core.revision;

import io.github.migrations.core.api.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * The revisions do not form a valid graph: a duplicate id, a missing parent, a cycle, a
 * branch label used twice. Found before any SQL runs.
 */
public final class RevisionGraphException extends MigrationException {

	private final @Nullable String revision;

	public RevisionGraphException(String message, String hint, @Nullable String revision) {
		super(message + " " + hint, hint);
		this.revision = revision;
	}

	@Override
	public @Nullable String revision() {
		return this.revision;
	}

}
