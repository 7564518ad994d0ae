package io.github.migrations.core;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import io.github.migrations.core.history.AppliedRevision;
import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.lock.AdvisoryLock;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.Planner;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetResolver;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.run.MigrationRunner;
import io.github.migrations.core.run.StepResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an upgrade, a downgrade or a revert: returns without the lock when the committed
 * history shows nothing to do, and otherwise takes the lock, reads the applied set again,
 * plans and runs.
 */
final class MigrationRun {

	// the migrator's category, where operators look for what a run did
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final MigratorSettings settings;

	private final ScriptCatalogLoader loader;

	private final VersionStore store;

	private final Connections connections;

	private final HistoryWrites writes;

	private final MigrationListener listener;

	MigrationRun(MigratorSettings settings, ScriptCatalogLoader loader, VersionStore store, Connections connections,
			HistoryWrites writes, MigrationListener listener) {
		this.settings = settings;
		this.loader = loader;
		this.store = store;
		this.connections = connections;
		this.writes = writes;
		this.listener = listener;
	}

	MigrationResult migrate(Direction direction, Target target) {
		return migrate(direction,
				(catalog, applied) -> Planning.plan(this.settings, catalog, applied, direction, target));
	}

	MigrationResult revert(String revision) {
		return migrate(Direction.DOWNGRADE, (catalog, applied) -> {
			MigrationPlan plan = new Planner(catalog.graph(), catalog.scripts()).revert(
					Planning.knownApplied(catalog, applied),
					new TargetResolver(catalog.graph(), Set.of()).revision(revision));
			Planning.refuseDowngradeUnderUnknown(catalog, applied, plan);
			Planning.refuseIrreversible(plan);
			return plan;
		});
	}

	private MigrationResult migrate(Direction direction,
			BiFunction<Catalog, List<AppliedRevision>, MigrationPlan> planning) {
		long start = System.nanoTime();
		RunStart started = RunStart.openWhileLoading(this.loader, this.connections, this.store);
		Catalog catalog = started.catalog();
		try (Session session = started.session()) {
			MigrationPlan nothingToDo = nothingToDo(catalog, started.applied(), planning);
			if (nothingToDo != null) {
				return finish(new MigrationResult(direction, nothingToDo.from(), nothingToDo.to(), List.of(),
						Duration.ofNanos(System.nanoTime() - start)));
			}
			try (AdvisoryLock lock = this.connections.lock()) {
				List<AppliedRevision> applied = this.store.applied(session.connection());
				if (direction == Direction.UPGRADE) {
					applied = this.writes.baselineIfNeeded(session.connection(), catalog, applied);
				}
				Planning.validate(this.settings, catalog, applied);
				Planning.warnAboutUnknown(catalog, applied);
				MigrationPlan plan = planning.apply(catalog, applied);
				MigrationRunner runner = new MigrationRunner(this.store, this.settings, this.listener);
				runner.check(plan);
				if (!plan.isEmpty()) {
					this.store.ensure(session.connection());
				}
				List<StepResult> steps = runner.run(session.connection(), plan);
				return finish(new MigrationResult(direction, plan.from(), plan.to(), steps,
						Duration.ofNanos(System.nanoTime() - start)));
			}
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	/**
	 * The empty plan when the committed history is valid and nothing needs to run,
	 * decided without the lock: what another instance is applying is not committed, so it
	 * shows as pending and sends this run to the locked path, which waits and looks
	 * again. Anything else (work to do, a problem, a baseline to stamp) returns
	 * {@code null} for the locked path.
	 */
	private @Nullable MigrationPlan nothingToDo(Catalog catalog, List<AppliedRevision> applied,
			BiFunction<Catalog, List<AppliedRevision>, MigrationPlan> planning) {
		if (applied.isEmpty() && this.settings.baseline() != null) {
			return null;
		}
		if (!new HistoryValidator(this.settings).problems(catalog, applied).isEmpty()) {
			return null;
		}
		try {
			MigrationPlan plan = planning.apply(catalog, applied);
			if (!plan.isEmpty()) {
				return null;
			}
			Planning.warnAboutUnknown(catalog, applied);
			return plan;
		}
		catch (MigrationException ex) {
			return null;
		}
	}

	private MigrationResult finish(MigrationResult result) {
		logger.info(result.summary());
		this.listener.afterRun(result);
		return result;
	}

}
