package io.github.migrations.schema.scratch;

import java.util.List;

import io.github.migrations.core.Migrator;
import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.DiffOptions;
import io.github.migrations.schema.SchemaChanges;
import io.github.migrations.schema.SchemaDiffer;
import io.github.migrations.schema.SchemaFilter;

/**
 * What was changed in a database out of band: its schema compared with the schema its
 * applied revisions produce, replayed on a scratch database. The changes are those that
 * bring the database back to what its revisions produce (from the live schema to the
 * replayed one).
 */
public final class Drift {

	private Drift() {
	}

	/**
	 * The changes that turn the migrator's database into what its applied revisions
	 * produce; empty when nothing drifted. The version store is never part of them, nor
	 * the ignored objects.
	 * @param ignored objects the revisions do not manage, as
	 * {@link SchemaFilter#withIgnored(List)} takes them
	 */
	public static SchemaChanges of(Migrator migrator, ScratchServer server, List<String> ignored) {
		SchemaFilter filter = SchemaFilter.allSchemas()
			.withTablePrefix(migrator.settings().tablePrefix())
			.withAlembicVersionTable(migrator.settings().alembicVersionTable())
			.withIgnored(ignored);
		DatabaseSchema live = Schemas.read(migrator.dataSource(), filter, "the database");
		try (ScratchDatabase scratch = server.create()) {
			RevisionReplay.appliedRevisions(migrator, scratch);
			DatabaseSchema replayed = Schemas.read(scratch.dataSource(), filter, "the scratch database");
			return SchemaDiffer.diff(live, replayed, DiffOptions.defaults());
		}
	}

}
