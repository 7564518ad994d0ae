package io.github.migrations.core.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Every setting of a {@code Migrator}, immutable, with the defaults in
 * {@link #defaults()}.
 *
 * @param locations where revision files live: {@code classpath:} or {@code filesystem:}
 * locations (a plain path is a file-system folder)
 * @param schema the schema of the version store, also put first on the revisions'
 * {@code search_path}; {@code null} for the connection's current schema
 * @param createSchemas whether to create {@code schema} when it does not exist
 * @param tablePrefix the prefix of the version-store tables ({@code <prefix>revisions},
 * {@code <prefix>log} and {@code <prefix>fingerprint})
 * @param transactionMode one transaction per revision, or one for the whole run
 * @param lockWaitTimeout how long to wait for another instance that is migrating
 * @param lockTimeout PostgreSQL {@code lock_timeout} for revisions that set none; when
 * {@code null}, {@link #DEFAULT_LOCK_TIMEOUT} for transactional revisions run one per
 * transaction and the server's for the others; zero for none
 * @param statementTimeout PostgreSQL {@code statement_timeout} for revisions that set
 * none, or {@code null} to keep the server's
 * @param validateChecksums whether an applied revision whose file changed stops the run
 * @param unknownRevisions what to do about applied revisions that no script declares
 * @param placeholders values for {@code ${name}} in revision SQL
 * @param baseline a target to stamp, without running anything, when the database already
 * has tables but no version store (a database created by an init script); {@code null}
 * for none
 * @param lockRetries how many times a transactional revision that failed on its
 * {@code lock_timeout} is rolled back and run again, after a wait that doubles from one
 * second; {@code 0} for none
 * @param adoptAlembicVersion whether an upgrade of a database whose version store has
 * recorded nothing, but whose Alembic {@code alembic_version} table holds revisions,
 * first records exactly those revisions as applied (leaving {@code alembic_version} as it
 * is), instead of stopping
 * @param alembicVersionTable where Alembic recorded its revisions, {@code name} or
 * {@code schema.name} as Alembic's {@code version_table} and {@code version_table_schema}
 * name it (names as the catalog spells them, matched exactly); without a schema, the
 * first schema on the search path that has it
 */
public record MigratorSettings(List<String> locations, @Nullable String schema, boolean createSchemas,
		String tablePrefix, TransactionMode transactionMode, Duration lockWaitTimeout, @Nullable Duration lockTimeout,
		@Nullable Duration statementTimeout, boolean validateChecksums, UnknownRevisionPolicy unknownRevisions,
		Map<String, String> placeholders, @Nullable String baseline, int lockRetries, boolean adoptAlembicVersion,
		String alembicVersionTable) {

	/**
	 * The {@code lock_timeout} of a transactional revision when neither its header nor
	 * the settings give one: short, so that a revision queued behind a long query gives
	 * way before the queries queued behind it pile up, and is run again.
	 */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(2);

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

	private static final Pattern ALEMBIC_TABLE = Pattern
		.compile("(?:[A-Za-z_][A-Za-z0-9_$]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_$]{0,62}");

	/** Alembic's default {@code version_table}. */
	public static final String ALEMBIC_VERSION = "alembic_version";

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_]{0,40}");

	public MigratorSettings {
		locations = List.copyOf(locations);
		placeholders = Map.copyOf(placeholders);
		if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
			throw MigrationException.aboutSetting("Schema '%s' is not a valid schema name.".formatted(schema),
					"Use letters, digits and '_' only, starting with a letter (for example 'app').", "schema");
		}
		if (!PREFIX.matcher(tablePrefix).matches()) {
			throw MigrationException.aboutSetting("Table prefix '%s' is not valid.".formatted(tablePrefix),
					"Use letters, digits and '_' only (for example 'migrations_').", "table-prefix");
		}
		if (!ALEMBIC_TABLE.matcher(alembicVersionTable).matches()) {
			throw MigrationException.aboutSetting(
					"Alembic version table '%s' is not a table name.".formatted(alembicVersionTable),
					"Name it as Alembic's version_table, optionally after version_table_schema and a dot: letters, "
							+ "digits, '_' and '$', starting with a letter or '_' (for example 'alembic_version' or "
							+ "'audit.alembic_version').",
					"alembic-version-table");
		}
		if (lockRetries < 0) {
			throw MigrationException.of("Lock retries must not be negative, got %d.".formatted(lockRetries),
					"Use 0 to fail at the first lock timeout, or a positive number of retries.");
		}
		if (locations.isEmpty()) {
			throw MigrationException.of("No revision locations are configured.",
					"Set at least one location, for example 'classpath:db/revisions'.");
		}
	}

	/**
	 * The defaults: revisions in {@code classpath:db/revisions}, the connection's schema,
	 * tables {@code migrations_revisions} and {@code migrations_log}, one transaction per
	 * revision, a one-minute lock wait, {@link #DEFAULT_LOCK_TIMEOUT} for transactional
	 * revisions with five retries, checksums validated, unknown revisions warned about,
	 * no baseline, and an Alembic database (its table {@code alembic_version}) stops the
	 * upgrade instead of being adopted.
	 */
	public static MigratorSettings defaults() {
		return new MigratorSettings(List.of("classpath:db/revisions"), null, true, "migrations_",
				TransactionMode.PER_REVISION, Duration.ofMinutes(1), null, null, true, UnknownRevisionPolicy.WARN,
				Map.of(), null, 5, false, ALEMBIC_VERSION);
	}

	public MigratorSettings withLocations(String... locations) {
		return toBuilder().locations(List.of(locations)).build();
	}

	public MigratorSettings withSchema(@Nullable String schema) {
		return toBuilder().schema(schema).build();
	}

	public MigratorSettings withTablePrefix(String tablePrefix) {
		return toBuilder().tablePrefix(tablePrefix).build();
	}

	public MigratorSettings withTransactionMode(TransactionMode transactionMode) {
		return toBuilder().transactionMode(transactionMode).build();
	}

	public MigratorSettings withLockWaitTimeout(Duration lockWaitTimeout) {
		return toBuilder().lockWaitTimeout(lockWaitTimeout).build();
	}

	public MigratorSettings withUnknownRevisions(UnknownRevisionPolicy unknownRevisions) {
		return toBuilder().unknownRevisions(unknownRevisions).build();
	}

	public MigratorSettings withPlaceholders(Map<String, String> placeholders) {
		return toBuilder().placeholders(placeholders).build();
	}

	public MigratorSettings withBaseline(@Nullable String baseline) {
		return toBuilder().baseline(baseline).build();
	}

	/**
	 * A builder that starts from these settings.
	 */
	public Builder toBuilder() {
		return new Builder(this);
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

	/**
	 * The name, without schema, of the one-row table that records the last check that
	 * found nothing to do.
	 */
	public String fingerprintTable() {
		return this.tablePrefix + "fingerprint";
	}

	/**
	 * Changes some settings and keeps the rest.
	 */
	public static final class Builder {

		private List<String> locations;

		private @Nullable String schema;

		private boolean createSchemas;

		private String tablePrefix;

		private TransactionMode transactionMode;

		private Duration lockWaitTimeout;

		private @Nullable Duration lockTimeout;

		private @Nullable Duration statementTimeout;

		private boolean validateChecksums;

		private UnknownRevisionPolicy unknownRevisions;

		private Map<String, String> placeholders;

		private @Nullable String baseline;

		private int lockRetries;

		private boolean adoptAlembicVersion;

		private String alembicVersionTable;

		private Builder(MigratorSettings settings) {
			this.locations = settings.locations;
			this.schema = settings.schema;
			this.createSchemas = settings.createSchemas;
			this.tablePrefix = settings.tablePrefix;
			this.transactionMode = settings.transactionMode;
			this.lockWaitTimeout = settings.lockWaitTimeout;
			this.lockTimeout = settings.lockTimeout;
			this.statementTimeout = settings.statementTimeout;
			this.validateChecksums = settings.validateChecksums;
			this.unknownRevisions = settings.unknownRevisions;
			this.placeholders = settings.placeholders;
			this.baseline = settings.baseline;
			this.lockRetries = settings.lockRetries;
			this.adoptAlembicVersion = settings.adoptAlembicVersion;
			this.alembicVersionTable = settings.alembicVersionTable;
		}

		public Builder locations(List<String> locations) {
			this.locations = locations;
			return this;
		}

		public Builder schema(@Nullable String schema) {
			this.schema = schema;
			return this;
		}

		public Builder createSchemas(boolean createSchemas) {
			this.createSchemas = createSchemas;
			return this;
		}

		public Builder tablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
			return this;
		}

		public Builder transactionMode(TransactionMode transactionMode) {
			this.transactionMode = transactionMode;
			return this;
		}

		public Builder lockWaitTimeout(Duration lockWaitTimeout) {
			this.lockWaitTimeout = lockWaitTimeout;
			return this;
		}

		public Builder lockTimeout(@Nullable Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder statementTimeout(@Nullable Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		public Builder validateChecksums(boolean validateChecksums) {
			this.validateChecksums = validateChecksums;
			return this;
		}

		public Builder unknownRevisions(UnknownRevisionPolicy unknownRevisions) {
			this.unknownRevisions = unknownRevisions;
			return this;
		}

		public Builder placeholders(Map<String, String> placeholders) {
			this.placeholders = placeholders;
			return this;
		}

		public Builder baseline(@Nullable String baseline) {
			this.baseline = baseline;
			return this;
		}

		public Builder lockRetries(int lockRetries) {
			this.lockRetries = lockRetries;
			return this;
		}

		public Builder adoptAlembicVersion(boolean adoptAlembicVersion) {
			this.adoptAlembicVersion = adoptAlembicVersion;
			return this;
		}

		public Builder alembicVersionTable(String alembicVersionTable) {
			this.alembicVersionTable = alembicVersionTable;
			return this;
		}

		public MigratorSettings build() {
			return new MigratorSettings(this.locations, this.schema, this.createSchemas, this.tablePrefix,
					this.transactionMode, this.lockWaitTimeout, this.lockTimeout, this.statementTimeout,
					this.validateChecksums, this.unknownRevisions, this.placeholders, this.baseline, this.lockRetries,
					this.adoptAlembicVersion, this.alembicVersionTable);
		}

	}

}
