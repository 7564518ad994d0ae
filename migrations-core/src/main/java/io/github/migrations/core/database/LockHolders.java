package io.github.migrations.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.lint.Lock;
import io.github.migrations.core.lint.LockOn;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds, on the tables a statement locks, a lock that makes it wait: for the error of
 * a statement that gave way on its {@code lock_timeout}, read right after it, while the
 * holder usually still holds it. Each holder is told as an operator would look for it:
 * its backend, application, user and address, how long its transaction has been open, its
 * state and its last query (masked, on one line, shortened). The server shows the state
 * and query of another user's session only to a superuser or a member of
 * {@code pg_read_all_stats}; without them the rest is still told.
 */
public final class LockHolders {

	private static final Logger logger = LoggerFactory.getLogger(LockHolders.class);

	private static final int LONGEST_QUERY = 120;

	private static final String HOLDERS = """
			SELECT a.pid, a.application_name, a.usename, host(a.client_addr), a.state,
			    extract(epoch FROM now() - a.xact_start)::bigint, a.query, l.mode
			FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'relation' AND l.granted AND l.pid <> pg_catalog.pg_backend_pid()
			    AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
			    AND l.relation = pg_catalog.to_regclass(?) AND l.mode = ANY (?)
			ORDER BY a.xact_start NULLS LAST, a.pid""";

	private LockHolders() {
	}

	/**
	 * The sessions holding a lock that conflicts with one of {@code wanted}, oldest
	 * transaction first; empty when none is found (it has ended since, or a table is one
	 * this transaction created) or the server cannot say.
	 * @param connection a session outside any failed transaction, on the search path the
	 * statement ran with, which names its tables
	 */
	public static List<Holder> of(Connection connection, List<LockOn> wanted) {
		List<Holder> holders = new ArrayList<>();
		for (LockOn lock : wanted) {
			try {
				holders.addAll(of(connection, lock));
			}
			catch (SQLException ex) {
				logger.debug("Could not read who holds a lock on {}", lock.table(), ex);
			}
		}
		return holders;
	}

	private static List<Holder> of(Connection connection, LockOn wanted) throws SQLException {
		String[] conflicting = Arrays.stream(Lock.values())
			.filter(wanted.lock()::conflictsWith)
			.map(Lock::pgLocksMode)
			.toArray(String[]::new);
		List<Holder> holders = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(HOLDERS)) {
			statement.setString(1, wanted.table());
			statement.setArray(2, connection.createArrayOf("text", conflicting));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					holders.add(describe(rows, wanted.table()));
				}
			}
		}
		return holders;
	}

	private static Holder describe(ResultSet row, String table) throws SQLException {
		int pid = row.getInt(1);
		StringBuilder holder = new StringBuilder(backend(pid, row.getString(2), row.getString(3), row.getString(4)));
		holder.append(" holds ").append(sql(row.getString(8))).append(" on ").append(table);
		long seconds = row.getLong(6);
		if (!row.wasNull()) {
			holder.append(", in a transaction open for ").append(duration(seconds));
		}
		return new Holder(pid, holder.append(activity(row.getString(5), row.getString(7))).toString());
	}

	/**
	 * A session as an operator looks for it: "PostgreSQL backend 4242 ('orders-api', user
	 * app, from 10.0.0.7)".
	 */
	static String backend(int pid, @Nullable String application, @Nullable String user, @Nullable String address) {
		StringBuilder backend = new StringBuilder("PostgreSQL backend ").append(pid).append(" (");
		backend
			.append((application != null && !application.isEmpty()) ? "'" + application + "'" : "no application_name");
		if (user != null) {
			backend.append(", user ").append(user);
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
	 * {@code AccessShareLock} as PostgreSQL's SQL spells it: {@code ACCESS SHARE}.
	 */
	private static String sql(String mode) {
		for (Lock lock : Lock.values()) {
			if (lock.pgLocksMode().equals(mode)) {
				return lock.sql();
			}
		}
		return mode;
	}

	static String duration(long seconds) {
		if (seconds < 120) {
			return seconds + " s";
		}
		if (seconds < 2 * 3600) {
			return (seconds / 60) + " min";
		}
		return "%d h %d min".formatted(seconds / 3600, (seconds % 3600) / 60);
	}

	/**
	 * A query on one line, passwords masked, cut after {@value #LONGEST_QUERY}
	 * characters.
	 */
	static String shortened(String query) {
		String line = Secrets.mask(query)
			.replaceAll("[\\s\\p{Cntrl}\\u2028\\u2029]+", " ")
			.replaceAll("[\\s;]+$", "")
			.strip();
		return (line.length() <= LONGEST_QUERY) ? line : line.substring(0, LONGEST_QUERY) + " ...";
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
