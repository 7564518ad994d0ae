package io.github.migrations.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.lint.Finding;
import io.github.migrations.core.lint.LintReport;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.Target;
import org.jspecify.annotations.Nullable;

/**
 * Walks a project's revisions from base to head, one at a time, on an empty database:
 * each revision must upgrade, downgrade back to exactly the schema it started from, and
 * upgrade again to exactly the schema of its first upgrade. Failures are
 * {@link AssertionError}s that name the revision and its file and show the schema
 * difference.
 */
public final class Stairway {

	private final Migrator migrator;

	private final DataSource dataSource;

	private final DataHook hook;

	private final @Nullable String schema;

	/**
	 * A stairway that compares every schema of the database: for a database of its own.
	 */
	public Stairway(Migrator migrator, DataSource dataSource, DataHook hook) {
		this(migrator, dataSource, hook, null);
	}

	/**
	 * A stairway that compares only one schema, for revisions that run in a schema of a
	 * shared database: the migrator's schema, which must be set.
	 */
	public static Stairway inSchema(Migrator migrator, DataSource dataSource, DataHook hook) {
		String schema = migrator.settings().schema();
		if (schema == null) {
			throw new IllegalArgumentException("A stairway in a schema needs a migrator with a schema; set one with "
					+ "MigratorSettings.withSchema.");
		}
		return new Stairway(migrator, dataSource, hook, schema);
	}

	private Stairway(Migrator migrator, DataSource dataSource, DataHook hook, @Nullable String schema) {
		this.migrator = migrator;
		this.dataSource = dataSource;
		this.hook = hook;
		this.schema = schema;
	}

	/**
	 * The revisions in the order the stairway climbs them: parents and dependencies
	 * first.
	 */
	public List<Revision> steps() {
		return this.migrator.revisions();
	}

	/**
	 * Upgrades, downgrades and upgrades again one revision, whose parents must be
	 * applied.
	 * @throws AssertionError naming the revision when a step fails or the schemas differ
	 */
	public void climb(Revision revision) {
		String id = revision.id().value();
		String where = "Revision '%s' (%s)".formatted(id, revision.source());
		createVersionStoreSchema();
		runHook(revision, where);
		SchemaSnapshot before = snapshot();
		step(where, "upgrade", () -> this.migrator.upgrade(Target.parse(id)));
		SchemaSnapshot upgraded = snapshot();
		step(where, "downgrade", () -> this.migrator.revert(id));
		SchemaDiff leftOver = snapshot().diff(before);
		if (!leftOver.isEmpty()) {
			throw new AssertionError(("%s: its downgrade does not restore the schema it started from. Compared with "
					+ "before the upgrade, '+' is left behind by the downgrade, '-' is missing, '~' differs:%n%s%n"
					+ "%s")
				.formatted(where, leftOver, undoExactly(revision)));
		}
		step(where, "second upgrade", () -> this.migrator.upgrade(Target.parse(id)));
		SchemaDiff drift = snapshot().diff(upgraded);
		if (!drift.isEmpty()) {
			throw new AssertionError(("%s: upgrading again after the downgrade gives another schema than the first "
					+ "upgrade ('+' only now, '-' only the first time, '~' differs):%n%s%n"
					+ "The downgrade leaves something that changes the next upgrade.")
				.formatted(where, drift));
		}
	}

	/**
	 * Base to the heads, back to base, and to the heads again: base must be as the
	 * database was before any revision, and both climbs must give the same schema. A
	 * database with revisions applied is first taken down to base.
	 */
	public SchemaSnapshot fullCycle() {
		createVersionStoreSchema();
		if (!this.migrator.current().isEmpty()) {
			step("The revisions", "downgrade to base", () -> this.migrator.downgrade(Target.base()));
		}
		SchemaSnapshot empty = snapshot();
		step("The revisions", "upgrade to heads", () -> this.migrator.upgrade(Target.heads()));
		SchemaSnapshot head = snapshot();
		step("The revisions", "downgrade to base", () -> this.migrator.downgrade(Target.base()));
		SchemaDiff leftOver = snapshot().diff(empty);
		if (!leftOver.isEmpty()) {
			throw new AssertionError(("Downgrading from the heads to base leaves the schema different from the empty "
					+ "database it started from ('+' left behind, '-' missing):%n%s")
				.formatted(leftOver));
		}
		step("The revisions", "second upgrade to heads", () -> this.migrator.upgrade(Target.heads()));
		SchemaDiff drift = snapshot().diff(head);
		if (!drift.isEmpty()) {
			throw new AssertionError(
					("Upgrading to the heads a second time gives another schema than the first time:%n%s")
						.formatted(drift));
		}
		return head;
	}

	/**
	 * Lints every revision in the context of those before it (no database needed).
	 * @param strict whether style warnings fail too
	 * @return the report, when it does not fail
	 * @throws AssertionError listing every finding, with {@code file:line}, the lock,
	 * what it blocks and the fix, when a lock-safety rule fires (or, strict, any rule)
	 */
	public LintReport lint(boolean strict) {
		LintReport report = this.migrator.lint(List.of());
		if (report.failed(strict)) {
			throw new AssertionError("Lint found %d error%s and %d warning%s%s:%n%s%nFix the statements, or opt one "
				.formatted(report.errors().size(), (report.errors().size() == 1) ? "" : "s", report.warnings().size(),
						(report.warnings().size() == 1) ? "" : "s", strict ? " (strict: warnings fail too)" : "",
						report.findings()
							.stream()
							.filter((finding) -> strict || finding.rule().lockSafety())
							.map(Finding::describe)
							.collect(Collectors.joining("\n")))
					+ "out with '-- lint: allow <rule> (<reason>)' above it. Leave a revision that a database has "
					+ "already applied as it is: an edit, even to a comment, changes its checksum and stops the next "
					+ "upgrade of that database; lint such a history with StairwayTests.lint() turned off instead.");
		}
		return report;
	}

	/**
	 * What to fix in a revision whose downgrade leaves the schema changed: its file's
	 * sections, or a Java revision's methods (revision files are {@code .sql} files; any
	 * other source is a class).
	 */
	private static String undoExactly(Revision revision) {
		return revision.source().endsWith(".sql")
				? "Make the '-- +downgrade' section undo exactly what '-- +upgrade' does."
				: "Make its downgrade(Connection) undo exactly what upgrade(Connection) does.";
	}

	/**
	 * The migrator's schema ({@code MigratorSettings.withSchema}), made before anything
	 * is compared: the engine makes it at the first upgrade for its version store, and
	 * the stairway would count it as left behind by the first revision's downgrade.
	 */
	private void createVersionStoreSchema() {
		String versionStore = this.migrator.settings().schema();
		if (this.schema != null || versionStore == null) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("SELECT format('CREATE SCHEMA IF NOT EXISTS %I', ?::text)")) {
			statement.setString(1, versionStore);
			try (ResultSet rows = statement.executeQuery(); Statement create = connection.createStatement()) {
				rows.next();
				create.execute(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new AssertionError("Could not create the version store's schema '%s' before climbing: %s"
				.formatted(versionStore, ex.getMessage()), ex);
		}
	}

	private void runHook(Revision revision, String where) {
		try (Connection connection = this.dataSource.getConnection()) {
			this.hook.beforeUpgrading(revision.id().value(), connection);
		}
		catch (SQLException ex) {
			throw new AssertionError(
					"%s: inserting test data before its upgrade failed: %s".formatted(where, ex.getMessage()), ex);
		}
	}

	private static void step(String where, String what, Runnable action) {
		try {
			action.run();
		}
		catch (MigrationException ex) {
			throw new AssertionError("%s: %s failed: %s".formatted(where, what, ex.getMessage()), ex);
		}
	}

	SchemaSnapshot snapshot() {
		String prefix = this.migrator.settings().tablePrefix();
		return (this.schema != null) ? SchemaSnapshot.ofSchema(this.dataSource, prefix, this.schema)
				: SchemaSnapshot.of(this.dataSource, prefix);
	}

	/**
	 * Rows to insert before a revision is upgraded, so that its downgrade runs with data
	 * in place.
	 */
	@FunctionalInterface
	public interface DataHook {

		DataHook NONE = (revision, connection) -> {
		};

		void beforeUpgrading(String revision, Connection connection) throws SQLException;

	}

}
