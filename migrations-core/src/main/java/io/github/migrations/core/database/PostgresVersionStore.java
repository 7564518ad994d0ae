package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.script.Script;
import org.jspecify.annotations.Nullable;

/**
 * The {@link VersionStore} in three PostgreSQL tables: {@code <prefix>revisions} (the
 * applied set), {@code <prefix>log} (the append-only log) and {@code <prefix>fingerprint}
 * (one row: the last check that found nothing to do). Identifiers are validated by
 * {@link io.github.migrations.core.api.MigratorSettings} and always quoted here.
 */
public final class PostgresVersionStore implements VersionStore {

	private static final String UNDEFINED_TABLE = "42P01";

	private final @Nullable String schema;

	private final boolean createSchema;

	private final String revisionsTable;

	private final String revisions;

	private final String log;

	private final String fingerprint;

	public PostgresVersionStore(@Nullable String schema, boolean createSchema, String revisionsTable, String logTable,
			String fingerprintTable) {
		this.schema = schema;
		this.createSchema = createSchema;
		this.revisionsTable = revisionsTable;
		this.revisions = qualified(schema, revisionsTable);
		this.log = qualified(schema, logTable);
		this.fingerprint = qualified(schema, fingerprintTable);
	}

	private static String qualified(@Nullable String schema, String table) {
		return (schema != null) ? quote(schema) + "." + quote(table) : quote(table);
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	/**
	 * A string literal that reads the same whatever {@code standard_conforming_strings}
	 * says: a plain one when the value has no backslash, else an escape string
	 * ({@code E'...'}), where backslashes are always escapes.
	 */
	static String literal(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		String text = value.toString();
		if (text.indexOf('\\') < 0) {
			return "'" + text.replace("'", "''") + "'";
		}
		return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	@Override
	public void ensure(Connection connection) throws SQLException {
		if (complete(connection)) {
			return;
		}
		if (this.schema != null && !this.createSchema && !schemaExists(connection)) {
			throw MigrationException.aboutSetting(
					"Schema '%s' does not exist, and creating schemas is turned off.".formatted(this.schema),
					"Create the schema, or let the migrator create it.", "create-schemas");
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : ensureStatements()) {
				statement.execute(sql);
			}
		}
	}

	private boolean schemaExists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
			statement.setString(1, this.schema);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private List<String> ensureStatements() {
		List<String> statements = new ArrayList<>();
		if (this.schema != null && this.createSchema) {
			statements.add("CREATE SCHEMA IF NOT EXISTS " + quote(this.schema));
		}
		statements
			.add("""
					CREATE TABLE IF NOT EXISTS %s (
					    revision       text PRIMARY KEY,
					    down_revisions text NOT NULL DEFAULT '',
					    checksum       text,
					    state          text NOT NULL DEFAULT 'APPLIED' CHECK (state IN ('APPLIED', 'UPGRADING', 'DOWNGRADING')),
					    applied_by     text NOT NULL DEFAULT current_user,
					    applied_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
					    execution_ms   bigint NOT NULL DEFAULT 0
					)"""
				.formatted(this.revisions));
		statements.add("""
				CREATE TABLE IF NOT EXISTS %s (
				    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    revision     text NOT NULL,
				    action       text NOT NULL CHECK (action IN ('upgrade', 'downgrade', 'stamp', 'unstamp', 'repair')),
				    checksum     text,
				    message      text,
				    success      boolean NOT NULL,
				    performed_by text NOT NULL DEFAULT current_user,
				    performed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
				    execution_ms bigint NOT NULL DEFAULT 0,
				    error        text
				)""".formatted(this.log));
		statements.add("""
				CREATE TABLE IF NOT EXISTS %s (
				    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
				    fingerprint text NOT NULL,
				    applied     text,
				    heads       text NOT NULL,
				    checked_at  timestamptz NOT NULL DEFAULT clock_timestamp()
				)""".formatted(this.fingerprint));
		return statements;
	}

	/**
	 * Whether all three tables exist: a store created before the fingerprint table gets
	 * it at its next {@link #ensure}.
	 */
	private boolean complete(Connection connection) throws SQLException {
		return allExist(connection, this.revisions, this.log, this.fingerprint);
	}

	@Override
	public boolean exists(Connection connection) throws SQLException {
		return allExist(connection, this.revisions, this.log);
	}

	private static boolean allExist(Connection connection, String... tables) throws SQLException {
		String sql = "SELECT " + String.join(" AND ", Collections.nCopies(tables.length, "to_regclass(?) IS NOT NULL"));
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < tables.length; i++) {
				statement.setString(i + 1, tables[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getBoolean(1);
			}
		}
	}

	/**
	 * One query: a missing table (SQLSTATE 42P01) means nothing is applied yet. Must run
	 * outside a transaction, as all reads here do.
	 */
	@Override
	public List<AppliedRevision> applied(Connection connection) throws SQLException {
		return read(connection, false).revisions();
	}

	/**
	 * The same query as {@link #applied}, whose first row also carries the digest of all
	 * of them: one statement, so the digest is of exactly the rows read.
	 */
	@Override
	public AppliedSet appliedSet(Connection connection) throws SQLException {
		return read(connection, true);
	}

	private AppliedSet read(Connection connection, boolean withDigest) throws SQLException {
		List<AppliedRevision> applied = new ArrayList<>();
		String digest = null;
		String digestColumn = withDigest
				? ", CASE WHEN row_number() OVER (ORDER BY applied_at, revision) = 1 THEN (SELECT " + appliedDigest()
						+ " FROM " + this.revisions + ") END"
				: "";
		try (Statement statement = connection.createStatement();
				// applied_at as microseconds since the epoch: the driver's date-time
				// parsing starts up Calendar and locale data, which every start pays for
				ResultSet rows = statement.executeQuery("SELECT revision, down_revisions, checksum, state, applied_by, "
						+ "(extract(epoch FROM applied_at) * 1000000)::bigint, execution_ms" + digestColumn + " FROM "
						+ this.revisions + " ORDER BY applied_at, revision")) {
			while (rows.next()) {
				applied.add(new AppliedRevision(rows.getString(1), split(rows.getString(2)), rows.getString(3),
						AppliedState.valueOf(rows.getString(4)), rows.getString(5), fromEpochMicros(rows.getLong(6)),
						rows.getLong(7)));
				if (withDigest && digest == null) {
					digest = rows.getString(8);
				}
			}
		}
		catch (SQLException ex) {
			if (UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return new AppliedSet(List.of(), null);
			}
			throw ex;
		}
		return new AppliedSet(applied, digest);
	}

	/**
	 * The SHA-256 of every applied row's revision, parents, checksum and state, in the
	 * order of their bytes; {@code NULL} for no rows.
	 */
	private static String appliedDigest() {
		return "encode(sha256(convert_to(string_agg(revision || '|' || down_revisions || '|' || "
				+ "coalesce(checksum, '') || '|' || state, E'\\n' ORDER BY revision COLLATE \"C\"), 'UTF8')), 'hex')";
	}

	/**
	 * One query, which compares the recorded digest with the applied set's now; a missing
	 * table means nothing is recorded.
	 */
	@Override
	public @Nullable UpToDate upToDate(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT fingerprint, heads FROM " + this.fingerprint
						+ " WHERE applied IS NOT DISTINCT FROM (SELECT " + appliedDigest() + " FROM " + this.revisions
						+ ")")) {
			return rows.next() ? new UpToDate(rows.getString(1), split(rows.getString(2))) : null;
		}
		catch (SQLException ex) {
			if (UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return null;
			}
			throw ex;
		}
	}

	@Override
	public void recordUpToDate(Connection connection, String fingerprint, @Nullable String appliedDigest,
			List<String> heads) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.fingerprint
				+ " (fingerprint, applied, heads) VALUES (?, ?, ?) ON CONFLICT (singleton) DO UPDATE SET "
				+ "fingerprint = EXCLUDED.fingerprint, applied = EXCLUDED.applied, heads = EXCLUDED.heads, "
				+ "checked_at = clock_timestamp()")) {
			statement.setString(1, fingerprint);
			statement.setString(2, appliedDigest);
			statement.setString(3, String.join(",", heads));
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			if (!UNDEFINED_TABLE.equals(ex.getSQLState()) || !connection.getAutoCommit()) {
				throw ex;
			}
		}
	}

	@Override
	public boolean hasHistory(Connection connection) throws SQLException {
		if (!exists(connection)) {
			return false;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + this.revisions
						+ ") OR EXISTS (SELECT 1 FROM " + this.log + " WHERE success)")) {
			rows.next();
			return rows.getBoolean(1);
		}
	}

	/**
	 * The key of the advisory lock that guards this store, from its canonical identity:
	 * the database, the schema's name as the catalog holds it (the session's current
	 * schema when none is configured, where the unqualified tables live) and the table.
	 * Every way of naming the same store locks the same key.
	 */
	@Override
	public long lockKey(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT hashtextextended('migrations:' || "
				+ "current_database() || ':' || coalesce(?, current_schema(), '') || '.' || ?, 0)")) {
			statement.setString(1, this.schema);
			statement.setString(2, this.revisionsTable);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	@Override
	public boolean schemaHasTables(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"""
						SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
						WHERE n.nspname = coalesce(?, current_schema()) AND c.relkind IN ('r', 'p', 'v', 'm')
						AND c.oid NOT IN (coalesce(to_regclass(?)::oid, 0::oid), coalesce(to_regclass(?)::oid, 0::oid),
						    coalesce(to_regclass(?)::oid, 0::oid)))""")) {
			statement.setString(1, this.schema);
			statement.setString(2, this.revisions);
			statement.setString(3, this.log);
			statement.setString(4, this.fingerprint);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getBoolean(1);
			}
		}
	}

	private static OffsetDateTime fromEpochMicros(long micros) {
		Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
				Math.floorMod(micros, 1_000_000L) * 1_000L);
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static List<String> split(String joined) {
		// immutable already, so the record keeps the list instead of copying it
		return joined.isEmpty() ? List.of() : List.of(joined.split(","));
	}

	@Override
	public List<LogEntry> log(Connection connection) throws SQLException {
		return logEntries(connection, "ORDER BY id");
	}

	@Override
	public @Nullable LogEntry lastLogEntry(Connection connection) throws SQLException {
		List<LogEntry> newest = logEntries(connection, "ORDER BY id DESC LIMIT 1");
		return newest.isEmpty() ? null : newest.get(0);
	}

	private List<LogEntry> logEntries(Connection connection, String orderAndLimit) throws SQLException {
		if (!exists(connection)) {
			return List.of();
		}
		List<LogEntry> entries = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id, revision, action, checksum, message, success, "
						+ "performed_by, performed_at, execution_ms, error FROM " + this.log + " " + orderAndLimit)) {
			while (rows.next()) {
				entries.add(new LogEntry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
						rows.getString(5), rows.getBoolean(6), rows.getString(7),
						rows.getObject(8, OffsetDateTime.class), rows.getLong(9), rows.getString(10)));
			}
		}
		return entries;
	}

	/**
	 * Rows recorded by one statement of {@link #recordAll}.
	 */
	private static final int RECORDS_PER_STATEMENT = 1000;

	@Override
	public List<String> recordAllSql(Direction direction, List<CompletedRevision> revisions) {
		List<String> statements = new ArrayList<>();
		for (int from = 0; from < revisions.size(); from += RECORDS_PER_STATEMENT) {
			int to = Math.min(from + RECORDS_PER_STATEMENT, revisions.size());
			statements.add(recordAllSql(direction, revisions, from, to));
		}
		return statements;
	}

	private String recordAllSql(Direction direction, List<CompletedRevision> all, int from, int to) {
		List<CompletedRevision> revisions = all.subList(from, to);
		StringBuilder ids = new StringBuilder();
		StringBuilder applied = new StringBuilder();
		StringBuilder logged = new StringBuilder();
		for (CompletedRevision revision : revisions) {
			Script script = revision.script();
			String id = literal(script.revision().id().value());
			String checksum = literal(script.checksum());
			String at = "now() + interval '%d microseconds'".formatted(revision.finishedMicros());
			String separator = ids.isEmpty() ? "" : ",\n    ";
			ids.append(separator).append(id);
			applied.append(separator)
				.append("(%s, %s, %s, 'APPLIED', %d, %s)".formatted(id, literal(parents(script)), checksum,
						revision.executionMs(), at));
			logged.append(separator)
				.append("(%s, '%s', %s, %s, true, %d, %s)".formatted(id, direction.label(), checksum,
						literal(script.revision().message()), revision.executionMs(), at));
		}
		String change = (direction == Direction.UPGRADE)
				? """
						INSERT INTO %s (revision, down_revisions, checksum, state, execution_ms, applied_at)
						VALUES %s
						ON CONFLICT (revision) DO UPDATE SET state = 'APPLIED', checksum = EXCLUDED.checksum,
						    execution_ms = EXCLUDED.execution_ms, applied_at = EXCLUDED.applied_at, applied_by = current_user"""
					.formatted(this.revisions, applied)
				: "DELETE FROM %s WHERE revision IN (%s)".formatted(this.revisions, ids);
		return """
				WITH recorded AS (
				%s)
				INSERT INTO %s (revision, action, checksum, message, success, execution_ms, performed_at)
				VALUES %s""".formatted(change, this.log, logged);
	}

	private static String parents(Script script) {
		return script.revision().downRevisions().stream().map(RevisionId::value).collect(Collectors.joining(","));
	}

	@Override
	public void recordFailure(Connection connection, Script script, Direction direction, long executionMs, String error)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.log
				+ " (revision, action, checksum, message, success, execution_ms, error) VALUES (?, ?, ?, ?, false, ?, ?)")) {
			statement.setString(1, script.revision().id().value());
			statement.setString(2, direction.label());
			statement.setString(3, script.checksum());
			statement.setString(4, script.revision().message());
			statement.setLong(5, executionMs);
			statement.setString(6, error);
			statement.executeUpdate();
		}
	}

	@Override
	public void stamp(Connection connection, Collection<Script> added, Collection<String> removed) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// the statements that a rendered stamp, adoption or baseline shows
			for (String sql : stampSql(added)) {
				statement.execute(sql);
			}
			for (String sql : unstampSql(removed)) {
				statement.execute(sql);
			}
		}
	}

	@Override
	public List<String> stampSql(Collection<Script> added) {
		List<String> statements = new ArrayList<>();
		for (Script script : added) {
			String id = literal(script.revision().id().value());
			String checksum = literal(script.checksum());
			statements.add("INSERT INTO " + this.revisions + " (revision, down_revisions, checksum, state) VALUES ("
					+ id + ", " + literal(parents(script)) + ", " + checksum
					+ ", 'APPLIED') ON CONFLICT (revision) DO UPDATE SET state = 'APPLIED', checksum = EXCLUDED.checksum");
			statements.add("INSERT INTO " + this.log + " (revision, action, checksum, message, success) VALUES (" + id
					+ ", 'stamp', " + checksum + ", " + literal(script.revision().message()) + ", true)");
		}
		return statements;
	}

	@Override
	public List<String> unstampSql(Collection<String> removed) {
		List<String> statements = new ArrayList<>();
		for (String revision : removed) {
			statements.add("DELETE FROM " + this.revisions + " WHERE revision = " + literal(revision));
			statements.add("INSERT INTO " + this.log + " (revision, action, checksum, message, success) VALUES ("
					+ literal(revision) + ", 'unstamp', NULL, NULL, true)");
		}
		return statements;
	}

	private static void log(PreparedStatement log, String revision, String action, @Nullable String checksum,
			@Nullable String message) throws SQLException {
		log.setString(1, revision);
		log.setString(2, action);
		log.setString(3, checksum);
		log.setString(4, message);
		log.executeUpdate();
	}

	@Override
	public void repair(Connection connection, Script script, @Nullable String previousChecksum) throws SQLException {
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + this.revisions + " SET checksum = ? WHERE revision = ?");
				PreparedStatement log = connection.prepareStatement("INSERT INTO " + this.log
						+ " (revision, action, checksum, message, success) VALUES (?, ?, ?, ?, true)")) {
			update.setString(1, script.checksum());
			update.setString(2, script.revision().id().value());
			update.executeUpdate();
			log(log, script.revision().id().value(), "repair", script.checksum(),
					"checksum was " + ((previousChecksum != null) ? previousChecksum : "none"));
		}
	}

	@Override
	public List<String> ensureSql() {
		return ensureStatements();
	}

	/**
	 * One statement, with literals and no parameters, so that the run sends exactly what
	 * the review script shows. The execution time is measured by the server: from the
	 * start of the transaction, or for a revision run outside one, from when it was
	 * marked as running.
	 */
	@Override
	public String recordSql(Script script, Direction direction, boolean inTransaction) {
		// concatenated rather than formatted: this runs once per revision of every run
		String id = literal(script.revision().id().value());
		String checksum = literal(script.checksum());
		String since = inTransaction ? "now()" : "coalesce((SELECT applied_at FROM " + this.revisions
				+ " WHERE revision = " + id + "), clock_timestamp())";
		String elapsed = "(extract(epoch FROM clock_timestamp() - " + since + ") * 1000)::bigint";
		String change = (direction == Direction.UPGRADE) ? "INSERT INTO " + this.revisions
				+ " (revision, down_revisions, checksum, state, execution_ms)\n" + "    VALUES (" + id + ", "
				+ literal(parents(script)) + ", " + checksum + ", 'APPLIED', " + elapsed + ")\n"
				+ "    ON CONFLICT (revision) DO UPDATE SET state = 'APPLIED', checksum = EXCLUDED.checksum,\n"
				+ "        execution_ms = EXCLUDED.execution_ms, applied_at = clock_timestamp(), applied_by = current_user"
				: "DELETE FROM " + this.revisions + " WHERE revision = " + id;
		return "WITH recorded AS (\n" + change + ")\nINSERT INTO " + this.log
				+ " (revision, action, checksum, message, success, execution_ms)\nVALUES (" + id + ", '"
				+ direction.label() + "', " + checksum + ", " + literal(script.revision().message()) + ", true, "
				+ elapsed + ")";
	}

	@Override
	public String markRunningSql(Script script, Direction direction) {
		String id = literal(script.revision().id().value());
		if (direction == Direction.DOWNGRADE) {
			return "UPDATE " + this.revisions
					+ " SET state = 'DOWNGRADING', applied_at = clock_timestamp() WHERE revision = " + id;
		}
		return "INSERT INTO " + this.revisions + " (revision, down_revisions, checksum, state) VALUES (" + id + ", "
				+ literal(parents(script)) + ", " + literal(script.checksum()) + ", 'UPGRADING')\n"
				+ "    ON CONFLICT (revision) DO UPDATE SET state = 'UPGRADING', applied_at = clock_timestamp()";
	}

	@Override
	public void forgetUpgrading(Connection connection, Script script) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("DELETE FROM " + this.revisions + " WHERE revision = ? AND state = 'UPGRADING'")) {
			statement.setString(1, script.revision().id().value());
			statement.executeUpdate();
		}
	}

	@Override
	public String describe() {
		return this.revisions;
	}

}
