package io.github.migrations.core;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.Connections;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.database.Session;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.Planner;
import io.github.migrations.core.plan.Planning;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetResolver;
import io.github.migrations.core.run.ScriptRenderer;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.CatalogLoader;
import io.github.migrations.core.script.Placeholders;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.SqlScript;
import org.jspecify.annotations.Nullable;

/**
 * Answers what the scripts and the database say (where it stands, the plans, the log, the
 * rendered SQL, validation) without changing anything and without the lock.
 */
final class ReadOnlyQueries {

	private final MigratorSettings settings;

	private final CatalogLoader loader;

	private final VersionStore store;

	private final Connections connections;

	ReadOnlyQueries(MigratorSettings settings, CatalogLoader loader, VersionStore store, Connections connections) {
		this.settings = settings;
		this.loader = loader;
		this.store = store;
		this.connections = connections;
	}

	List<String> current() {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = appliedRevisions();
		Planning.refuseEmptyLocations(this.settings, catalog, applied);
		List<String> current = new ArrayList<>();
		catalog.graph().headsOf(Planning.knownApplied(catalog, applied)).forEach((id) -> current.add(id.value()));
		current.addAll(unknown(catalog, applied));
		return current;
	}

	MigrationStatus status(Target target) {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = appliedRevisions();
		Planning.validate(this.settings, catalog, applied);
		MigrationPlan plan = Planning.plan(catalog, applied, Direction.UPGRADE, target);
		List<String> current = new ArrayList<>();
		catalog.graph().headsOf(Planning.knownApplied(catalog, applied)).forEach((id) -> current.add(id.value()));
		List<String> unknown = unknown(catalog, applied);
		current.addAll(unknown);
		return new MigrationStatus(current, catalog.graph().heads(), plan.steps(), unknown);
	}

	private static List<String> unknown(Catalog catalog, List<AppliedRevision> applied) {
		return applied.stream().map(AppliedRevision::revision).filter((id) -> !Planning.isKnown(catalog, id)).toList();
	}

	RevisionGraph graph() {
		return this.loader.load().graph();
	}

	List<AppliedRevision> appliedRevisions() {
		try (Session session = this.connections.open()) {
			return this.store.applied(session.connection());
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	List<LogEntry> history() {
		try (Session session = this.connections.open()) {
			return this.store.log(session.connection());
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	MigrationPlan plan(Direction direction, Target target) {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = appliedRevisions();
		Planning.validate(this.settings, catalog, applied);
		return Planning.plan(catalog, applied, direction, target);
	}

	String sql(Direction direction, @Nullable Target from, Target to) {
		Catalog catalog = this.loader.load();
		MigrationPlan plan;
		if (from == null) {
			plan = plan(direction, to);
		}
		else {
			Set<RevisionId> applied = new TargetResolver(catalog.graph(), Set.of()).stamped(List.of(from), true);
			Planner planner = new Planner(catalog.graph(), catalog.scripts());
			plan = (direction == Direction.UPGRADE) ? planner.upgrade(applied, to) : planner.downgrade(applied, to);
			if (direction == Direction.DOWNGRADE) {
				Planning.refuseIrreversible(plan);
			}
		}
		Planning.checkStatements(this.settings, plan);
		return new ScriptRenderer(this.settings, this.store).render(plan);
	}

	void validate() {
		Catalog catalog = this.loader.load();
		Placeholders placeholders = new Placeholders(this.settings.placeholders());
		for (Script script : catalog.scripts().values()) {
			if (script instanceof SqlScript sql) {
				Planning.checkStatements(placeholders, sql, Direction.UPGRADE);
				Planning.checkStatements(placeholders, sql, Direction.DOWNGRADE);
			}
		}
		Planning.validate(this.settings, catalog, appliedRevisions());
	}

}
