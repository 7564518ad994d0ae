package io.github.migrations.core;

import java.util.List;

import io.github.migrations.core.revision.RevisionId;

/**
 * What adopting a database that Alembic migrated recorded.
 *
 * @param table Alembic's version table that was read, by its qualified name as the
 * catalog spells it ({@code public.alembic_version}), as the engine's messages name it
 * @param heads the revisions the database is now recorded at, as the table holds them
 */
public record AdoptedAlembicVersion(String table, List<RevisionId> heads) {

	public AdoptedAlembicVersion {
		heads = List.copyOf(heads);
	}

}
