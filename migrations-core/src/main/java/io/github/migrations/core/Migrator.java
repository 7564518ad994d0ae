package io.github.migrations.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.migrations.core.history.AppliedRevision;
import io.github.migrations.core.history.AppliedState;
import io.github.migrations.core.history.LogEntry;
import io.github.migrations.core.history.PostgresVersionStore;
import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.lock.AdvisoryLock;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.plan.Planner;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetResolver;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.run.MigrationRunner;
import io.github.migrations.core.run.StepResult;
import io.github.migrations.core.script.Script;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's facade: upgrades, downgrades, stamps and reports a PostgreSQL database's
 * revisions, as Alembic does.
 * <p>
 * Every run parses the scripts and validates the graph and the recorded history before
 * the first statement, takes a session advisory lock so that instances migrate one at a
 * time, and records each revision in the same transaction as its SQL. Build one with
 * {@link #builder(DataSource)}.
 */
public final class Migrator {

	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final DataSource dataSource;

	private final MigratorSettings settings;

	private final ScriptCatalogLoader loader;

	private final VersionStore store;

	private final MigrationListener listener;

	private Migrator(Builder builder) {
		this.dataSource = builder.dataSource;
		this.settings = builder.settings;
		this.loader = new ScriptCatalogLoader(builder.settings.locations(), builder.javaRevisions, builder.classLoader);
		this.store = new PostgresVersionStore(this.settings.schema(), this.settings.createSchemas(),
				this.settings.revisionsTable(), this.settings.logTable());
		this.listener = builder.listener;
	}

	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	public MigratorSettings settings() {
		return this.settings;
	}

	/**
	 * Applies what the target needs that is not applied yet.
	 */
	public MigrationResult upgrade(Target target) {
		return migrate(Direction.UPGRADE, target);
	}

	/**
	 * Removes the applied revisions above the target, newest first.
	 */
	public MigrationResult downgrade(Target target) {
		return migrate(Direction.DOWNGRADE, target);
	}

	/**
	 * Downgrades exactly one applied revision, which no applied revision may build on,
	 * leaving every other branch as it is (for tests that walk the graph one revision at
	 * a time).
	 */
	public MigrationResult revert(String revision) {
		return migrate(Direction.DOWNGRADE, (catalog, applied) -> {
			MigrationPlan plan = new Planner(catalog.graph(), catalog.scripts()).revert(
					Planning.knownApplied(catalog, applied),
					new TargetResolver(catalog.graph(), Set.of()).revision(revision));
			Planning.refuseDowngradeUnderUnknown(catalog, applied, plan);
			Planning.refuseIrreversible(plan);
			return plan;
		});
	}

	private MigrationResult migrate(Direction direction, Target target) {
		return migrate(direction,
				(catalog, applied) -> Planning.plan(this.settings, catalog, applied, direction, target));
	}

	private MigrationResult migrate(Direction direction,
			java.util.function.BiFunction<Catalog, List<AppliedRevision>, MigrationPlan> planning) {
		long start = System.nanoTime();
		Opened opened = openWhileLoading();
		Catalog catalog = opened.catalog();
		try (Session session = opened.session()) {
			MigrationPlan nothingToDo = nothingToDo(catalog, opened.applied(), planning);
			if (nothingToDo != null) {
				return finish(new MigrationResult(direction, nothingToDo.from(), nothingToDo.to(), List.of(),
						Duration.ofNanos(System.nanoTime() - start)));
			}
			try (AdvisoryLock lock = lock()) {
				List<AppliedRevision> applied = this.store.applied(session.connection());
				if (direction == Direction.UPGRADE) {
					applied = baselineIfNeeded(session.connection(), catalog, applied);
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
			throw databaseFailure(ex);
		}
	}

	/**
	 * Connects and reads the applied set on another thread while this one reads and
	 * parses the files: on two cores the first connection (driver start-up,
	 * authentication) and the parsing overlap instead of adding up.
	 */
	private Opened openWhileLoading() {
		java.util.concurrent.CompletableFuture<Session> opening = java.util.concurrent.CompletableFuture
			.supplyAsync(this::open);
		Catalog catalog;
		try {
			catalog = this.loader.load();
		}
		catch (RuntimeException ex) {
			opening.thenAccept(Migrator::closeQuietly);
			throw ex;
		}
		Session session;
		try {
			session = opening.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
		try {
			return new Opened(catalog, session, this.store.applied(session.connection()));
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(session);
			throw (ex instanceof SQLException sql) ? databaseFailure(sql) : (RuntimeException) ex;
		}
	}

	private static void closeQuietly(Session session) {
		try {
			session.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the session", ex);
		}
	}

	private record Opened(Catalog catalog, Session session, List<AppliedRevision> applied) {
	}

	/**
	 * The empty plan when the committed history is valid and nothing needs to run,
	 * decided without the lock: what another instance is applying is not committed, so it
	 * shows as pending and sends this run to the locked path, which waits and looks
	 * again. Anything else (work to do, a problem, a baseline to stamp) returns
	 * {@code null} for the locked path.
	 */
	private @Nullable MigrationPlan nothingToDo(Catalog catalog, List<AppliedRevision> applied,
			java.util.function.BiFunction<Catalog, List<AppliedRevision>, MigrationPlan> planning) {
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

	/**
	 * Records the targets as applied (or not) without running anything, as
	 * {@code alembic stamp} does: each target's line moves to it; with {@code purge} the
	 * applied set becomes exactly the targets and what they need.
	 */
	public MigrationResult stamp(List<Target> targets, boolean purge) {
		long start = System.nanoTime();
		Catalog catalog = this.loader.load();
		try (AdvisoryLock lock = lock(); Session session = open()) {
			this.store.ensure(session.connection());
			List<AppliedRevision> applied = this.store.applied(session.connection());
			Set<RevisionId> after = stamp(session.connection(), catalog, applied, targets, purge);
			return new MigrationResult(Direction.UPGRADE,
					catalog.graph().headsOf(Planning.knownApplied(catalog, applied)), catalog.graph().headsOf(after),
					List.of(), Duration.ofNanos(System.nanoTime() - start));
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	private Set<RevisionId> stamp(Connection connection, Catalog catalog, List<AppliedRevision> applied,
			List<Target> targets, boolean purge) throws SQLException {
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
		connection.setAutoCommit(false);
		try {
			this.store.stamp(connection, added, removed);
			connection.commit();
		}
		finally {
			connection.setAutoCommit(true);
		}
		logger.info("Stamped {} (recorded {} revision(s) as applied, {} as not applied; nothing ran)",
				describe(catalog.graph().headsOf(after)), added.size(), removed.size());
		return after;
	}

	/**
	 * On a database that has tables but no version store yet, stamps the configured
	 * baseline, so that a schema created by an init script is not created twice.
	 */
	private List<AppliedRevision> baselineIfNeeded(Connection connection, Catalog catalog,
			List<AppliedRevision> applied) throws SQLException {
		String baseline = this.settings.baseline();
		if (baseline == null || !applied.isEmpty() || this.store.exists(connection)
				|| !this.store.schemaHasTables(connection)) {
			return applied;
		}
		logger.info("The database has tables but no version store: stamping baseline '{}'", baseline);
		this.store.ensure(connection);
		stamp(connection, catalog, applied, List.of(Target.parse(baseline)), false);
		return this.store.applied(connection);
	}

	/**
	 * Where the database stands: the applied revisions that no applied revision builds
	 * on, plus any applied revision that no script declares.
	 */
	public List<String> current() {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = appliedRevisions();
		List<String> current = new ArrayList<>();
		catalog.graph().headsOf(Planning.knownApplied(catalog, applied)).forEach((id) -> current.add(id.value()));
		applied.stream()
			.map(AppliedRevision::revision)
			.filter((id) -> !Planning.isKnown(catalog, id))
			.forEach(current::add);
		return current;
	}

	/**
	 * Where the database stands against the scripts and the target, in one read: current
	 * revisions, heads, pending steps and unknown revisions. Changes nothing and takes no
	 * lock.
	 */
	public MigrationStatus status(Target target) {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = appliedRevisions();
		Planning.validate(this.settings, catalog, applied);
		MigrationPlan plan = Planning.plan(this.settings, catalog, applied, Direction.UPGRADE, target);
		List<String> current = new ArrayList<>();
		catalog.graph().headsOf(Planning.knownApplied(catalog, applied)).forEach((id) -> current.add(id.value()));
		List<String> unknown = applied.stream()
			.map(AppliedRevision::revision)
			.filter((id) -> !Planning.isKnown(catalog, id))
			.toList();
		current.addAll(unknown);
		return new MigrationStatus(current, catalog.graph().heads(), plan.steps(), unknown);
	}

	/**
	 * The heads of the scripts' graph.
	 */
	public List<RevisionId> heads() {
		return this.loader.load().graph().heads();
	}

	/**
	 * The validated revision graph of the scripts.
	 */
	public RevisionGraph graph() {
		return this.loader.load().graph();
	}

	/**
	 * All revisions, parents before children.
	 */
	public List<Revision> revisions() {
		return graph().revisions();
	}

	/**
	 * The rows of the applied set; empty when the version store does not exist yet.
	 */
	public List<AppliedRevision> appliedRevisions() {
		try (Session session = open()) {
			return this.store.applied(session.connection());
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	/**
	 * The append-only log of every step taken, oldest first; empty before the first run.
	 */
	public List<LogEntry> history() {
		try (Session session = open()) {
			return this.store.log(session.connection());
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	/**
	 * The revisions an upgrade to the target would apply, in order.
	 */
	public List<MigrationStep> pending(Target target) {
		return plan(target).steps();
	}

	/**
	 * The upgrade to the target, planned against the database without running anything.
	 */
	public MigrationPlan plan(Target target) {
		return planAgainstDatabase(Direction.UPGRADE, target);
	}

	/**
	 * The downgrade to the target, planned against the database without running anything.
	 */
	public MigrationPlan planDowngrade(Target target) {
		return planAgainstDatabase(Direction.DOWNGRADE, target);
	}

	private MigrationPlan planAgainstDatabase(Direction direction, Target target) {
		Catalog catalog = this.loader.load();
		List<AppliedRevision> applied = appliedRevisions();
		Planning.validate(this.settings, catalog, applied);
		return Planning.plan(this.settings, catalog, applied, direction, target);
	}

	/**
	 * The SQL of an upgrade or downgrade, version-store statements included, runnable
	 * with {@code psql}, as {@code alembic upgrade --sql}. With a starting point it needs
	 * no database.
	 * @param direction upgrade or downgrade
	 * @param from where the database stands ({@code base} for an empty one), or
	 * {@code null} to read it from the database
	 * @param to the target
	 */
	public String sql(Direction direction, @Nullable Target from, Target to) {
		Catalog catalog = this.loader.load();
		MigrationPlan plan;
		if (from == null) {
			plan = planAgainstDatabase(direction, to);
		}
		else {
			Set<RevisionId> applied = new TargetResolver(catalog.graph(), Set.of()).stamped(List.of(from), true);
			Planner planner = new Planner(catalog.graph(), catalog.scripts());
			plan = (direction == Direction.UPGRADE) ? planner.upgrade(applied, to) : planner.downgrade(applied, to);
			if (direction == Direction.DOWNGRADE) {
				Planning.refuseIrreversible(plan);
			}
		}
		return new SqlRenderer(this.store, this.settings).render(plan);
	}

	/**
	 * Checks the scripts (every section of every file), the graph and the recorded
	 * history without changing anything.
	 * @throws MigrationException describing every problem found
	 */
	public void validate() {
		Catalog catalog = this.loader.load();
		for (Script script : catalog.scripts().values()) {
			if (script instanceof io.github.migrations.core.script.SqlScript sql) {
				sql.upgrade();
				sql.downgrade();
			}
		}
		Planning.validate(this.settings, catalog, appliedRevisions());
	}

	/**
	 * Re-records the checksums of applied revisions whose files changed, after a
	 * deliberate edit.
	 * @return the revisions whose checksum was re-recorded
	 */
	public List<String> repair() {
		Catalog catalog = this.loader.load();
		try (AdvisoryLock lock = lock(); Session session = open()) {
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
			throw databaseFailure(ex);
		}
	}

	private AdvisoryLock lock() {
		return AdvisoryLock.acquire(this.dataSource, this.store.describe(), this.settings.lockWaitTimeout());
	}

	private Session open() {
		try {
			return Session.open(this.dataSource, this.settings.schema());
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	private static String describe(List<RevisionId> heads) {
		return heads.isEmpty() ? "base" : heads.stream().map((id) -> "'" + id + "'").toList().toString();
	}

	private static MigrationException databaseFailure(SQLException ex) {
		return MigrationException.of(
				"Database error while migrating: %s (SQLSTATE %s).".formatted(ex.getMessage(), ex.getSQLState()),
				"Check that the database is reachable and that the user has the needed privileges.", ex);
	}

	/**
	 * Builds a {@link Migrator}.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private MigratorSettings settings = MigratorSettings.defaults();

		private final List<JavaRevision> javaRevisions = new ArrayList<>();

		private ClassLoader classLoader = Migrator.class.getClassLoader();

		private MigrationListener listener = MigrationListener.NONE;

		private Builder(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		public Builder settings(MigratorSettings settings) {
			this.settings = settings;
			return this;
		}

		/**
		 * Shorthand for {@code settings(settings().withLocations(locations))}.
		 */
		public Builder locations(String... locations) {
			this.settings = this.settings.withLocations(locations);
			return this;
		}

		/**
		 * Adds revisions written in Java to the graph.
		 */
		public Builder javaRevisions(JavaRevision... revisions) {
			this.javaRevisions.addAll(List.of(revisions));
			return this;
		}

		/**
		 * The class loader for {@code classpath:} locations.
		 */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		public Builder listener(MigrationListener listener) {
			this.listener = listener;
			return this;
		}

		public MigratorSettings settings() {
			return this.settings;
		}

		public Migrator build() {
			return new Migrator(this);
		}

	}

}
