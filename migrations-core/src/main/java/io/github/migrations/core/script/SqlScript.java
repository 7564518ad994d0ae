package io.github.migrations.core.script;

import java.util.List;

import io.github.migrations.core.revision.Revision;
import org.jspecify.annotations.Nullable;

/**
 * A parsed revision file.
 *
 * @param revision the header
 * @param source the file, relative to its location (for example {@code db/revisions/a1_init.sql})
 * @param upgrade the statements of the {@code -- +upgrade} section
 * @param downgrade the statements of the {@code -- +downgrade} section, or {@code null} when the
 * file has no such section (the revision cannot be downgraded)
 * @param checksum SHA-256 (hex) of the normalised file
 * @param transactional {@code false} when the header says {@code transactional: false}
 * @param lockTimeout the header's {@code lock_timeout}, as PostgreSQL spells it, or {@code null}
 * @param statementTimeout the header's {@code statement_timeout}, or {@code null}
 */
public record SqlScript(Revision revision, String source, List<SqlStatement> upgrade,
		@Nullable List<SqlStatement> downgrade, String checksum, boolean transactional,
		@Nullable String lockTimeout, @Nullable String statementTimeout) implements Script {

	public SqlScript {
		upgrade = List.copyOf(upgrade);
		downgrade = (downgrade != null) ? List.copyOf(downgrade) : null;
	}

}
