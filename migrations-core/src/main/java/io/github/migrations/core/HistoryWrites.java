package io.github.migrations.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedState;
import io.github.migrations.core.database.Connections;
import io.github.migrations.core.database.Session;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.Planning;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetException;
import io.github.migrations.core.revision.TargetResolver;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.CatalogLoader;
import io.github.migrations.core.script.Script;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes to the version store that run no revision: stamping (on demand, or the
 * baseline of a database that predates the version store) and checksum repair.
 */
final class HistoryWrites {

	// the migrator's category, where operators look for what a run did
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final MigratorSettings settings;

	private final CatalogLoader loader;

	private final VersionStore store;

	private final Connections connections;

	private final AlembicAdoption alembic;

	/** Told who holds the migration lock before a stamp or repair waits for it. */
	private final Consumer<String> waitingForLock;

	HistoryWrites(MigratorSettings settings, CatalogLoader loader, VersionStore store, Connections connections,
			AlembicAdoption alembic, Consumer<String> waitingForLock) {
		this.waitingForLock = waitingForLock;
		this.settings = settings;
		this.loader = loader;
		this.store = store;
		this.connections = connections;
		this.alembic = alembic;
	}

	MigrationResult stamp(List<Target> targets, boolean purge) {
		long start = System.nanoTime();
		Catalog catalog = this.loader.load();
		try (Session session = this.connections.open();
				AdvisoryLock lock = this.connections.lock(session, this.waitingForLock)) {
			List<AppliedRevision> recorded = this.store.applied(session.connection());
			Set<RevisionId> stamped = new TargetResolver(catalog.graph(), Planning.knownApplied(catalog, recorded))
				.stamped(targets, purge);
			this.alembic.refuseStampOverUnadopted(session.connection(), recorded, catalog.graph().headsOf(stamped));
			this.store.ensure(session.connection());
			List<AppliedRevision> applied = this.store.applied(session.connection());
			Set<RevisionId> after = stamp(session.connection(), catalog, applied, targets, purge);
			return new MigrationResult(Direction.UPGRADE,
					catalog.graph().headsOf(Planning.knownApplied(catalog, applied)), catalog.graph().headsOf(after),
					List.of(), Duration.ofNanos(System.nanoTime() - start));
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	/**
	 * On a database that has tables but no history yet, stamps the configured baseline,
	 * so that a schema created by an init script is not created twice. Version-store
	 * tables that a failed first run left empty hold no history.
	 */
	List<AppliedRevision> baselineIfNeeded(Connection connection, Catalog catalog, List<AppliedRevision> applied)
			throws SQLException {
		Target baseline = baselineToStamp(this.settings, this.store, connection, applied);
		if (baseline == null) {
			return applied;
		}
		// its revisions are resolved before the version store is created
		baselineScripts(catalog, baseline);
		logger.info("The database has tables but no version store: stamping baseline '{}'", baseline);
		this.store.ensure(connection);
		stamp(connection, catalog, applied, List.of(baseline), false);
		return this.store.applied(connection);
	}

	/**
	 * The baseline that {@link #baselineIfNeeded} would stamp, without stamping it.
	 * @return the target, or {@code null} when none is configured or the database needs
	 * none
	 */
	static @Nullable Target baselineToStamp(MigratorSettings settings, VersionStore store, Connection connection,
			List<AppliedRevision> applied) throws SQLException {
		String baseline = settings.baseline();
		if (baseline == null || !applied.isEmpty() || store.hasHistory(connection)
				|| !store.schemaHasTables(connection)) {
			return null;
		}
		try {
			return Target.parse(baseline);
		}
		catch (TargetException ex) {
			throw asBaseline(baseline, ex);
		}
	}

	/**
	 * The revisions that stamping the baseline on an empty applied set records, parents
	 * first.
	 */
	static List<Script> baselineScripts(Catalog catalog, Target baseline) {
		Set<RevisionId> after;
		try {
			after = new TargetResolver(catalog.graph(), Set.of()).stamped(List.of(baseline), false);
		}
		catch (TargetException ex) {
			throw asBaseline(baseline.toString(), ex);
		}
		return catalog.graph().inOrder(after).stream().map((id) -> catalog.scripts().get(id)).toList();
	}

	/**
	 * A baseline that is no target, or names no revision, told as the setting's problem:
	 * the setting is what must change.
	 */
	private static TargetException asBaseline(String baseline, TargetException ex) {
		return new TargetException(
				"The baseline '%s' is not a revision to stamp: %s".formatted(baseline, ex.problem()), Objects
					.requireNonNullElse(ex.hint(), "Set the baseline to the revision the database's schema matches."),
				"baseline");
	}

	private Set<RevisionId> stamp(Connection connection, Catalog catalog, List<AppliedRevision> applied,
			List<Target> targets, boolean purge) throws SQLException {
		Stamp stamp = Stamp.of(catalog, applied, targets, purge);
		connection.setAutoCommit(false);
		try {
			this.store.stamp(connection, stamp.added(), stamp.removed());
			connection.commit();
		}
		finally {
			connection.setAutoCommit(true);
		}
		logger.info("Stamped {} (recorded {} revision(s) as applied, {} as not applied; nothing ran)",
				describe(catalog.graph().headsOf(stamp.after())), stamp.added().size(), stamp.removed().size());
		return stamp.after();
	}

	/**
	 * The script of a stamp, runnable with {@code psql}: the statements {@link #stamp}
	 * sends, in one transaction.
	 * @param fromBase whether to start from an empty applied set without reading the
	 * database (offline, as Alembic's {@code stamp --sql})
	 */
	String stampScript(List<Target> targets, boolean purge, boolean fromBase) {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = List.of();
		if (!fromBase) {
			try (Session session = this.connections.open()) {
				applied = this.store.applied(session.connection());
				Set<RevisionId> stamped = new TargetResolver(catalog.graph(), Planning.knownApplied(catalog, applied))
					.stamped(targets, purge);
				this.alembic.refuseStampOverUnadopted(session.connection(), applied, catalog.graph().headsOf(stamped));
			}
			catch (SQLException ex) {
				throw Connections.failure(ex);
			}
		}
		Stamp stamp = Stamp.of(catalog, applied, targets, purge);
		StringBuilder sql = new StringBuilder();
		sql.append("-- Stamp ")
			.append(quoted(catalog.graph().headsOf(stamp.after())))
			.append(fromBase ? " from base" : "")
			.append(": ")
			.append(stamp.added().size())
			.append(" revision(s) recorded as applied, ")
			.append(stamp.removed().size())
			.append(" as not applied; nothing runs\n");
		sql.append("-- Rendered by migrations; run with: psql -v ON_ERROR_STOP=1 -f <file>\n\n");
		if (this.settings.schema() != null) {
			sql.append(Session.searchPathSql(this.settings.schema())).append(";\n\n");
		}
		for (String statement : this.store.ensureSql()) {
			sql.append(statement).append(";\n");
		}
		sql.append("\nBEGIN;\n");
		for (String statement : this.store.stampSql(stamp.added())) {
			sql.append(statement).append(";\n");
		}
		for (String statement : this.store.unstampSql(stamp.removed())) {
			sql.append(statement).append(";\n");
		}
		sql.append("COMMIT;\n");
		return sql.toString();
	}

	/**
	 * What a stamp changes in an applied set.
	 *
	 * @param after the applied set once stamped
	 * @param added the revisions it records as applied, parents first
	 * @param removed the recorded revisions it removes
	 */
	private record Stamp(Set<RevisionId> after, List<Script> added, Set<String> removed) {

		static Stamp of(Catalog catalog, List<AppliedRevision> applied, List<Target> targets, boolean purge) {
			Set<RevisionId> after = new TargetResolver(catalog.graph(), Planning.knownApplied(catalog, applied))
				.stamped(targets, purge);
			List<Script> added = new ArrayList<>();
			for (RevisionId id : catalog.graph().inOrder(after)) {
				boolean recorded = applied.stream()
					.anyMatch((row) -> row.revision().equals(id.value()) && row.state() == AppliedState.APPLIED);
				if (!recorded) {
					added.add(catalog.scripts().get(id));
				}
			}
			Set<String> removed = new LinkedHashSet<>();
			for (AppliedRevision row : applied) {
				boolean keep = Planning.isKnown(catalog, row.revision()) ? after.contains(RevisionId.of(row.revision()))
						: !purge;
				if (!keep) {
					removed.add(row.revision());
				}
			}
			return new Stamp(after, List.copyOf(added), removed);
		}

	}

	List<String> repair() {
		Catalog catalog = this.loader.load();
		try (Session session = this.connections.open();
				AdvisoryLock lock = this.connections.lock(session, this.waitingForLock)) {
			Connection connection = session.connection();
			List<String> repaired = new ArrayList<>();
			for (AppliedRevision row : this.store.applied(connection)) {
				Script script = Planning.isKnown(catalog, row.revision())
						? catalog.scripts().get(RevisionId.of(row.revision())) : null;
				if (script != null && script.checksum() != null && !script.checksum().equals(row.checksum())) {
					this.store.repair(connection, script, row.checksum());
					repaired.add(row.revision());
					logger.info("Re-recorded the checksum of revision '{}' ({})", row.revision(), script.source());
				}
			}
			return repaired;
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	private static String quoted(List<RevisionId> heads) {
		return heads.isEmpty() ? "base" : String.join(", ", heads.stream().map((id) -> "'" + id + "'").toList());
	}

	private static String describe(List<RevisionId> heads) {
		return heads.isEmpty() ? "base" : heads.stream().map((id) -> "'" + id + "'").toList().toString();
	}

}
