package io.github.migrations.core;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.core.history.AppliedRevision;
import io.github.migrations.core.history.LogEntry;
import io.github.migrations.core.history.PostgresVersionStore;
import io.github.migrations.core.history.VersionStore;
import io.github.migrations.core.plan.Direction;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import org.jspecify.annotations.Nullable;

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

	private final MigratorSettings settings;

	private final MigrationRun run;

	private final HistoryWrites writes;

	private final ReadOnlyQueries queries;

	private Migrator(Builder builder) {
		this.settings = builder.settings;
		ScriptCatalogLoader loader = new ScriptCatalogLoader(builder.settings.locations(), builder.javaRevisions,
				builder.classLoader);
		VersionStore store = new PostgresVersionStore(this.settings.schema(), this.settings.createSchemas(),
				this.settings.revisionsTable(), this.settings.logTable());
		Connections connections = new Connections(builder.dataSource, this.settings, store);
		this.writes = new HistoryWrites(this.settings, loader, store, connections);
		this.run = new MigrationRun(this.settings, loader, store, connections, this.writes, builder.listener);
		this.queries = new ReadOnlyQueries(this.settings, loader, store, connections);
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
		return this.run.migrate(Direction.UPGRADE, target);
	}

	/**
	 * Removes the applied revisions above the target, newest first.
	 */
	public MigrationResult downgrade(Target target) {
		return this.run.migrate(Direction.DOWNGRADE, target);
	}

	/**
	 * Downgrades exactly one applied revision, which no applied revision may build on,
	 * leaving every other branch as it is (for tests that walk the graph one revision at
	 * a time).
	 */
	public MigrationResult revert(String revision) {
		return this.run.revert(revision);
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
	 * Where the database stands: the applied revisions that no applied revision builds
	 * on, plus any applied revision that no script declares.
	 */
	public List<String> current() {
		return this.queries.current();
	}

	/**
	 * Where the database stands against the scripts and the target, in one read: current
	 * revisions, heads, pending steps and unknown revisions. Changes nothing and takes no
	 * lock.
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
	 * @throws MigrationException describing every problem found
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
