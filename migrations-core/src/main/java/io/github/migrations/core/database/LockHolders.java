package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.lint.Lock;
import io.github.migrations.core.lint.LockOn;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds, on the tables a statement locks, a lock that made it wait: for the error of
 * a statement that gave way on its {@code lock_timeout}, read right after it, while the
 * holder usually still holds it. A session is named only when its transaction began
 * before the statement's step was sent: the sessions that queued behind the statement are
 * granted their locks the moment it gives way, and did not block it. Each holder is told
 * as an operator looks for it: backend, application, user and address, how long its
 * transaction has been open, its state and its last query (on one line, its string
 * constants and comments left out, masked, and not quoted at all when it may hold a
 * secret). The server shows another user's session in full only to a superuser or a
 * member of {@code pg_read_all_stats}; a session it hides is not named.
 */
public final class LockHolders {

	private static final Logger logger = LoggerFactory.getLogger(LockHolders.class);

	private static final int LONGEST_QUERY = 120;

	/** Line breaks, control and format characters (bidirectional overrides included). */
	private static final Pattern UNPRINTABLE = Pattern.compile("[\\s\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");

	/**
	 * What a query that may hold a password or a key mentions: a name for one, a function
	 * that takes one, or a custom setting given a value ({@code set_config},
	 * {@code SET app.key = ...}), whose value may be written without quotes.
	 */
	private static final Pattern SECRETIVE = Pattern
		.compile("(?i)passw|pwd|secret|crypt|pgp_|hmac|token|credential|dblink|user mapping|connection|_key|apikey"
				+ "|\\bkey\\b|jwt|set_config|\\bset\\s+(?:session\\s+|local\\s+)?[\\w\"$]+\\.");

	/**
	 * A relation by its name: bound name, then bound schema twice ({@code null} for the
	 * one the search path finds).
	 */
	private static final String NAMED = """
			(SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
			    WHERE c.relname = ? AND (n.nspname = ? OR (?::text IS NULL AND pg_catalog.pg_table_is_visible(c.oid)))
			    LIMIT 1)""";

	private static final String HOLDERS = """
			SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.state,
			    extract(epoch FROM now() - a.xact_start)::bigint, a.query, l.relation::regclass::text,
			    string_agg(l.mode, ',')
			FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_catalog.pg_backend_pid()
			    AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
			    AND l.relation = %s AND l.mode = ANY (?)
			    AND a.xact_start < now() - make_interval(secs => ?)
			GROUP BY a.pid, a.application_name, a.usename, a.client_addr, a.state, a.xact_start, a.query, l.relation
			ORDER BY a.xact_start, a.pid""";

	/**
	 * The sessions a backend waits for, followed through the lock queue to those that
	 * wait for nobody: a session queued ahead of it holds nothing, the one it waits for
	 * does. A prepared transaction is pid 0.
	 */
	private static final String BLOCKING = """
			WITH RECURSIVE queue(pid) AS (
			    SELECT unnest(pg_catalog.pg_blocking_pids(?))
			    UNION
			    SELECT unnest(pg_catalog.pg_blocking_pids(q.pid)) FROM queue q WHERE q.pid <> 0
			), holders AS (
			    SELECT pid FROM queue WHERE pid = 0 OR cardinality(pg_catalog.pg_blocking_pids(pid)) = 0
			)
			SELECT h.pid, a.application_name, a.usename, host(a.client_addr), a.state,
			    extract(epoch FROM now() - a.xact_start)::bigint, a.query
			FROM holders h LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = h.pid
			ORDER BY a.xact_start NULLS LAST, h.pid""";

	private LockHolders() {
	}

	/**
	 * The sessions that hold what a backend waits for now, as the server says
	 * ({@code pg_blocking_pids}, followed through the lock queue), oldest transaction
	 * first; empty when it waits for none. A session the server hides from this user is
	 * told by its backend, application and user only.
	 * @param connection another session than the one that waits
	 * @param pid the backend that may wait
	 */
	public static List<Holder> blocking(Connection connection, int pid) throws SQLException {
		List<Holder> holders = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(BLOCKING)) {
			statement.setQueryTimeout(10);
			statement.setInt(1, pid);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					int holder = rows.getInt(1);
					if (holder == 0) {
						holders.add(new Holder(0, "a prepared transaction (see pg_prepared_xacts; COMMIT PREPARED or "
								+ "ROLLBACK PREPARED ends it)"));
						continue;
					}
					long seconds = rows.getLong(6);
					String transaction = rows.wasNull() ? "" : ", in a transaction open for " + duration(seconds);
					String state = rows.getString(5);
					String activity = (state != null) ? activity(state, rows.getString(7))
							: ", its activity hidden from this user (pg_read_all_stats shows it)";
					holders
						.add(new Holder(holder, backend(holder, rows.getString(2), rows.getString(3), rows.getString(4))
								+ transaction + activity));
				}
			}
		}
		return holders;
	}

	/**
	 * The sessions holding a lock that conflicts with one of {@code wanted}, oldest
	 * transaction first; empty when none is found (it has ended since, a table is one
	 * this transaction created, the server hides it) or the server cannot say.
	 * @param connection a session outside any failed transaction, on the search path the
	 * statement ran with, which resolves its tables
	 * @param running how long the statement's step had been running when it gave way
	 */
	public static List<Holder> of(Connection connection, List<LockOn> wanted, Duration running) {
		List<Holder> holders = new ArrayList<>();
		for (LockOn lock : wanted) {
			try {
				for (Holder holder : of(connection, lock, running)) {
					if (holders.stream().noneMatch((known) -> known.pid() == holder.pid())) {
						holders.add(holder);
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Could not read who holds a lock on {}", lock.table(), ex);
			}
		}
		return holders;
	}

	private static List<Holder> of(Connection connection, LockOn wanted, Duration running) throws SQLException {
		String name = (wanted.index() != null) ? wanted.index() : wanted.table();
		String relation = (wanted.index() != null)
				? "(SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = %s)".formatted(NAMED) : NAMED;
		int dot = name.lastIndexOf('.');
		String schema = (dot > 0) ? name.substring(0, dot) : null;
		String[] conflicting = Arrays.stream(Lock.values())
			.filter(wanted.lock()::conflictsWith)
			.map(Lock::pgLocksMode)
			.toArray(String[]::new);
		List<Holder> holders = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(HOLDERS.formatted(relation))) {
			statement.setString(1, name.substring(dot + 1));
			statement.setString(2, schema);
			statement.setString(3, schema);
			statement.setArray(4, connection.createArrayOf("text", conflicting));
			statement.setDouble(5, running.toNanos() / 1e9);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					holders.add(describe(rows));
				}
			}
		}
		return holders;
	}

	private static Holder describe(ResultSet row) throws SQLException {
		int pid = row.getInt(1);
		String modes = Arrays.stream(row.getString(9).split(","))
			.map(LockHolders::lock)
			.sorted(Comparator.reverseOrder())
			.map(Lock::sql)
			.distinct()
			.collect(Collectors.joining(" and "));
		String holder = backend(pid, row.getString(2), row.getString(3), row.getString(4)) + " holds " + modes + " on "
				+ printable(row.getString(8)) + ", in a transaction open for " + duration(row.getLong(6))
				+ activity(row.getString(5), row.getString(7));
		return new Holder(pid, holder);
	}

	private static Lock lock(String pgLocksMode) {
		return Arrays.stream(Lock.values())
			.filter((lock) -> lock.pgLocksMode().equals(pgLocksMode))
			.findFirst()
			.orElse(Lock.ACCESS_EXCLUSIVE);
	}

	/**
	 * A session as an operator looks for it: "PostgreSQL backend 4242 ('orders-api', user
	 * app, from 10.0.0.7)".
	 */
	static String backend(int pid, @Nullable String application, @Nullable String user, @Nullable String address) {
		StringBuilder backend = new StringBuilder("PostgreSQL backend ").append(pid).append(" (");
		backend.append((application != null && !application.isEmpty()) ? "'" + printable(application) + "'"
				: "no application_name");
		if (user != null) {
			backend.append(", user ").append(printable(user));
		}
		if (address != null) {
			backend.append(", from ").append(address);
		}
		return backend.append(')').toString();
	}

	/**
	 * What a session does, as {@code pg_stat_activity} shows it to this user: ", idle in
	 * transaction, last query: ..." or ", active, running: ..."; empty when the server
	 * does not show it.
	 */
	static String activity(@Nullable String state, @Nullable String query) {
		StringBuilder activity = new StringBuilder();
		if (state != null) {
			activity.append(", ").append(state);
		}
		if (query != null && !query.isBlank() && !query.startsWith("<")) {
			activity.append(", ")
				.append("active".equals(state) ? "running" : "last query")
				.append(": ")
				.append(shortened(query));
		}
		return activity.toString();
	}

	/**
	 * A duration as an operator says it: {@code 42 s}, {@code 35 min}, {@code 3 h 5 min}.
	 */
	public static String duration(long seconds) {
		if (seconds < 120) {
			return seconds + " s";
		}
		if (seconds < 2 * 3600) {
			return (seconds / 60) + " min";
		}
		return "%d h %d min".formatted(seconds / 3600, (seconds % 3600) / 60);
	}

	/**
	 * A query on one line, its string constants and comments left out (they hold the
	 * data, and a secret is one), cut after {@value #LONGEST_QUERY} characters; one that
	 * may hold a password or a key is not quoted at all.
	 */
	static String shortened(String query) {
		String line = printable(QueryShape.of(query)).replaceAll("[\\s;]+$", "");
		if (SECRETIVE.matcher(line).find()) {
			return "(not shown: it may hold a secret)";
		}
		return (line.length() <= LONGEST_QUERY) ? line : line.substring(0, LONGEST_QUERY) + " ...";
	}

	/**
	 * Text from another session, on one line (line breaks, control and format characters
	 * become a space), passwords masked.
	 */
	private static String printable(String text) {
		return Secrets.mask(UNPRINTABLE.matcher(text).replaceAll(" ").strip());
	}

	/**
	 * A session holding a lock.
	 *
	 * @param pid its backend's process id, as {@code pg_terminate_backend} takes it
	 * @param description who it is and what it does, in one sentence
	 */
	public record Holder(int pid, String description) {

	}

}
