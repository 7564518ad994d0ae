package io.github.migrations.core.revision;

import io.github.migrations.core.api.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * The revisions do not form a valid graph: a duplicate id, a missing parent, a cycle, a
 * branch label used twice. Found before any SQL runs.
 */
public final class RevisionGraphException extends MigrationException {

	public RevisionGraphException(String problem, String hint, @Nullable String revision) {
		super(problem, hint, revision, null, null, null);
	}

}
