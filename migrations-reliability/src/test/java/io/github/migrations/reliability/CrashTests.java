package io.github.migrations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CLI process killed with SIGKILL at seeded random points of a run: the database is
 * before or after each revision, never in between; the lock is free as soon as the server
 * notices the dead session; the next run completes, or stops naming an interrupted
 * non-transactional revision and the command that resolves it.
 */
@Tag("reliability")
@Timeout(600)
class CrashTests {

	private static final int REVISIONS = 8;

	/**
	 * The revision that runs outside a transaction.
	 */
	private static final int NON_TRANSACTIONAL = 5;

	/**
	 * How long a killed run pauses in the revision it is to be killed in, and in the
	 * others.
	 */
	private static final double LONG_PAUSE = 0.4;

	private static final double SHORT_PAUSE = 0.02;

	private static final Pattern WAY_OUT = Pattern.compile("'migrations (stamp \\w+)' if it is not");

	@TempDir
	static Path folder;

	private static RevisionFolder files;

	/**
	 * Placeholders for the runs after a kill, which do not pause.
	 */
	private static Path quick;

	/**
	 * Where a run is killed.
	 */
	enum KillPoint {

		/**
		 * As soon as it holds the migration lock: before, or at the start of, its first
		 * revision.
		 */
		HOLDING_LOCK,

		/** While a transactional revision runs (it pauses between its statements). */
		IN_TRANSACTIONAL_REVISION,

		/** Right after a revision committed, on the way to the next one. */
		BETWEEN_REVISIONS,

		/** While the non-transactional revision runs, between its statements. */
		IN_NON_TRANSACTIONAL_REVISION

	}

	@BeforeAll
	static void revisions() {
		quick = settings("quick", -1, 0, 0);
		files = new RevisionFolder(folder.resolve("revisions"));
		for (int n = 1; n <= REVISIONS; n++) {
			String id = id(n);
			String parent = (n == 1) ? "base" : id(n - 1);
			String work = """
					CREATE TABLE c_%s (id int PRIMARY KEY);
					INSERT INTO c_%s SELECT generate_series(1, 100);
					SELECT '%s', pg_sleep(${pause_%s});
					CREATE INDEX %sc_%s_idx ON c_%s (id);""";
			if (n == NON_TRANSACTIONAL) {
				files.nonTransactional(id, parent, work.formatted(id, id, id, id, "CONCURRENTLY ", id, id));
			}
			else {
				files.revision(id, parent, work.formatted(id, id, id, id, "", id, id));
			}
		}
	}

	@Test
	void killedRunLeavesEveryRevisionWholeOrAbsentAndTheNextRunCompletesOrNamesTheWayOut() {
		int runs = Counts.crashRuns();
		long seed = Counts.seed();
		Map<KillPoint, Integer> kills = new EnumMap<>(KillPoint.class);
		List<Long> lockFree = new ArrayList<>();
		List<Long> sessionsGone = new ArrayList<>();
		int resumed = 0;
		int interrupted = 0;
		int committedBeforeKills = 0;
		long start = System.nanoTime();
		Run next = prepare(0, seed);
		for (int run = 0; run < runs; run++) {
			Run current = next;
			// the next run's JVM boots while this one runs and is checked
			next = (run + 1 < runs) ? prepare(run + 1, seed) : null;
			Outcome outcome = crash(current);
			kills.merge(current.point(), 1, Integer::sum);
			lockFree.add(outcome.lockFreeNanos());
			sessionsGone.add(outcome.sessionsGoneNanos());
			committedBeforeKills += outcome.committedBeforeKill();
			if (outcome.interrupted()) {
				interrupted++;
			}
			else {
				resumed++;
			}
		}
		lockFree.sort(null);
		sessionsGone.sort(null);
		Report.print("crash", ("%d SIGKILL runs (seed %d): %s; revisions found half-applied: 0 of %d checked; "
				+ "revisions committed before the kills: %d; lock free again after the kill: median %d ms, max %d ms; "
				+ "killed sessions gone after: max %d ms; next run completed: %d, stopped naming the interrupted "
				+ "non-transactional revision and 'migrations stamp': %d (each completed after that stamp); %s")
			.formatted(runs, seed, kills, runs * REVISIONS, committedBeforeKills,
					millis(lockFree.get(lockFree.size() / 2)), millis(lockFree.get(lockFree.size() - 1)),
					millis(sessionsGone.get(sessionsGone.size() - 1)), resumed, interrupted,
					Report.seconds(System.nanoTime() - start)));
	}

	@Test
	void killedDuringALongStatementStopsItsWorkWithinSecondsSoTheNextRunIsNotHeldUp() {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Server server = new Server(database);
		RevisionFolder backfill = new RevisionFolder(folder.resolve("backfill"));
		backfill.revision("b1", "base", """
				CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL);
				INSERT INTO accounts SELECT g, 0 FROM generate_series(1, 1000) g;""");
		backfill.revision("b2", "b1", """
				UPDATE accounts SET balance = balance + 1;
				SELECT 'b2', pg_sleep(${pause});""");
		Path slow = write("long.properties", "app.migrations.placeholders.pause=60\n");
		Path none = write("none.properties", "app.migrations.placeholders.pause=0\n");
		CliProcess process = CliProcess.start(folder.resolve("output"), InProcessCli.environment(database),
				"--locations", backfill.location(), "--config", slow.toString(), "upgrade");
		Server.await("b2's long statement to run", Duration.ofSeconds(60),
				() -> !server.activeBackends("migrations-cli", "'b2'").isEmpty());
		process.kill();
		long lockFree = Server.await("the lock to be free", Duration.ofSeconds(10),
				() -> server.advisoryLockHolders().isEmpty());
		// the next instance starts at once, as a restarted pod would
		long start = System.nanoTime();
		CliResult next = InProcessCli.connectedTo(database)
			.run("--locations", backfill.location(), "--config", none.toString(), "upgrade");
		long nextRun = System.nanoTime() - start;
		long sessionGone = Server.await("the killed session to end", Duration.ofSeconds(90),
				() -> server.backends("migrations-cli").isEmpty());
		assertThat(next.code()).as(next.toString()).isZero();
		assertThat(database.query("SELECT DISTINCT balance FROM accounts")).as("the backfill ran once")
			.containsExactly("1");
		Report.print("crash: long statement", ("killed during a 60 s statement of a revision: lock free after %d ms, "
				+ "the next run (started then, held up by the killed session's row locks until it ended) took %d ms")
			.formatted(millis(lockFree), millis(nextRun)));
		assertThat(Duration.ofNanos(nextRun))
			.as("time the next run was held up by the killed session, which checks its client every second")
			.isLessThan(Duration.ofSeconds(5));
		assertThat(sessionGone).isNotNegative();
	}

	/**
	 * Chooses where run {@code run} is killed, creates its database, and starts its CLI
	 * process, which boots and waits at its gate.
	 */
	private static Run prepare(int run, long seed) {
		KillPoint point = KillPoint.values()[run % KillPoint.values().length];
		Random random = new Random(seed * 1_000 + run);
		int target = switch (point) {
			case HOLDING_LOCK -> 0;
			case IN_TRANSACTIONAL_REVISION -> transactionalRevision(random);
			case BETWEEN_REVISIONS -> 1 + random.nextInt(REVISIONS - 1);
			case IN_NON_TRANSACTIONAL_REVISION -> NON_TRANSACTIONAL;
		};
		int delay = switch (point) {
			case HOLDING_LOCK -> random.nextInt(30);
			case IN_TRANSACTIONAL_REVISION, IN_NON_TRANSACTIONAL_REVISION -> random.nextInt((int) (LONG_PAUSE * 1000));
			case BETWEEN_REVISIONS -> 0;
		};
		boolean pausesInTarget = point == KillPoint.IN_TRANSACTIONAL_REVISION
				|| point == KillPoint.IN_NON_TRANSACTIONAL_REVISION;
		Path settings = settings("run-" + run, pausesInTarget ? target : -1, LONG_PAUSE, SHORT_PAUSE);
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Path ready = folder.resolve("ready-" + run);
		Path gate = folder.resolve("gate-" + run);
		CliProcess process = CliProcess.start(folder.resolve("output"), List.of(), GatedMain.class,
				InProcessCli.environment(database), ready.toString(), gate.toString(), "--locations", files.location(),
				"--config", settings.toString(), "upgrade", "head");
		String description = "run %d (seed %d, %s%s, %d ms after the trigger)".formatted(run, seed, point,
				(target > 0) ? " " + id(target) : "", delay);
		return new Run(description, point, target, delay, database, process, ready, gate);
	}

	private Outcome crash(Run run) {
		String description = run.description();
		TestDatabase.Database database = run.database();
		Server server = new Server(database);
		CliProcess process = run.process();
		Server.await(description + " to boot", Duration.ofSeconds(60), () -> Files.exists(run.ready()));
		create(run.gate());
		BooleanSupplier trigger = switch (run.point()) {
			case HOLDING_LOCK -> () -> !server.advisoryLockHolders().isEmpty();
			case IN_TRANSACTIONAL_REVISION, IN_NON_TRANSACTIONAL_REVISION ->
				() -> !server.activeBackends("migrations-cli", "'" + id(run.target()) + "'").isEmpty();
			case BETWEEN_REVISIONS -> () -> server.applied().size() >= run.target();
		};
		Server.await(description + " to reach its kill point", Duration.ofSeconds(60), () -> {
			assertThat(process.isAlive()).as("%s ended before its kill point:%n%s", description, process.output())
				.isTrue();
			return trigger.getAsBoolean();
		});
		pause(run.delay());
		process.kill();
		long lockFree = Server.await(description + ": the lock to be free after the kill", Duration.ofSeconds(10),
				() -> server.advisoryLockHolders().isEmpty());
		long sessionsGone = Server.await(description + ": the killed sessions to end", Duration.ofSeconds(30),
				() -> server.backends("migrations-cli").isEmpty());
		Map<String, String> applied = assertWholeOrAbsent(database, server, description);
		int committed = (int) applied.values().stream().filter("APPLIED"::equals).count();
		boolean interrupted = "UPGRADING".equals(applied.get(id(NON_TRANSACTIONAL)));
		InProcessCli cli = InProcessCli.connectedTo(database);
		CliResult next = cli.run("--locations", files.location(), "--config", quick.toString(), "upgrade");
		if (interrupted) {
			String file = files.path().resolve(id(NON_TRANSACTIONAL) + ".sql").toString();
			assertThat(next.code()).as("%s: next run%n%s", description, next).isEqualTo(1);
			assertThat(next.err()).startsWith("error: Revision 'r05' (" + file + ") was interrupted during upgrade")
				.contains("'migrations stamp r05' if it is applied, or 'migrations stamp r04' if it is not");
			Matcher wayOut = WAY_OUT.matcher(next.err());
			assertThat(wayOut.find()).isTrue();
			// undo what the interrupted revision did, then run the command the message
			// gives for that case
			database.execute("DROP TABLE IF EXISTS c_r05");
			List<String> stampArgs = new ArrayList<>(List.of("--locations", files.location()));
			stampArgs.addAll(Arrays.asList(wayOut.group(1).split(" ")));
			CliResult stamp = cli.run(stampArgs.toArray(String[]::new));
			assertThat(stamp.code()).as("%s: %s%n%s", description, wayOut.group(1), stamp).isZero();
			next = cli.run("--locations", files.location(), "--config", quick.toString(), "upgrade");
		}
		assertThat(next.code()).as("%s: next run%n%s", description, next).isZero();
		Map<String, String> after = assertWholeOrAbsent(database, server, description + " after the next run");
		assertThat(after).hasSize(REVISIONS).allSatisfy((revision, state) -> assertThat(state).isEqualTo("APPLIED"));
		assertThat(server.loggedUpgrades()).as("%s: upgrades logged", description)
			.doesNotHaveDuplicates()
			.hasSize(REVISIONS);
		return new Outcome(lockFree, sessionsGone, committed, interrupted);
	}

	/**
	 * Checks each revision against the version store: a recorded revision has all of its
	 * work, an unrecorded one none of it; only the non-transactional one may be marked as
	 * interrupted. The successful upgrades in the log are the recorded revisions.
	 */
	private static Map<String, String> assertWholeOrAbsent(TestDatabase.Database database, Server server,
			String description) {
		Map<String, String> applied = server.applied();
		Map<String, String> work = work(database);
		for (int n = 1; n <= REVISIONS; n++) {
			String id = id(n);
			String state = applied.get(id);
			if ("APPLIED".equals(state)) {
				assertThat(work.get(id)).as("%s: %s is recorded, so all of its work is there", description, id)
					.isEqualTo("rows 100, index valid");
			}
			else if (state == null) {
				assertThat(work.get(id)).as("%s: %s is not recorded, so none of it ran", description, id)
					.isEqualTo("absent");
			}
			else {
				assertThat(n).as("%s: only the non-transactional revision can be left %s", description, state)
					.isEqualTo(NON_TRANSACTIONAL);
				assertThat(state).isEqualTo("UPGRADING");
			}
		}
		List<String> recorded = applied.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals("APPLIED"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(server.loggedUpgrades()).as("%s: successful upgrades in the log", description)
			.containsExactlyElementsOf(recorded);
		return applied;
	}

	/**
	 * What each revision's work left, in one query: {@code absent}, or its table's rows
	 * and its index's validity.
	 */
	private static Map<String, String> work(TestDatabase.Database database) {
		List<String> ids = IntStream.rangeClosed(1, REVISIONS).mapToObj(CrashTests::id).map(Server::literal).toList();
		Map<String, String> work = new TreeMap<>();
		database.query("""
				SELECT r || ':' || CASE WHEN to_regclass('c_' || r) IS NULL THEN 'absent' ELSE 'rows '
				|| (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM c_' || r, false, true, '')))[1]::text
				|| ', index ' || coalesce((SELECT CASE WHEN indisvalid THEN 'valid' ELSE 'invalid' END FROM pg_index
				WHERE indexrelid = to_regclass('c_' || r || '_idx')), 'absent') END
				FROM unnest(ARRAY[%s]) r""".formatted(String.join(", ", ids)))
			.forEach((row) -> work.put(row.substring(0, row.indexOf(':')), row.substring(row.indexOf(':') + 1)));
		return work;
	}

	/**
	 * A configuration file whose placeholders make revision {@code slow} pause for
	 * {@code longPause} seconds and the others for {@code shortPause}.
	 */
	private static Path settings(String name, int slow, double longPause, double shortPause) {
		StringBuilder settings = new StringBuilder();
		for (int n = 1; n <= REVISIONS; n++) {
			settings.append(
					"app.migrations.placeholders.pause_%s=%s%n".formatted(id(n), (n == slow) ? longPause : shortPause));
		}
		try {
			return Files.writeString(folder.resolve(name + ".properties"), settings);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String id(int n) {
		return "r%02d".formatted(n);
	}

	private static int transactionalRevision(Random random) {
		int n;
		do {
			n = 1 + random.nextInt(REVISIONS);
		}
		while (n == NON_TRANSACTIONAL);
		return n;
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

	private static Path write(String name, String content) {
		try {
			return Files.writeString(folder.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void create(Path file) {
		try {
			Files.createFile(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pause(int millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/**
	 * One run: where it is killed, its database, and its CLI process, which waits for
	 * {@code gate} once {@code ready} exists.
	 */
	record Run(String description, KillPoint point, int target, int delay, TestDatabase.Database database,
			CliProcess process, Path ready, Path gate) {
	}

	/**
	 * What one killed run showed.
	 */
	record Outcome(long lockFreeNanos, long sessionsGoneNanos, int committedBeforeKill, boolean interrupted) {
	}

}
