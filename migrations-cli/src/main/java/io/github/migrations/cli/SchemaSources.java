package io.github.migrations.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.SchemaFilter;
import io.github.migrations.schema.scratch.DeclarativeSchema;
import io.github.migrations.schema.scratch.RevisionReplay;
import io.github.migrations.schema.scratch.ScratchDatabase;
import io.github.migrations.schema.scratch.Schemas;

/**
 * The two schemas that {@code revision --autogenerate} and {@code check} compare: the
 * schema at head (the configured database when it is at head and is not the desired one,
 * else the revisions applied to a scratch database) and the desired one (a database, or a
 * declarative schema applied to a scratch database).
 */
final class SchemaSources {

	private final CliSettings settings;

	private final ScratchServers scratch;

	private final Path workingDirectory;

	private final SchemaFilter filter;

	private final Map<String, Boolean> configured = new HashMap<>();

	SchemaSources(CliSettings settings, ScratchServers scratch, Path workingDirectory) {
		this.settings = settings;
		this.scratch = scratch;
		this.workingDirectory = workingDirectory;
		this.filter = settings.schemaFilter();
	}

	/**
	 * The schema at head, to compare with the desired schema {@code source}. The
	 * configured database, when it is the desired one (its drift, to be written as a
	 * revision), is not read as head: that would compare it with itself.
	 * @param source the desired schema, as {@link #desired(String)} takes it
	 */
	DatabaseSchema head(String source) {
		boolean desiredIsConfigured = isConfiguredDatabase(source);
		if (this.settings.hasDatabase() && !desiredIsConfigured) {
			Migrator migrator = this.settings.migrator(MigrationListener.NONE);
			MigrationStatus status = migrator.status(Target.heads());
			if (!migrator.graph().isEmpty() && status.pending().isEmpty() && status.unknown().isEmpty()) {
				return Schemas.read(this.settings.dataSource(), this.filter, "the configured database");
			}
		}
		ScratchDatabase database;
		try {
			database = this.scratch.create();
		}
		catch (MigrationException ex) {
			if (!this.settings.hasDatabase()) {
				throw ex;
			}
			if (desiredIsConfigured) {
				throw new MigrationException(ex.problem(), ex.hint()
						+ " The desired database is the configured one, so head cannot be read from it: or configure"
						+ " another database at head (--url), which is then read as head.", ex);
			}
			throw new MigrationException(ex.problem(), ex.hint()
					+ " Or upgrade the configured database to head ('migrations upgrade'): head is then read from it.",
					ex);
		}
		RevisionReplay.toHeads(this.settings.offlineMigrator(), database);
		return Schemas.read(database.dataSource(), this.filter, "the scratch database at head");
	}

	/**
	 * Whether the desired schema {@code source} is the configured database itself.
	 */
	boolean isConfiguredDatabase(String source) {
		// asked once per source: each answer opens a connection to both databases
		return this.configured.computeIfAbsent(source,
				(desired) -> this.settings.hasDatabase() && !DeclarativeSchema.isPath(desired)
						&& SameDatabase.test(this.settings.dataSource(), this.settings.otherDatabase(desired)));
	}

	/**
	 * The desired schema: a database URL, or a {@code .sql} file or folder of them.
	 */
	DatabaseSchema desired(String source) {
		if (!DeclarativeSchema.isPath(source)) {
			return Schemas.read(this.settings.otherDatabase(source), this.filter, "the desired database");
		}
		ScratchDatabase database = this.scratch.create();
		createVersionStoreSchema(database);
		DeclarativeSchema.apply(this.workingDirectory.resolve(source), database, this.settings.settings().schema());
		return Schemas.read(database.dataSource(), this.filter, "the desired schema");
	}

	/**
	 * A declarative schema does not create the version store's own schema, which head
	 * has: made here, it is not reported as a schema to drop.
	 */
	private void createVersionStoreSchema(ScratchDatabase database) {
		String schema = this.settings.settings().schema();
		if (schema == null) {
			return;
		}
		try (Connection connection = database.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema.replace("\"", "\"\"") + "\"");
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not create the version store's schema '%s' in the scratch database: %s"
				.formatted(schema, Secrets.mask(String.valueOf(ex.getMessage()))), "Check the configured schema name.",
					ex);
		}
	}

}
