package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.script.Script;
import org.jspecify.annotations.Nullable;

/**
 * Where the database records its revisions: the applied set (one row per applied
 * revision), an append-only log (one row per step ever taken), and the fingerprint of the
 * last check that found nothing to do.
 * <p>
 * Contract:
 * <ul>
 * <li>{@link #ensure} creates the schema (when allowed) and the tables when missing, and
 * is cheap when they exist;</li>
 * <li>reads ({@link #applied}, {@link #log}) return empty lists when the tables do not
 * exist and never create anything;</li>
 * <li>writes run on the caller's connection, inside the caller's transaction when there
 * is one, so that a revision and its record commit or roll back together;</li>
 * <li>nothing ever deletes from the log.</li>
 * </ul>
 */
public interface VersionStore {

	void ensure(Connection connection) throws SQLException;

	boolean exists(Connection connection) throws SQLException;

	List<AppliedRevision> applied(Connection connection) throws SQLException;

	/**
	 * The applied set and the server's digest of it, from one statement.
	 */
	AppliedSet appliedSet(Connection connection) throws SQLException;

	/**
	 * The fingerprint recorded by {@link #recordUpToDate} and the heads it found, when
	 * the applied set is still the one that check read; {@code null} when nothing is
	 * recorded or the applied set changed since.
	 */
	@Nullable UpToDate upToDate(Connection connection) throws SQLException;

	/**
	 * Records that a check with the given fingerprint found the applied set whose digest
	 * is given up to date at the given heads, replacing the previous record. Does nothing
	 * when the version store was created before this record existed (the next run that
	 * applies something adds its table).
	 */
	void recordUpToDate(Connection connection, String fingerprint, @Nullable String appliedDigest, List<String> heads)
			throws SQLException;

	/**
	 * Whether anything was ever recorded: an applied revision, or a successful step in
	 * the log. Version-store tables left empty by a failed first run hold no history.
	 */
	boolean hasHistory(Connection connection) throws SQLException;

	/**
	 * Whether the version store's schema holds any table besides the version store's own,
	 * as in a database created by an init script.
	 */
	boolean schemaHasTables(Connection connection) throws SQLException;

	List<LogEntry> log(Connection connection) throws SQLException;

	/**
	 * The newest entry of the log, or {@code null} when there is none.
	 */
	@Nullable LogEntry lastLogEntry(Connection connection) throws SQLException;

	/**
	 * Appends a failed attempt to the log.
	 */
	void recordFailure(Connection connection, Script script, Direction direction, long executionMs, String error)
			throws SQLException;

	/**
	 * Adds and removes applied rows without running anything, logging each as a stamp.
	 */
	void stamp(Connection connection, Collection<Script> added, Collection<String> removed) throws SQLException;

	/**
	 * The statements, runnable with {@code psql}, that {@link #stamp} sends for revisions
	 * it adds: each recorded as applied and logged as a stamp, in order.
	 */
	List<String> stampSql(Collection<Script> added);

	/**
	 * The statements, runnable with {@code psql}, that {@link #stamp} sends for revisions
	 * it removes: each deleted from the applied set and logged as an unstamp.
	 */
	List<String> unstampSql(Collection<String> removed);

	/**
	 * Re-records the checksum of an applied revision.
	 */
	void repair(Connection connection, Script script, @Nullable String previousChecksum) throws SQLException;

	/**
	 * SQL text, runnable with {@code psql}, for rendering plans offline: the statements
	 * of {@link #ensure}.
	 */
	List<String> ensureSql();

	/**
	 * The key of the advisory lock that guards this store, the same for every way of
	 * naming it.
	 */
	long lockKey(Connection connection) throws SQLException;

	/**
	 * The statement that records a finished step: adds (upgrade) or removes (downgrade)
	 * the applied row and appends to the log; runnable with {@code psql}.
	 * @param inTransaction whether the step ran in a transaction (its execution time is
	 * counted from the transaction's start) or outside one (from its mark as running)
	 */
	String recordSql(Script script, Direction direction, boolean inTransaction);

	/**
	 * The statements that record the revisions of a run that is one transaction, in the
	 * order they ran, with as few statements as possible: written one by one between the
	 * revisions' own statements, the records slow the whole transaction down.
	 */
	List<String> recordAllSql(Direction direction, List<CompletedRevision> revisions);

	/**
	 * The statement that marks a revision that runs outside a transaction as running in a
	 * direction, before its statements run.
	 */
	String markRunningSql(Script script, Direction direction);

	/**
	 * Removes the mark of a revision marked as upgrading whose upgrade left nothing
	 * behind, so that it is not applied, as before its mark.
	 */
	void forgetUpgrading(Connection connection, Script script) throws SQLException;

	/**
	 * The qualified name of the applied-set table, as shown to users.
	 */
	String describe();

}
