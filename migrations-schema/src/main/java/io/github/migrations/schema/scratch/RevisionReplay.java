package io.github.migrations.schema.scratch;

import java.util.List;
import java.util.Locale;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;

/**
 * Builds on a scratch database the schema that revisions produce, by running them with
 * the real engine: every head, or exactly the revisions a live database has applied. The
 * scratch run uses the migrator's settings, revisions and placeholders, but never a
 * baseline: what a live database was stamped with, the scratch database runs.
 */
public final class RevisionReplay {

	private RevisionReplay() {
	}

	/**
	 * Upgrades the scratch database to every head of the migrator's revisions.
	 */
	public static void toHeads(Migrator migrator, ScratchDatabase scratch) {
		on(migrator, scratch).upgrade(Target.heads());
	}

	/**
	 * Applies to the scratch database exactly the revisions that the migrator's database
	 * has applied.
	 * @throws MigrationException when an applied revision has no file, or was
	 * interrupted, so that its schema cannot be replayed
	 */
	public static void appliedRevisions(Migrator migrator, ScratchDatabase scratch) {
		RevisionGraph graph = migrator.graph();
		List<AppliedRevision> applied = migrator.appliedRevisions();
		for (AppliedRevision row : applied) {
			if (row.state() != AppliedState.APPLIED) {
				throw new MigrationException(
						"Revision '%s' did not finish (%s), so the schema its applied revisions produce is not known"
							.formatted(row.revision(), row.state().name().toLowerCase(Locale.ROOT)),
						"Finish or undo it first, then run 'migrations repair' or upgrade again.");
			}
			if (!RevisionId.isValid(row.revision()) || graph.find(RevisionId.of(row.revision())) == null) {
				throw new MigrationException(
						"The database has revision '%s', which no revision file declares, so its schema cannot be replayed"
							.formatted(row.revision()),
						"Run this with the revision files that applied it (the newer build's).");
			}
		}
		Migrator replay = on(migrator, scratch);
		for (String current : migrator.current()) {
			replay.upgrade(new Target.Named(current));
		}
	}

	private static Migrator on(Migrator migrator, ScratchDatabase scratch) {
		MigratorSettings settings = migrator.settings().toBuilder().baseline(null).adoptAlembicVersion(false).build();
		return migrator.on(scratch.dataSource(), settings);
	}

}
