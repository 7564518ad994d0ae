package io.github.migrations.core;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.JavaRevision;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.AdvisoryLock;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.database.AppliedSet;
import io.github.migrations.core.database.Connections;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.database.PostgresVersionStore;
import io.github.migrations.core.database.Session;
import io.github.migrations.core.database.UpToDate;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.lint.LintReport;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.plan.Planning;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.run.Runner;
import io.github.migrations.core.run.StepResult;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.CatalogLoader;
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

	// the category operators look in for what a run did
	private static final Logger logger = LoggerFactory.getLogger(Migrator.class);

	private final MigratorSettings settings;

	private final CatalogLoader loader;

	private final VersionStore store;

	private final Connections connections;

	private final MigrationListener listener;

	private final HistoryWrites writes;

	private final ReadOnlyQueries queries;

	private final AlembicAdoption alembic;

	private final Linting linting;

	private final UpToDateCheck upToDate;

	private final Builder builder;

	private Migrator(Builder builder) {
		this.builder = builder;
		this.settings = builder.settings;
		this.loader = new CatalogLoader(builder.settings.locations(), builder.javaRevisions, builder.classLoader);
		this.store = new PostgresVersionStore(this.settings.schema(), this.settings.createSchemas(),
				this.settings.revisionsTable(), this.settings.logTable(), this.settings.fingerprintTable());
		this.connections = new Connections(builder.dataSource, this.settings, this.store);
		this.listener = MigrationListener.composite(builder.listeners);
		this.alembic = new AlembicAdoption(this.store, this.settings.alembicVersionTable(),
				this.settings.adoptAlembicVersion());
		this.writes = new HistoryWrites(this.settings, this.loader, this.store, this.connections, this.alembic,
				this.listener::waitingForLock);
		this.queries = new ReadOnlyQueries(this.settings, this.loader, this.store, this.connections, this.alembic);
		this.linting = new Linting(this.settings, builder.classLoader, builder.javaRevisions);
		this.upToDate = new UpToDateCheck(this.settings, this.loader, this.store);
	}

	public static Builder builder(DataSource dataSource) {
		return new Builder(dataSource);
	}

	public MigratorSettings settings() {
		return this.settings;
	}

	/**
	 * The database this migrator works on.
	 */
	public DataSource dataSource() {
		return this.builder.dataSource;
	}

	/**
	 * A migrator with this one's Java revisions and class loader, and the given settings
	 * (usually derived from {@link #settings()}), on another database, without its
	 * listeners: the same revisions applied elsewhere, for example to a scratch database
	 * whose schema is compared with this one's.
	 */
	public Migrator on(DataSource dataSource, MigratorSettings settings) {
		Builder copy = new Builder(dataSource).settings(settings).classLoader(this.builder.classLoader);
		copy.javaRevisions.addAll(this.builder.javaRevisions);
		return copy.build();
	}

	/**
	 * Applies what the target needs that is not applied yet.
	 */
	public MigrationResult upgrade(Target target) {
		return migrate(Direction.UPGRADE,
				(catalog, applied) -> Planning.plan(catalog, applied, Direction.UPGRADE, target), target);
	}

	/**
	 * Removes the applied revisions above the target, newest first.
	 */
	public MigrationResult downgrade(Target target) {
		return migrate(Direction.DOWNGRADE,
				(catalog, applied) -> Planning.plan(catalog, applied, Direction.DOWNGRADE, target), null);
	}

	/**
	 * Downgrades exactly one applied revision, which no applied revision may build on,
	 * leaving every other branch as it is (for tests that walk the graph one revision at
	 * a time).
	 */
	public MigrationResult revert(String revision) {
		return migrate(Direction.DOWNGRADE, (catalog, applied) -> Planning.revert(catalog, applied, revision), null);
	}

	/**
	 * The story of every run: read the files while connecting, and when the committed
	 * history shows nothing to do, stop there without the lock (an upgrade whose files,
	 * settings and applied set are those of the last such check stops even before reading
	 * the files). Otherwise take the lock on the session, read the history again (another
	 * instance may have just migrated), check it against the files, plan, check every
	 * statement of the plan, and run it: the runner executes each command once and
	 * records each revision with its work.
	 */
	private MigrationResult migrate(Direction direction, Planning.Strategy planning, @Nullable Target upgradeTarget) {
		this.listener.beforeRun(direction);
		try {
			return run(direction, planning, upgradeTarget);
		}
		catch (RuntimeException ex) {
			this.listener.afterFailure(direction, ex);
			throw ex;
		}
	}

	private MigrationResult run(Direction direction, Planning.Strategy planning, @Nullable Target upgradeTarget) {
		long start = System.nanoTime();
		String fingerprint = null;
		Opened opened;
		if (upgradeTarget != null) {
			Fingerprinted fingerprinted = openWhileFingerprinting(upgradeTarget);
			if (fingerprinted.recordedHeads() != null) {
				Connections.closeQuietly(fingerprinted.connection());
				List<RevisionId> heads = fingerprinted.recordedHeads();
				return finish(new MigrationResult(direction, heads, heads, List.of(),
						Duration.ofNanos(System.nanoTime() - start)));
			}
			fingerprint = fingerprinted.fingerprint();
			opened = loadWhileReading(fingerprinted.connection());
		}
		else {
			opened = openWhileLoading();
		}
		Catalog catalog = opened.catalog();
		try (Session session = opened.session()) {
			Connection connection = session.connection();
			List<AppliedRevision> committed = opened.applied().revisions();
			if (direction == Direction.DOWNGRADE) {
				// an upgrade checks under the lock, where it may adopt instead
				this.alembic.refuseUnadopted(connection, committed);
			}
			MigrationPlan nothingToDo = Planning.nothingToDo(this.settings, catalog, committed, planning);
			if (nothingToDo != null) {
				if (fingerprint != null) {
					this.upToDate.record(connection, fingerprint, opened.applied(), catalog, nothingToDo);
				}
				return finish(new MigrationResult(direction, nothingToDo.from(), nothingToDo.to(), List.of(),
						Duration.ofNanos(System.nanoTime() - start),
						Planning.current(catalog, committed, nothingToDo.to())));
			}
			try (AdvisoryLock lock = this.connections.lock(session, this.listener::waitingForLock)) {
				List<AppliedRevision> applied = this.store.applied(connection);
				if (direction == Direction.UPGRADE) {
					List<AppliedRevision> recorded = applied;
					applied = this.alembic.adoptIfNeeded(connection, catalog, applied,
							this.settings.adoptAlembicVersion());
					if (applied != recorded) {
						this.listener.recordedWithoutRunning(ids(catalog, applied),
								"adopted from Alembic's " + this.settings.alembicVersionTable());
						recorded = applied;
					}
					applied = this.writes.baselineIfNeeded(connection, catalog, applied);
					if (applied != recorded) {
						this.listener.recordedWithoutRunning(ids(catalog, applied),
								"stamped as the baseline '%s', as the database had tables but no version store"
									.formatted(this.settings.baseline()));
					}
				}
				Planning.validate(this.settings, catalog, applied);
				Planning.warnAboutUnknown(catalog, applied);
				MigrationPlan plan = planning.plan(catalog, applied);
				Planning.checkStatements(this.settings, plan);
				if (!plan.isEmpty()) {
					this.store.ensure(connection);
				}
				List<StepResult> steps = new Runner(this.settings, this.store, this.listener, this.connections::connect)
					.run(connection, plan);
				if (fingerprint != null) {
					recordIfNothingLeft(connection, fingerprint, catalog, planning);
				}
				// a run changes no revision that no file declares
				return finish(new MigrationResult(direction, plan.from(), plan.to(), steps,
						Duration.ofNanos(System.nanoTime() - start), Planning.current(catalog, applied, plan.to())));
			}
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	/**
	 * After an upgrade, still under the lock: when the check that would start the next
	 * run finds nothing left to do, records it now, so that the next start (another
	 * instance, the next restart) needn't parse the files it has just read.
	 */
	private void recordIfNothingLeft(Connection connection, String fingerprint, Catalog catalog,
			Planning.Strategy planning) throws SQLException {
		AppliedSet applied = this.store.appliedSet(connection);
		MigrationPlan nothingLeft = Planning.nothingToDo(this.settings, catalog, applied.revisions(), planning);
		if (nothingLeft != null) {
			this.upToDate.record(connection, fingerprint, applied, catalog, nothingLeft);
		}
	}

	private MigrationResult finish(MigrationResult result) {
		logger.info(result.summary());
		this.listener.afterRun(result);
		return result;
	}

	/**
	 * Connects and reads the applied set on another thread while this one reads and
	 * parses the files: on two cores the first connection (driver start-up,
	 * authentication) and the read of the applied set overlap with the parsing instead of
	 * adding up.
	 */
	private Opened openWhileLoading() {
		CompletableFuture<Connected> opening = CompletableFuture.supplyAsync(() -> {
			Session session = this.connections.open();
			return new Connected(session, readApplied(session, false));
		});
		Catalog catalog;
		try {
			catalog = this.loader.load();
		}
		catch (RuntimeException ex) {
			opening.thenAccept((connected) -> Connections.closeQuietly(connected.session()));
			throw ex;
		}
		Connected connected = join(opening);
		return new Opened(catalog, connected.session(), connected.applied());
	}

	/**
	 * Connects and reads what the last check that found nothing to do recorded, on
	 * another thread, while this one takes the fingerprint of the files (listing them,
	 * without parsing). The read is one query on a plain connection: a start that stops
	 * there sets up no session and has none to restore. The files are not parsed ahead
	 * while the connection opens: when the record matches, that parsing would only take a
	 * core from the rest of the application's start.
	 */
	private Fingerprinted openWhileFingerprinting(Target target) {
		CompletableFuture<Recorded> opening = CompletableFuture.supplyAsync(() -> {
			Connection connection = this.connections.connect();
			try {
				return new Recorded(connection, this.upToDate.recorded(connection));
			}
			catch (SQLException | RuntimeException ex) {
				Connections.closeQuietly(connection);
				throw (ex instanceof SQLException sql) ? Connections.failure(sql) : (RuntimeException) ex;
			}
		});
		String fingerprint;
		try {
			fingerprint = this.upToDate.fingerprint(target);
		}
		catch (RuntimeException ex) {
			opening.thenAccept((recorded) -> Connections.closeQuietly(recorded.connection()));
			throw ex;
		}
		Recorded recorded = join(opening);
		return new Fingerprinted(fingerprint, recorded.connection(),
				UpToDateCheck.headsIfSame(recorded.upToDate(), fingerprint));
	}

	/**
	 * Makes the session and reads the applied set on another thread while this one reads
	 * and parses the files.
	 */
	private Opened loadWhileReading(Connection connection) {
		CompletableFuture<Connected> reading = CompletableFuture.supplyAsync(() -> {
			Session session = this.connections.session(connection);
			return new Connected(session, readApplied(session, true));
		});
		Catalog catalog;
		try {
			catalog = this.loader.load();
		}
		catch (RuntimeException ex) {
			reading.whenComplete((connected, failure) -> {
				if (connected != null) {
					Connections.closeQuietly(connected.session());
				}
			});
			throw ex;
		}
		Connected connected = join(reading);
		return new Opened(catalog, connected.session(), connected.applied());
	}

	/**
	 * The applied set, with its digest only for an upgrade, which may record it.
	 */
	private AppliedSet readApplied(Session session, boolean withDigest) {
		try {
			return withDigest ? this.store.appliedSet(session.connection())
					: new AppliedSet(this.store.applied(session.connection()), null);
		}
		catch (SQLException | RuntimeException ex) {
			Connections.closeQuietly(session);
			throw (ex instanceof SQLException sql) ? Connections.failure(sql) : (RuntimeException) ex;
		}
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/**
	 * The open session and the committed applied set it read.
	 */
	private record Connected(Session session, AppliedSet applied) {

	}

	/**
	 * The open connection (not yet a session: the read needs none) and what the version
	 * store recorded of the last check that found nothing to do.
	 */
	private record Recorded(Connection connection, @Nullable UpToDate upToDate) {

	}

	/**
	 * An upgrade's fingerprint, its open connection, and the heads recorded for that
	 * fingerprint when the applied set is unchanged ({@code null} when the full check
	 * must run).
	 */
	private record Fingerprinted(String fingerprint, Connection connection, @Nullable List<RevisionId> recordedHeads) {

	}

	/**
	 * What a run starts from, read before the lock: the files, the open session and the
	 * committed applied set.
	 */
	private record Opened(Catalog catalog, Session session, AppliedSet applied) {

	}

	/**
	 * The revisions of an applied set that files declare, parents first.
	 */
	private static List<RevisionId> ids(Catalog catalog, List<AppliedRevision> applied) {
		return catalog.graph().inOrder(Planning.knownApplied(catalog, applied));
	}

	/**
	 * Records the targets as applied (or not) without running anything, as
	 * {@code alembic stamp} does: each target's line moves to it; with {@code purge} the
	 * applied set becomes exactly the targets and what they need.
	 */
	public MigrationResult stamp(List<Target> targets, boolean purge) {
		return this.writes.stamp(targets, purge);
	}

	/**
	 * The SQL script of {@link #stamp}, to review or run with {@code psql}, as
	 * {@code alembic stamp --sql}: the version-store tables, then the records the stamp
	 * writes, in one transaction.
	 * @param fromBase whether to start from an empty database without connecting
	 * (offline) rather than from what the database has recorded
	 */
	public String stampSql(List<Target> targets, boolean purge, boolean fromBase) {
		return this.writes.stampScript(targets, purge, fromBase);
	}

	/**
	 * Takes over a database that Alembic migrated: records exactly the revisions its
	 * {@code alembic_version} table holds, with what they build on, as applied without
	 * running anything, and leaves {@code alembic_version} as it is. Each of those
	 * revisions must have a revision file with the same id, and the version store must
	 * have recorded nothing yet.
	 * @return the table read (to name it as the engine's messages do) and the heads the
	 * database is now recorded at
	 * @throws io.github.migrations.core.database.AlembicDatabaseException when there is
	 * nothing to adopt, or a revision has no file
	 */
	public AdoptedAlembicVersion adoptAlembicVersion() {
		Catalog catalog = this.loader.load();
		try (Session session = this.connections.open();
				AdvisoryLock lock = this.connections.lock(session, this.listener::waitingForLock)) {
			Connection connection = session.connection();
			return this.alembic.adopt(connection, catalog, this.store.applied(connection));
		}
		catch (SQLException ex) {
			throw Connections.failure(ex);
		}
	}

	/**
	 * Where the database stands: the applied revisions that no applied revision builds
	 * on, including those no script declares (a newer build applied them).
	 */
	public List<String> current() {
		return this.queries.current();
	}

	/**
	 * Who runs a migration on this database right now, holding the migration lock, as
	 * "PostgreSQL backend 4242 ('orders-api', user app, from 10.0.0.7), connected for 3
	 * min, active, running: CREATE INDEX ..."; {@code null} when nobody does. A revision
	 * the version store shows as upgrading or downgrading is then being run, not
	 * interrupted. Takes no lock.
	 */
	public @Nullable String migrationInProgress() {
		return this.queries.migrationInProgress();
	}

	/**
	 * The revisions the version store marks as running ({@code transactional: false})
	 * that a script declares, each in the words of {@link #validate()}: in progress
	 * ({@link HistoryMismatchException.Problem#inProgress()}) while another session holds
	 * the migration lock, else interrupted, with what to do. Empty when none is marked.
	 * Takes no lock.
	 */
	public List<HistoryMismatchException.Problem> unfinished() {
		return this.queries.unfinished();
	}

	/**
	 * Where the database stands against the scripts and the target, in one read: current
	 * revisions, heads, pending steps and unknown revisions. Changes nothing and takes no
	 * lock.
	 * @throws HistoryMismatchException when the history does not match the files; a
	 * revision marked as running ({@code transactional: false}) while another session
	 * holds the migration lock is reported in progress, not interrupted
	 * ({@link HistoryMismatchException#inProgress()})
	 */
	public MigrationStatus status(Target target) {
		return this.queries.status(target);
	}

	/**
	 * The heads of the scripts' graph.
	 */
	public List<RevisionId> heads() {
		return this.queries.graph().heads();
	}

	/**
	 * The validated revision graph of the scripts.
	 */
	public RevisionGraph graph() {
		return this.queries.graph();
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
		return this.queries.appliedRevisions();
	}

	/**
	 * The append-only log of every step taken, oldest first; empty before the first run.
	 */
	public List<LogEntry> history() {
		return this.queries.history();
	}

	/**
	 * The newest entry of the log, read without reading the rest; {@code null} before the
	 * first run.
	 */
	public @Nullable LogEntry lastLogEntry() {
		return this.queries.lastLogEntry();
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
		return this.queries.plan(Direction.UPGRADE, target);
	}

	/**
	 * The downgrade to the target, planned against the database without running anything.
	 */
	public MigrationPlan planDowngrade(Target target) {
		return this.queries.plan(Direction.DOWNGRADE, target);
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
		return this.queries.sql(direction, from, to);
	}

	/**
	 * Checks the scripts (every section of every file), the graph and the recorded
	 * history without changing anything.
	 * @throws MigrationException describing every problem found; a revision marked as
	 * running while another session holds the migration lock is in progress, as
	 * {@link #status(Target)} reports it
	 */
	public void validate() {
		this.queries.validate();
	}

	/**
	 * Re-records the checksums of applied revisions whose files changed, after a
	 * deliberate edit.
	 * @return the revisions whose checksum was re-recorded
	 */
	public List<String> repair() {
		return this.writes.repair();
	}

	/**
	 * Lints revisions: for each statement that takes a risky lock, where it is, the lock,
	 * what it blocks and the safe rewrite; style warnings too. Reads the files only, not
	 * the database.
	 * @param revisions ids, unique prefixes or branch labels of the revisions to lint, in
	 * the context of the revisions before them; they form one release (what one drops,
	 * another may have added). Empty for every revision, each its own release.
	 * @throws MigrationException if a file cannot be parsed or a name resolves to no
	 * revision
	 */
	public LintReport lint(List<String> revisions) {
		return this.linting.lint(revisions);
	}

	/**
	 * Builds a {@link Migrator}.
	 */
	public static final class Builder {

		private final DataSource dataSource;

		private MigratorSettings settings = MigratorSettings.defaults();

		private final List<JavaRevision> javaRevisions = new ArrayList<>();

		private ClassLoader classLoader = Migrator.class.getClassLoader();

		private final List<MigrationListener> listeners = new ArrayList<>();

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

		/**
		 * Adds a listener; each listener hears every callback, in the order they were
		 * added.
		 */
		public Builder listener(MigrationListener listener) {
			this.listeners.add(listener);
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
