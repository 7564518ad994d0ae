package io.github.migrations.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.database.Connections;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.database.Session;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.plan.HistoryValidator;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.Planner;
import io.github.migrations.core.plan.Planning;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetException;
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

	private final AlembicAdoption alembic;

	ReadOnlyQueries(MigratorSettings settings, CatalogLoader loader, VersionStore store, Connections connections,
			AlembicAdoption alembic) {
		this.settings = settings;
		this.loader = loader;
		this.store = store;
		this.connections = connections;
		this.alembic = alembic;
	}

	List<String> current() {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = appliedUnlessAlembic();
		Planning.refuseEmptyLocations(this.settings, catalog, applied);
		return current(catalog, applied);
	}

	private static List<String> current(Catalog catalog, List<AppliedRevision> applied) {
		return Planning.current(catalog, applied, catalog.graph().headsOf(Planning.knownApplied(catalog, applied)));
	}

	MigrationStatus status(Target target) {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = validatedApplied(catalog, true);
		MigrationPlan plan = Planning.plan(catalog, applied, Direction.UPGRADE, target);
		return new MigrationStatus(current(catalog, applied), catalog.graph().heads(), plan.steps(),
				unknown(catalog, applied));
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

	/**
	 * The applied set, checked against the files in one read: a revision marked as
	 * running while another session holds the migration lock is reported in progress, not
	 * interrupted, from a look at the lock on the same session, taken only when a
	 * revision is marked.
	 * @param unlessAlembic whether to refuse a database Alembic migrated that the version
	 * store has not recorded
	 * @throws HistoryMismatchException when the history does not match the files
	 */
	private List<AppliedRevision> validatedApplied(Catalog catalog, boolean unlessAlembic) {
		try (Session session = this.connections.open()) {
			Connection connection = session.connection();
			List<AppliedRevision> applied = this.store.applied(connection);
			if (unlessAlembic) {
				this.alembic.refuseUnadopted(connection, applied);
			}
			Planning.validate(this.settings, catalog, applied, () -> heldElsewhere(connection));
			return applied;
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	/**
	 * The applied set, for reads that would be wrong on a database Alembic migrated and
	 * the version store has not recorded: where it stands, what is pending, the script of
	 * an upgrade from where it stands.
	 */
	private List<AppliedRevision> appliedUnlessAlembic() {
		try (Session session = this.connections.open()) {
			List<AppliedRevision> applied = this.store.applied(session.connection());
			this.alembic.refuseUnadopted(session.connection(), applied);
			return applied;
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

	@Nullable LogEntry lastLogEntry() {
		try (Session session = this.connections.open()) {
			return this.store.lastLogEntry(session.connection());
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	MigrationPlan plan(Direction direction, Target target) {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = validatedApplied(catalog, true);
		return Planning.plan(catalog, applied, direction, target);
	}

	String sql(Direction direction, @Nullable Target from, Target to) {
		Catalog catalog = this.loader.load();
		MigrationPlan plan;
		List<Script> recordedFirst = List.of();
		String why = null;
		if (from == null && direction == Direction.UPGRADE) {
			RecordedFirst first = recordedFirst(catalog);
			Planning.validate(this.settings, catalog, first.applied(), this::migrationInProgress);
			plan = Planning.plan(catalog, first.applied(), direction, to);
			recordedFirst = first.scripts();
			why = first.why();
		}
		else if (from == null) {
			plan = plan(direction, to);
		}
		else {
			Set<RevisionId> applied = new TargetResolver(catalog.graph(), Set.of()).stamped(List.of(from), true);
			Planner planner = new Planner(catalog.graph(), catalog.scripts());
			if (direction == Direction.UPGRADE) {
				plan = planner.upgrade(applied, to);
				if (plan.isEmpty() && goes(() -> planner.downgrade(applied, to))) {
					throw reversed(from, to, "down", "downgrade");
				}
			}
			else {
				if (goes(() -> planner.upgrade(applied, to))) {
					throw reversed(from, to, "up", "upgrade");
				}
				plan = planner.downgrade(applied, to);
				Planning.refuseIrreversible(plan);
			}
		}
		Planning.checkStatements(this.settings, plan);
		return new ScriptRenderer(this.settings, this.store).render(plan, recordedFirst, why);
	}

	/**
	 * What an upgrade records before it plans, read without writing: the revisions of
	 * Alembic's version table when it adopts them, or the baseline it stamps on a
	 * database with tables and no history; and the applied set it then plans from.
	 */
	private RecordedFirst recordedFirst(Catalog catalog) {
		try (Session session = this.connections.open()) {
			Connection connection = session.connection();
			List<AppliedRevision> applied = this.store.applied(connection);
			AlembicAdoption.Adoption adoption = this.alembic.adoptionIfNeeded(connection, catalog, applied,
					this.settings.adoptAlembicVersion());
			if (adoption != null) {
				return RecordedFirst.of(adoption.added(), "adopts Alembic's %s, which holds %s (%s is set)"
					.formatted(adoption.alembic().table(), adoption.alembic().describe(), AlembicAdoption.SETTING));
			}
			Target baseline = HistoryWrites.baselineToStamp(this.settings, this.store, connection, applied);
			if (baseline != null) {
				return RecordedFirst.of(HistoryWrites.baselineScripts(catalog, baseline),
						"stamps the baseline '%s' (the database has tables but no version store)".formatted(baseline));
			}
			return new RecordedFirst(applied, List.of(), null);
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	/**
	 * @param applied the applied set once they are recorded
	 * @param scripts the revisions recorded as applied without running, parents first
	 * @param why what records them, or {@code null} when there are none
	 */
	private record RecordedFirst(List<AppliedRevision> applied, List<Script> scripts, @Nullable String why) {

		static RecordedFirst of(List<Script> scripts, String why) {
			List<AppliedRevision> applied = scripts.stream()
				.map((script) -> new AppliedRevision(script.revision().id().value(),
						script.revision().downRevisions().stream().map(RevisionId::value).toList(), script.checksum(),
						AppliedState.APPLIED, "", OffsetDateTime.now(), 0))
				.toList();
			return new RecordedFirst(applied, scripts, why);
		}

	}

	/**
	 * Whether the plan of the other direction has steps: a range written the wrong way
	 * round.
	 */
	private static boolean goes(Supplier<MigrationPlan> otherWay) {
		try {
			return !otherWay.get().isEmpty();
		}
		catch (TargetException ex) {
			return false;
		}
	}

	private static TargetException reversed(Target from, Target to, String way, String command) {
		return new TargetException("The range '%s:%s' goes %s.".formatted(from, to, way),
				"Use '%s --sql %s:%s' for its SQL.".formatted(command, from, to));
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
		validatedApplied(catalog, false);
	}

	/**
	 * The revisions marked as running, each in progress or interrupted as
	 * {@link #status(Target)} tells it, from one read of the applied set and, only when a
	 * revision is marked, one look at the lock on the same session.
	 */
	List<HistoryMismatchException.Problem> unfinished() {
		Catalog catalog = this.loader.load();
		try (Session session = this.connections.open()) {
			Connection connection = session.connection();
			return new HistoryValidator(this.settings).unfinished(catalog, this.store.applied(connection),
					() -> heldElsewhere(connection));
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	/**
	 * Who runs a migration right now, holding the migration lock; {@code null} when
	 * nobody does. A revision the version store shows as upgrading or downgrading is then
	 * being run, not interrupted.
	 */
	@Nullable String migrationInProgress() {
		try (Session session = this.connections.open()) {
			return heldElsewhere(session.connection());
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	private @Nullable String heldElsewhere(Connection connection) {
		try {
			return AdvisoryLock.heldElsewhere(connection, this.store);
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

}
