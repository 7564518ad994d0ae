package io.github.migrations.benchmarks.roundtrip;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.github.migrations.benchmarks.PostgresServer;

/**
 * Replays one history on the server in one database, one migration after the other, and
 * runs every differ on the selected consecutive pairs of states (i-1, i) that differ: a
 * copy of state i-1 is taken before migration i is applied, then, for each differ, a work
 * copy of i-1 gets the differ's forward script (judged against i), a second forward diff
 * (which must be empty), and the backward script (judged against i-1): the round trip i-1
 * → i → i-1 on one copy. Copies are {@code CREATE DATABASE … TEMPLATE}.
 */
final class RoundTrip {

	private static final String WORK = "rt_work";

	private final PostgresServer server;

	private final ServerTools tools;

	private final boolean dumps;

	private final List<Differ> differs;

	private final Consumer<String> log;

	RoundTrip(PostgresServer server, ServerTools tools, boolean dumps, List<Differ> differs, Consumer<String> log) {
		this.server = server;
		this.tools = tools;
		this.dumps = dumps;
		this.differs = differs;
		this.log = log;
	}

	/**
	 * Counts of what happened to a history's steps, beside the pair results: the steps
	 * that failed on the server (of all), and of the measured steps those that left the
	 * schema as it was and those that changed it.
	 */
	record Outcome(History history, int steps, List<String> failedSteps, int unchanged, int changed,
			List<PairResult> results) {
	}

	/**
	 * @param every measure the pair of every {@code every}-th migration (1 for all), when
	 * it changes the schema
	 * @param limit stop after this many steps (0 for all)
	 */
	Outcome run(History history, int every, int limit) throws Exception {
		List<History.Step> steps = history.steps();
		int count = (limit > 0) ? Math.min(limit, steps.size()) : steps.size();
		String live = "rt_" + history.slug();
		String previous = live + "_before";
		create(live, null);
		// the catalog is read only around measured steps: reading it after every step
		// would cost as much as the steps themselves
		State before = state(live, "(empty)");
		List<String> failed = new ArrayList<>();
		List<PairResult> results = new ArrayList<>();
		int unchanged = 0;
		int changed = 0;
		for (int i = 1; i <= count; i++) {
			History.Step step = steps.get(i - 1);
			boolean measured = (i - 1) % every == 0;
			boolean nextMeasured = i % every == 0;
			if (measured) {
				create(previous, live);
			}
			String error = this.tools.apply(live, step.sql(), step.transactional());
			if (error != null) {
				this.log
					.accept("  %3d %s: fails on the server, skipped: %s".formatted(i, step.name(), firstLine(error)));
				failed.add(step.name() + ": " + firstLine(error));
				if (nextMeasured) {
					// a failed migration that ran outside a transaction leaves what ran
					// before the error
					before = state(live, (before != null) ? before.name() : "(unknown)");
				}
				continue;
			}
			if (measured) {
				State after = state(live, step.name());
				if (after.catalog().equals(before.catalog()) && Objects.equals(after.dump(), before.dump())) {
					unchanged++;
				}
				else {
					changed++;
					State from = new State(previous, before.name(), before.catalog(), before.dump());
					Set<String> unsupported = Catalog.unsupportedKinds(before.catalog(), after.catalog());
					for (Differ differ : this.differs) {
						PairResult result = pair(history, i, from, after, differ, unsupported);
						results.add(result);
						this.log.accept("  %3d %-50s %-9s %s (%d ms)".formatted(i, step.name(), differ.name(),
								verdict(result), result.millis()));
					}
				}
				before = after;
			}
			if (nextMeasured && !measured) {
				before = state(live, step.name());
			}
			if ((i % 50) == 0) {
				this.log.accept("  " + i + " of " + count + " steps applied");
			}
		}
		drop(previous);
		drop(live);
		drop(WORK);
		return new Outcome(history, count, failed, unchanged, changed, results);
	}

	private PairResult pair(History history, int index, State from, State to, Differ differ, Set<String> unsupported)
			throws Exception {
		long[] toolNanos = new long[1];
		create(WORK, from.database());
		PairResult.Direction forward = direction(differ, to, toolNanos);
		Boolean idempotent = null;
		String again = null;
		if (forward.toolError() == null) {
			long t = System.nanoTime();
			try {
				again = differ.diff(WORK, to.database());
				idempotent = differ.isEmpty(again);
			}
			catch (Exception ex) {
				again = "the tool failed: " + ex;
				idempotent = false;
			}
			toolNanos[0] += System.nanoTime() - t;
		}
		PairResult.Direction backward = direction(differ, from, toolNanos);
		drop(WORK);
		return new PairResult(history.name(), index, from.name(), to.name(), differ.name(), forward, idempotent, again,
				backward, toolNanos[0] / 1_000_000, unsupported);
	}

	/**
	 * Diffs the work database against the wanted state, applies the script to it and
	 * judges the result.
	 */
	private PairResult.Direction direction(Differ differ, State wanted, long[] toolNanos) throws Exception {
		String script;
		long t = System.nanoTime();
		try {
			script = differ.diff(WORK, wanted.database());
		}
		catch (Exception | LinkageError ex) {
			toolNanos[0] += System.nanoTime() - t;
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			Throwable cause = ex.getCause();
			while (cause != null) {
				if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
					message += " / " + cause.getMessage();
				}
				cause = cause.getCause();
			}
			return new PairResult.Direction("", message, null, List.of(), null, null);
		}
		toolNanos[0] += System.nanoTime() - t;
		String applyError = Differ.isEmptyScript(script) ? null : this.tools.apply(WORK, script, false);
		Map<String, String> catalog = Catalog.read(dataSource(WORK));
		List<Catalog.Difference> differences = Catalog.compare(wanted.catalog(), catalog);
		Boolean dumpEqual = null;
		String dumpDifference = null;
		if (this.dumps) {
			String dump = this.tools.schemaDump(WORK);
			dumpEqual = dump.equals(wanted.dump());
			dumpDifference = dumpEqual ? null : firstDifference(wanted.dump(), dump);
		}
		return new PairResult.Direction(script, null, applyError, differences, dumpEqual, dumpDifference);
	}

	private State state(String database, String name) throws Exception {
		return new State(database, name, Catalog.read(dataSource(database)),
				this.dumps ? this.tools.schemaDump(database) : null);
	}

	private record State(String database, String name, Map<String, String> catalog, String dump) {
	}

	private DataSource dataSource(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.server.url(database));
		dataSource.setUser(this.server.user());
		dataSource.setPassword(this.server.password());
		return dataSource;
	}

	/**
	 * (Re)creates a database, empty or as a copy of a template; sessions a tool left on
	 * the template are ended first, since PostgreSQL copies only a template nobody is
	 * connected to.
	 */
	private void create(String database, String template) throws SQLException {
		drop(database);
		try (Connection connection = this.server.connect("postgres");
				Statement statement = connection.createStatement()) {
			if (template != null) {
				disconnect(connection, template);
			}
			statement.execute("CREATE DATABASE " + database + ((template != null) ? " TEMPLATE " + template : ""));
		}
	}

	private void drop(String database) throws SQLException {
		try (Connection connection = this.server.connect("postgres");
				Statement statement = connection.createStatement()) {
			disconnect(connection, database);
			statement.execute("DROP DATABASE IF EXISTS " + database);
		}
	}

	private static void disconnect(Connection connection, String database) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
			statement.setString(1, database);
			statement.execute();
		}
	}

	static String verdict(PairResult result) {
		if (result.exact()) {
			return "exact";
		}
		List<String> parts = new ArrayList<>();
		parts.add("forward " + verdict(result.forward()));
		parts.add("idempotent " + (Boolean.TRUE.equals(result.idempotent()) ? "yes" : "no"));
		parts.add("backward " + verdict(result.backward()));
		return String.join(", ", parts);
	}

	private static String verdict(PairResult.Direction direction) {
		if (direction.toolError() != null) {
			return "tool failed";
		}
		if (direction.applyError() != null) {
			return "script failed";
		}
		if (!direction.differences().isEmpty()) {
			return direction.differences().size() + " objects differ";
		}
		if (Boolean.FALSE.equals(direction.dumpEqual())) {
			return "dump differs";
		}
		return "exact";
	}

	static String firstLine(String text) {
		String line = text.strip().split("\n", 2)[0];
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

	private static String firstDifference(String expected, String actual) {
		String[] want = expected.split("\n");
		String[] got = actual.split("\n");
		for (int i = 0; i < Math.max(want.length, got.length); i++) {
			String a = (i < want.length) ? want[i] : "(end)";
			String b = (i < got.length) ? got[i] : "(end)";
			if (!a.equals(b)) {
				return "line " + (i + 1) + ": expected `" + a + "`, got `" + b + "`";
			}
		}
		return "same lines";
	}

}
