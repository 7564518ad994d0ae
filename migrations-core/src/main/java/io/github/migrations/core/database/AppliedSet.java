package io.github.migrations.core.database;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The applied set as one statement read it, with the server's digest of those same rows.
 *
 * @param revisions the rows, oldest first
 * @param digest the SHA-256 of the rows' revision, parents, checksum and state, computed
 * by the server; {@code null} when no revision is applied
 */
public record AppliedSet(List<AppliedRevision> revisions, @Nullable String digest) {

	public AppliedSet {
		revisions = List.copyOf(revisions);
	}

}
