package io.github.migrations.core.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetResolver;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.Placeholders;
import io.github.migrations.core.script.ScriptException;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.SqlStatement;
import io.github.migrations.core.script.StatementClassifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run may do given the catalog and the recorded history: validation, the plan, and
 * the refusals that come before any statement (a downgrade under an unknown revision or
 * through an irreversible one).
 */
public final class Planning {

	// the migrator's category, where operators look for what a run did
	private static final Logger logger = LoggerFactory.getLogger("io.github.migrations.core.Migrator");

	private Planning() {
	}

	/**
	 * How a run plans, given the files and the applied set.
	 */
	@FunctionalInterface
	public interface Strategy {

		MigrationPlan plan(Catalog catalog, List<AppliedRevision> applied);

	}

	public static MigrationPlan plan(Catalog catalog, List<AppliedRevision> applied, Direction direction,
			Target target) {
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

	/**
	 * The downgrade of exactly one applied revision that no applied revision builds on.
	 */
	public static MigrationPlan revert(Catalog catalog, List<AppliedRevision> applied, String revision) {
		MigrationPlan plan = new Planner(catalog.graph(), catalog.scripts()).revert(knownApplied(catalog, applied),
				new TargetResolver(catalog.graph(), Set.of()).revision(revision));
		refuseDowngradeUnderUnknown(catalog, applied, plan);
		refuseIrreversible(plan);
		return plan;
	}

	/**
	 * The empty plan when the committed history is valid and nothing needs to run,
	 * decided without the lock: what another instance is applying is not committed, so it
	 * shows as pending and sends the run to the locked path, which waits and looks again.
	 * Anything else (work to do, a problem, a baseline to stamp) returns {@code null} for
	 * the locked path.
	 */
	public static @Nullable MigrationPlan nothingToDo(MigratorSettings settings, Catalog catalog,
			List<AppliedRevision> applied, Strategy strategy) {
		if (applied.isEmpty() && settings.baseline() != null) {
			return null;
		}
		try {
			validate(settings, catalog, applied);
			MigrationPlan plan = strategy.plan(catalog, applied);
			if (!plan.isEmpty()) {
				return null;
			}
			warnAboutUnknown(catalog, applied);
			return plan;
		}
		catch (MigrationException ex) {
			return null;
		}
	}

	/**
	 * Checks the applied set against the files before anything runs, under the lock: a
	 * revision marked as running is interrupted.
	 * @throws MigrationException when the locations hold no revision at all while the
	 * database has applied ones (a mistyped location), or with every mismatch found
	 */
	public static void validate(MigratorSettings settings, Catalog catalog, List<AppliedRevision> applied) {
		validate(settings, catalog, applied, () -> null);
	}

	/**
	 * Checks the applied set against the files without the lock, for a read: a revision
	 * marked as running while another session holds the migration lock is reported in
	 * progress ({@link HistoryMismatchException#inProgress()}), not interrupted.
	 * @param lockHolder who holds the migration lock in another session, or {@code null};
	 * asked only when a revision is marked as running
	 * @throws MigrationException as {@link #validate(MigratorSettings, Catalog, List)}
	 */
	public static void validate(MigratorSettings settings, Catalog catalog, List<AppliedRevision> applied,
			Supplier<@Nullable String> lockHolder) {
		refuseEmptyLocations(settings, catalog, applied);
		List<HistoryMismatchException.Problem> problems = new HistoryValidator(settings).problems(catalog, applied,
				lockHolder);
		if (!problems.isEmpty()) {
			throw new HistoryMismatchException(problems);
		}
	}

	/**
	 * Refuses locations that hold no revision at all while the database has applied ones:
	 * a mistyped location, which would otherwise show an up-to-date database.
	 */
	public static void refuseEmptyLocations(MigratorSettings settings, Catalog catalog, List<AppliedRevision> applied) {
		if (catalog.scripts().isEmpty() && !applied.isEmpty()) {
			throw MigrationException.aboutSetting(
					"The revision locations (%s) hold no revision, but the database has %d applied (the newest is '%s')."
						.formatted(String.join(", ", settings.locations()), applied.size(),
								applied.get(applied.size() - 1).revision()),
					"Check the locations for a typo; they must hold the files of the applied revisions.", "locations");
		}
	}

	public static void warnAboutUnknown(Catalog catalog, List<AppliedRevision> applied) {
		Set<String> appliedIds = applied.stream().map(AppliedRevision::revision).collect(Collectors.toSet());
		for (AppliedRevision row : applied) {
			if (!isKnown(catalog, row.revision())) {
				logger.warn(
						"The database has revision '{}' applied (on {} by '{}'), but no script declares it; leaving it "
								+ "alone. This happens when an older build runs against a newer database.{}",
						row.revision(), row.appliedAt().toLocalDate(), row.appliedBy(),
						HistoryValidator.renamedTo(catalog, row, appliedIds));
			}
		}
	}

	/**
	 * Where the database stands: the applied revisions that no applied revision builds
	 * on. Known ones are {@code knownHeads}, from the graph (merges and
	 * {@code depends_on} included); an applied revision no script declares (an older
	 * build against a newer database) counts as a tip only when no other applied row
	 * names it as a parent, and hides the known revisions it builds on.
	 * @param knownHeads the heads of the applied revisions that scripts declare
	 */
	public static List<String> current(Catalog catalog, List<AppliedRevision> applied, List<RevisionId> knownHeads) {
		Set<String> parents = new HashSet<>();
		for (AppliedRevision row : applied) {
			if (!isKnown(catalog, row.revision())) {
				parents.addAll(row.downRevisions());
			}
		}
		List<String> current = new ArrayList<>();
		for (RevisionId head : knownHeads) {
			if (!parents.contains(head.value())) {
				current.add(head.value());
			}
		}
		for (AppliedRevision row : applied) {
			if (!isKnown(catalog, row.revision()) && !parents.contains(row.revision())) {
				current.add(row.revision());
			}
		}
		return current;
	}

	public static boolean isKnown(Catalog catalog, String revision) {
		return RevisionId.isValid(revision) && catalog.graph().contains(RevisionId.of(revision));
	}

	public static Set<RevisionId> knownApplied(Catalog catalog, List<AppliedRevision> applied) {
		Set<RevisionId> known = new HashSet<>();
		for (AppliedRevision row : applied) {
			if (isKnown(catalog, row.revision())) {
				known.add(RevisionId.of(row.revision()));
			}
		}
		return known;
	}

	public static void refuseDowngradeUnderUnknown(Catalog catalog, List<AppliedRevision> applied, MigrationPlan plan) {
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

	public static void refuseIrreversible(MigrationPlan plan) {
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

	/**
	 * Everything about the plan's statements that can be checked before the first one
	 * runs: every placeholder has a value, no statement begins or ends a transaction (the
	 * migrator owns the transactions), a transactional revision holds no statement that
	 * PostgreSQL refuses inside a transaction, and transaction mode {@code all} holds no
	 * {@code transactional: false} revision.
	 * @throws ScriptException naming the {@code file:line} of the first statement refused
	 */
	public static void checkStatements(MigratorSettings settings, MigrationPlan plan) {
		Placeholders placeholders = new Placeholders(settings.placeholders());
		for (MigrationStep step : plan.steps()) {
			if (settings.transactionMode() == TransactionMode.ALL && !step.script().transactional()) {
				throw MigrationException.of(
						("Revision '%s' (%s) is 'transactional: false', which cannot run inside the "
								+ "single transaction of transaction mode 'all'.")
							.formatted(step.revision().id(), step.script().source()),
						"Use transaction mode 'per-revision' for this run, or make the revision transactional.");
			}
			if (step.script() instanceof SqlScript script) {
				checkStatements(placeholders, script, step.direction());
			}
		}
	}

	/**
	 * The checks of {@link #checkStatements(MigratorSettings, MigrationPlan)} on one
	 * section of a file.
	 */
	public static void checkStatements(Placeholders placeholders, SqlScript script, Direction direction) {
		for (SqlStatement statement : script.statements(direction)) {
			placeholders.apply(statement, script.source());
			refuseOutsideItsTransaction(script, statement);
		}
	}

	private static void refuseOutsideItsTransaction(SqlScript script, SqlStatement statement) {
		StatementClassifier.refusal(statement).ifPresent((refusal) -> {
			ScriptLocation at = ScriptLocation.at(script.source(), statement.lineOf(refusal.position()));
			if (refusal.kind() == StatementClassifier.Kind.TRANSACTION_CONTROL) {
				throw new ScriptException(at,
						"'%s' in revision '%s' would end or change the transaction the migrator runs it in"
							.formatted(refusal.what(), script.revision().id()),
						"Remove it: each revision runs in a transaction of its own (or, marked "
								+ "'-- transactional: false', statement by statement), and the migrator begins "
								+ "and commits it. Nothing was run.");
			}
			if (script.transactional()) {
				throw new ScriptException(at,
						"'%s' cannot run inside a transaction, and revision '%s' runs in one".formatted(refusal.what(),
								script.revision().id()),
						"Mark the revision '-- transactional: false' (its statements then run one by one and are "
								+ "not rolled back on a failure), or move the statement into a revision of its "
								+ "own marked so. Nothing was run.");
			}
		});
	}

}
