package io.github.migrations.core.script;

import io.github.migrations.core.revision.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A revision together with the work it does: a parsed SQL file ({@link SqlScript}) or a
 * Java class ({@link JavaRevisionScript}). Both join the same revision graph.
 */
public sealed interface Script permits SqlScript, JavaRevisionScript {

	Revision revision();

	/**
	 * The file or class the revision comes from, as shown in messages.
	 */
	String source();

	/**
	 * A SHA-256 of the normalised file, or {@code null} when the revision has none (a
	 * Java revision that does not declare one).
	 */
	@Nullable String checksum();

	/**
	 * Whether the revision runs inside a transaction (the default);
	 * {@code transactional: false} is for statements such as
	 * {@code CREATE INDEX CONCURRENTLY}.
	 */
	boolean transactional();

}
