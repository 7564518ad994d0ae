package io.github.migrations.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Every setting of a {@link Migrator}, immutable, with the defaults in {@link #defaults()}.
 *
 * @param locations where revision files live: {@code classpath:} or {@code filesystem:}
 * locations (a plain path is a file-system folder)
 * @param schema the schema of the version store, also put first on the revisions'
 * {@code search_path}; {@code null} for the connection's current schema
 * @param createSchemas whether to create {@code schema} when it does not exist
 * @param tablePrefix the prefix of the version-store tables ({@code <prefix>revisions} and
 * {@code <prefix>log})
 * @param transactionMode one transaction per revision, or one for the whole run
 * @param lockWaitTimeout how long to wait for another instance that is migrating
 * @param lockTimeout PostgreSQL {@code lock_timeout} for revisions that set none, or {@code null}
 * to keep the server's
 * @param statementTimeout PostgreSQL {@code statement_timeout} for revisions that set none, or
 * {@code null} to keep the server's
 * @param validateChecksums whether an applied revision whose file changed stops the run
 * @param unknownRevisions what to do about applied revisions that no script declares
 * @param placeholders values for {@code ${name}} in revision SQL
 */
public record MigratorSettings(List<String> locations, @Nullable String schema, boolean createSchemas,
		String tablePrefix, TransactionMode transactionMode, Duration lockWaitTimeout, @Nullable Duration lockTimeout,
		@Nullable Duration statementTimeout, boolean validateChecksums, UnknownRevisionPolicy unknownRevisions,
		Map<String, String> placeholders) {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,40}");

	public MigratorSettings {
		locations = List.copyOf(locations);
		placeholders = Map.copyOf(placeholders);
		if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
			throw new MigrationException("Schema '%s' is not a valid schema name.".formatted(schema),
					"Use letters, digits and '_' only, starting with a letter (for example 'app').");
		}
		if (!PREFIX.matcher(tablePrefix).matches()) {
			throw new MigrationException("Table prefix '%s' is not valid.".formatted(tablePrefix),
					"Use letters, digits and '_' only (for example 'migrations_').");
		}
		if (locations.isEmpty()) {
			throw new MigrationException("No revision locations are configured.",
					"Set at least one location, for example 'classpath:db/revisions'.");
		}
	}

	/**
	 * The defaults: revisions in {@code classpath:db/revisions}, the connection's schema, tables
	 * {@code migrations_revisions} and {@code migrations_log}, one transaction per revision, a
	 * one-minute lock wait, checksums validated, unknown revisions warned about.
	 */
	public static MigratorSettings defaults() {
		return new MigratorSettings(List.of("classpath:db/revisions"), null, true, "migrations_",
				TransactionMode.PER_REVISION, Duration.ofMinutes(1), null, null, true, UnknownRevisionPolicy.WARN,
				Map.of());
	}

	public MigratorSettings withLocations(String... locations) {
		return new MigratorSettings(List.of(locations), this.schema, this.createSchemas, this.tablePrefix,
				this.transactionMode, this.lockWaitTimeout, this.lockTimeout, this.statementTimeout,
				this.validateChecksums, this.unknownRevisions, this.placeholders);
	}

	public MigratorSettings withSchema(@Nullable String schema) {
		return new MigratorSettings(this.locations, schema, this.createSchemas, this.tablePrefix, this.transactionMode,
				this.lockWaitTimeout, this.lockTimeout, this.statementTimeout, this.validateChecksums,
				this.unknownRevisions, this.placeholders);
	}

	public MigratorSettings withTablePrefix(String tablePrefix) {
		return new MigratorSettings(this.locations, this.schema, this.createSchemas, tablePrefix, this.transactionMode,
				this.lockWaitTimeout, this.lockTimeout, this.statementTimeout, this.validateChecksums,
				this.unknownRevisions, this.placeholders);
	}

	public MigratorSettings withTransactionMode(TransactionMode transactionMode) {
		return new MigratorSettings(this.locations, this.schema, this.createSchemas, this.tablePrefix, transactionMode,
				this.lockWaitTimeout, this.lockTimeout, this.statementTimeout, this.validateChecksums,
				this.unknownRevisions, this.placeholders);
	}

	public MigratorSettings withLockWaitTimeout(Duration lockWaitTimeout) {
		return new MigratorSettings(this.locations, this.schema, this.createSchemas, this.tablePrefix,
				this.transactionMode, lockWaitTimeout, this.lockTimeout, this.statementTimeout, this.validateChecksums,
				this.unknownRevisions, this.placeholders);
	}

	public MigratorSettings withUnknownRevisions(UnknownRevisionPolicy unknownRevisions) {
		return new MigratorSettings(this.locations, this.schema, this.createSchemas, this.tablePrefix,
				this.transactionMode, this.lockWaitTimeout, this.lockTimeout, this.statementTimeout,
				this.validateChecksums, unknownRevisions, this.placeholders);
	}

	public MigratorSettings withPlaceholders(Map<String, String> placeholders) {
		return new MigratorSettings(this.locations, this.schema, this.createSchemas, this.tablePrefix,
				this.transactionMode, this.lockWaitTimeout, this.lockTimeout, this.statementTimeout,
				this.validateChecksums, this.unknownRevisions, placeholders);
	}

	/**
	 * The applied-set table's name, without schema.
	 */
	public String revisionsTable() {
		return this.tablePrefix + "revisions";
	}

	/**
	 * The log table's name, without schema.
	 */
	public String logTable() {
		return this.tablePrefix + "log";
	}

}
