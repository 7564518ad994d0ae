package io.github.migrations.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.api.UnknownRevisionPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code app.migrations.*} properties.
 */
@ConfigurationProperties("app.migrations")
public class MigrationsProperties {

	/**
	 * Whether to configure the migrations at all.
	 */
	private boolean enabled = true;

	/**
	 * What to do on startup: upgrade the database to the target, only validate that
	 * nothing is pending and no applied file changed, or nothing.
	 */
	private Mode mode = Mode.UPGRADE;

	/**
	 * Whether to lint the pending revisions on startup, before they run: log what lint
	 * finds, fail startup when a lock-safety rule fires, or skip it.
	 */
	private Lint lint = Lint.OFF;

	/**
	 * Where the database should stand after startup, as an Alembic target such as 'head',
	 * 'heads' or a revision id.
	 */
	private String target = "head";

	/**
	 * Where the revision files live, as 'classpath:' or 'filesystem:' locations.
	 */
	private List<String> locations = new ArrayList<>(List.of("classpath:db/revisions"));

	/**
	 * Schema of the version-store tables, also first on the revisions' search_path; the
	 * connection's current schema when not set.
	 */
	private @Nullable String schema;

	/**
	 * Whether to create the schema when it does not exist.
	 */
	private boolean createSchemas = true;

	/**
	 * Prefix of the names of the version-store tables, which end in 'revisions', 'log'
	 * and 'fingerprint'.
	 */
	private String tablePrefix = "migrations_";

	/**
	 * Whether each revision runs in its own transaction, or the whole run in one.
	 */
	private TransactionMode transactionMode = TransactionMode.PER_REVISION;

	/**
	 * Maximum time to wait for another instance to finish migrating before failing.
	 */
	private Duration lockWaitTimeout = Duration.ofMinutes(1);

	/**
	 * PostgreSQL lock_timeout for revisions that do not set their own, 0 for none, or,
	 * when not set, 2s for transactional revisions run one per transaction and the
	 * server's for the others.
	 */
	private @Nullable Duration lockTimeout;

	/**
	 * How many times a transactional revision that failed on its lock_timeout is rolled
	 * back and run again, after a pause that doubles from one second, or 0 for none.
	 */
	private int lockRetries = 5;

	/**
	 * PostgreSQL statement_timeout for revisions that do not set their own; the server's
	 * when not set.
	 */
	private @Nullable Duration statementTimeout;

	/**
	 * Whether startup stops when the file of an applied revision has changed.
	 */
	private boolean validateChecksums = true;

	/**
	 * What to do about applied revisions that no revision file declares, as after rolling
	 * back to an older build.
	 */
	private UnknownRevisionPolicy unknownRevisions = UnknownRevisionPolicy.WARN;

	/**
	 * Target to record as applied, without running anything, when the database already
	 * has tables but no version store.
	 */
	private @Nullable String baseline;

	/**
	 * Whether startup, on a database that Alembic migrated and whose version store has
	 * recorded nothing, records the revisions in its alembic_version table as applied
	 * without running them, instead of stopping.
	 */
	private boolean adoptAlembicVersion;

	/**
	 * Alembic's version table, as 'name' or 'schema.name' (env.py's version_table and
	 * version_table_schema), read to tell a database Alembic migrated and to adopt it;
	 * without a schema, the first schema on the search path that has it.
	 */
	private String alembicVersionTable = "alembic_version";

	/**
	 * Values for '${name}' placeholders in revision files.
	 */
	private Map<String, String> placeholders = new LinkedHashMap<>();

	/**
	 * How long the health indicator and the 'migrations.pending' gauge reuse what they
	 * last read about where the database stands.
	 */
	private Duration statusCacheTimeToLive = Duration.ofSeconds(10);

	/**
	 * Objects that the revisions do not manage, left out of the endpoint's drift (and of
	 * the command line's drift, check, diff and autogenerate): 'schema:NAME' (with
	 * everything in it), 'extension:NAME', 'table:NAME' or 'table:SCHEMA.NAME' (with its
	 * indexes, constraints, triggers and owned sequences), such as
	 * 'extension:pg_stat_statements' that a DBA installed.
	 */
	private List<String> ignoredObjects = new ArrayList<>();

	/**
	 * JDBC URL of the database to migrate, when the migrations should not use the
	 * application's DataSource.
	 */
	private @Nullable String url;

	/**
	 * Login user for the migrations, for example one that may run DDL; with no 'url', it
	 * connects to the application's database.
	 */
	private @Nullable String username;

	/**
	 * Login password of the migrations user.
	 */
	private @Nullable String password;

	/**
	 * Maps these properties onto the engine's settings.
	 */
	public MigratorSettings toSettings() {
		return MigratorSettings.defaults()
			.toBuilder()
			.locations(this.locations)
			.schema(this.schema)
			.createSchemas(this.createSchemas)
			.tablePrefix(this.tablePrefix)
			.transactionMode(this.transactionMode)
			.lockWaitTimeout(this.lockWaitTimeout)
			.lockTimeout(this.lockTimeout)
			.statementTimeout(this.statementTimeout)
			.validateChecksums(this.validateChecksums)
			.unknownRevisions(this.unknownRevisions)
			.placeholders(this.placeholders)
			.baseline(this.baseline)
			.lockRetries(this.lockRetries)
			.adoptAlembicVersion(this.adoptAlembicVersion)
			.alembicVersionTable(this.alembicVersionTable)
			.build();
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Lint getLint() {
		return this.lint;
	}

	public void setLint(Lint lint) {
		this.lint = lint;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = locations;
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

	public String getTablePrefix() {
		return this.tablePrefix;
	}

	public void setTablePrefix(String tablePrefix) {
		this.tablePrefix = tablePrefix;
	}

	public TransactionMode getTransactionMode() {
		return this.transactionMode;
	}

	public void setTransactionMode(TransactionMode transactionMode) {
		this.transactionMode = transactionMode;
	}

	public Duration getLockWaitTimeout() {
		return this.lockWaitTimeout;
	}

	public void setLockWaitTimeout(Duration lockWaitTimeout) {
		this.lockWaitTimeout = lockWaitTimeout;
	}

	public @Nullable Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(@Nullable Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public @Nullable Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(@Nullable Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public UnknownRevisionPolicy getUnknownRevisions() {
		return this.unknownRevisions;
	}

	public void setUnknownRevisions(UnknownRevisionPolicy unknownRevisions) {
		this.unknownRevisions = unknownRevisions;
	}

	public @Nullable String getBaseline() {
		return this.baseline;
	}

	public void setBaseline(@Nullable String baseline) {
		this.baseline = baseline;
	}

	public String getAlembicVersionTable() {
		return this.alembicVersionTable;
	}

	public void setAlembicVersionTable(String alembicVersionTable) {
		this.alembicVersionTable = alembicVersionTable;
	}

	public boolean isAdoptAlembicVersion() {
		return this.adoptAlembicVersion;
	}

	public void setAdoptAlembicVersion(boolean adoptAlembicVersion) {
		this.adoptAlembicVersion = adoptAlembicVersion;
	}

	public Map<String, String> getPlaceholders() {
		return this.placeholders;
	}

	public void setPlaceholders(Map<String, String> placeholders) {
		this.placeholders = placeholders;
	}

	public Duration getStatusCacheTimeToLive() {
		return this.statusCacheTimeToLive;
	}

	public void setStatusCacheTimeToLive(Duration statusCacheTimeToLive) {
		this.statusCacheTimeToLive = statusCacheTimeToLive;
	}

	public List<String> getIgnoredObjects() {
		return this.ignoredObjects;
	}

	public void setIgnoredObjects(List<String> ignoredObjects) {
		this.ignoredObjects = ignoredObjects;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	/**
	 * What the application does with the migrations on startup.
	 */
	public enum Mode {

		/**
		 * Upgrade the database to the target.
		 */
		UPGRADE,

		/**
		 * Change nothing; fail startup when a revision is pending or an applied file
		 * changed, for applications whose database user may not run DDL.
		 */
		VALIDATE,

		/**
		 * Do nothing on startup; the endpoint still reports where the database stands.
		 */
		NONE

	}

	/**
	 * What startup does with lint's findings on the pending revisions.
	 */
	public enum Lint {

		/**
		 * Do not lint on startup.
		 */
		OFF,

		/**
		 * Log every finding as a warning, then migrate.
		 */
		WARN,

		/**
		 * Fail startup, before anything runs, when a lock-safety rule fires; log style
		 * warnings.
		 */
		FAIL

	}

}
