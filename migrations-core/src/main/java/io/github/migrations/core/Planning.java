package io.github.migrations.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.history.AppliedRevision;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.plan.Planner;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.script.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run may do given the catalog and the recorded history: validation, the plan, and
 * the refusals that come before any statement (a downgrade under an unknown revision or
 * through an irreversible one).
 */
final class Planning {

	// the migrator's category, where operators look for what a run did
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private Planning() {
	}

	static MigrationPlan plan(MigratorSettings settings, Catalog catalog, List<AppliedRevision> applied,
			Direction direction, Target target) {
		Set<RevisionId> known = knownApplied(catalog, applied);
		Planner planner = new Planner(catalog.graph(), catalog.scripts());
		if (direction == Direction.UPGRADE) {
			return planner.upgrade(known, target);
		}
		MigrationPlan plan = planner.downgrade(known, target);
		refuseDowngradeUnderUnknown(catalog, applied, plan);
		refuseIrreversible(plan);
		return plan;
	}

	static void validate(MigratorSettings settings, Catalog catalog, List<AppliedRevision> applied) {
		List<HistoryMismatchException.Problem> problems = new HistoryValidator(settings).problems(catalog, applied);
		if (!problems.isEmpty()) {
			throw new HistoryMismatchException(problems);
		}
	}

	static void warnAboutUnknown(Catalog catalog, List<AppliedRevision> applied) {
		for (AppliedRevision row : applied) {
			if (!isKnown(catalog, row.revision())) {
				logger.warn(
						"The database has revision '{}' applied (on {} by '{}'), but no script declares it; leaving it "
								+ "alone. This happens when an older build runs against a newer database.",
						row.revision(), row.appliedAt().toLocalDate(), row.appliedBy());
			}
		}
	}

	static boolean isKnown(Catalog catalog, String revision) {
		return RevisionId.isValid(revision) && catalog.graph().contains(RevisionId.of(revision));
	}

	static Set<RevisionId> knownApplied(Catalog catalog, List<AppliedRevision> applied) {
		Set<RevisionId> known = new HashSet<>();
		for (AppliedRevision row : applied) {
			if (isKnown(catalog, row.revision())) {
				known.add(RevisionId.of(row.revision()));
			}
		}
		return known;
	}

	static void refuseDowngradeUnderUnknown(Catalog catalog, List<AppliedRevision> applied, MigrationPlan plan) {
		Set<String> removed = new HashSet<>();
		plan.revisions().forEach((id) -> removed.add(id.value()));
		for (AppliedRevision row : applied) {
			if (!isKnown(catalog, row.revision())) {
				for (String parent : row.downRevisions()) {
					if (removed.contains(parent)) {
						throw MigrationException.of(
								("Cannot downgrade revision '%s': the database has revision '%s' on top "
										+ "of it, which no script declares.")
									.formatted(parent, row.revision()),
								"Downgrade with the build that has revision '%s' first.".formatted(row.revision()));
					}
				}
			}
		}
	}

	static void refuseIrreversible(MigrationPlan plan) {
		for (MigrationStep step : plan.steps()) {
			if (step.script() instanceof SqlScript sql && !sql.hasDowngrade()) {
				throw MigrationException.of(
						("Revision '%s' (%s) cannot be downgraded: the file has no '-- +downgrade' "
								+ "section. Nothing was changed.")
							.formatted(step.revision().id(), sql.source()),
						"Add a '-- +downgrade' section that undoes it (leave it empty if there is nothing to undo).");
			}
		}
	}

}
