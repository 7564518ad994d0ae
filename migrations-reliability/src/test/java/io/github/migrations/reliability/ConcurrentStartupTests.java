package io.github.migrations.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.LockTimeoutException;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many instances start at once on one database with revisions pending: migrators in
 * threads of this JVM and CLI processes of their own, released together.
 */
@Tag("reliability")
@Timeout(300)
class ConcurrentStartupTests {

	private static final Duration SHORT_WAIT = Duration.ofMillis(300);

	private static final Pattern JSON_LIST = Pattern.compile("\"%s\":\\[([^\\]]*)]");

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Server server = new Server(this.database);

	@TempDir
	Path folder;

	@Test
	void threadsAndProcessesStartingTogetherApplyEveryRevisionExactlyOnceAndAgreeOnTheHeads() throws Exception {
		int threads = Counts.threads();
		int processes = Counts.processes();
		int revisions = Counts.revisions();
		RevisionFolder files = revisions(revisions);
		String head = RevisionFolder.id(revisions);
		Path shortWaitConfig = Files.writeString(this.folder.resolve("short-wait.properties"),
				"app.migrations.lock-wait-timeout=" + SHORT_WAIT.toMillis() + "ms\n");
		Path gate = this.folder.resolve("gate");
		List<CliProcess> started = new ArrayList<>();
		List<Path> ready = new ArrayList<>();
		for (int i = 0; i < processes; i++) {
			Path readyFile = this.folder.resolve("ready-" + i);
			ready.add(readyFile);
			List<String> args = new ArrayList<>(
					List.of(readyFile.toString(), gate.toString(), "--locations", files.location(), "--json"));
			if (isShortWait(i, processes)) {
				args.addAll(List.of("--config", shortWaitConfig.toString()));
			}
			args.addAll(List.of("upgrade", "head"));
			started.add(CliProcess.start(this.folder.resolve("process-" + i), List.of(), GatedMain.class,
					InProcessCli.environment(this.database), args.toArray(String[]::new)));
		}
		Server.await("the CLI processes to boot", Duration.ofSeconds(90), () -> ready.stream().allMatch(Files::exists));
		CountDownLatch go = new CountDownLatch(1);
		Map<Integer, Object> threadOutcomes = new ConcurrentHashMap<>();
		List<Migrator> migrators = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int index = i;
			Migrator migrator = migrator(files, "reliability-thread-" + i,
					isShortWait(i, threads) ? SHORT_WAIT : Duration.ofMinutes(2));
			migrators.add(migrator);
			Thread worker = new Thread(() -> {
				try {
					go.await();
					threadOutcomes.put(index, migrator.upgrade(Target.head()));
				}
				catch (Exception ex) {
					threadOutcomes.put(index, ex);
				}
			}, "migrator-" + i);
			worker.start();
			workers.add(worker);
		}
		long start = System.nanoTime();
		Files.createFile(gate);
		go.countDown();
		for (Thread worker : workers) {
			worker.join(Duration.ofMinutes(3).toMillis());
			assertThat(worker.isAlive()).as("%s still running", worker.getName()).isFalse();
		}
		List<CliResult> processResults = new ArrayList<>();
		for (CliProcess process : started) {
			processResults.add(process.await(Duration.ofMinutes(3)));
		}
		long elapsed = System.nanoTime() - start;

		int appliedByParticipants = 0;
		int timeouts = 0;
		int sameHeads = 0;
		List<String> winners = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Object outcome = threadOutcomes.get(i);
			if (outcome instanceof MigrationResult result) {
				appliedByParticipants += result.revisions().size();
				if (!result.revisions().isEmpty()) {
					winners.add("thread " + i + " (" + result.revisions().size() + ")");
				}
				assertThat(result.to()).map(Object::toString).containsExactly(head);
				sameHeads++;
			}
			else {
				assertThat(isShortWait(i, threads)).as("thread %d failed although it waits long enough: %s", i, outcome)
					.isTrue();
				assertThat(outcome).isInstanceOf(LockTimeoutException.class);
				assertThat(((Exception) outcome).getMessage()).contains("within 300ms")
					.containsPattern("PostgreSQL backend \\d+ \\('(reliability-thread-\\d+|migrations-cli)'")
					.contains("(setting 'lock-wait-timeout')");
				timeouts++;
				// checked below with every thread's migrator
				sameHeads++;
			}
		}
		for (int i = 0; i < processes; i++) {
			CliResult result = processResults.get(i);
			if (result.code() == 0) {
				List<String> applied = jsonList(result.out(), "applied");
				appliedByParticipants += applied.size();
				if (!applied.isEmpty()) {
					winners.add("process " + i + " (" + applied.size() + ")");
				}
				assertThat(jsonList(result.out(), "current")).containsExactly(head);
				sameHeads++;
			}
			else {
				assertThat(isShortWait(i, processes))
					.as("process %d failed although it waits long enough:%n%s", i, result)
					.isTrue();
				assertThat(result.code()).as(result.toString()).isEqualTo(1);
				// with --json, the error is JSON on standard output
				assertThat(result.out()).startsWith("{\"error\":\"Could not take the migration lock")
					.contains("within 300ms")
					.contains("; it is held by PostgreSQL backend ")
					.contains("\"hint\":\"Another instance is migrating; wait for it, or raise the lock wait timeout");
				timeouts++;
				// what the process sees once the others are done
				CliResult current = InProcessCli.connectedTo(this.database)
					.run("--locations", files.location(), "--json", "current");
				assertThat(jsonList(current.out(), "current")).containsExactly(head);
				sameHeads++;
			}
		}
		for (Migrator migrator : migrators) {
			assertThat(migrator.current()).containsExactly(head);
		}
		Map<String, String> applied = this.server.applied();
		assertThat(applied).hasSize(revisions).allSatisfy((revision, state) -> assertThat(state).isEqualTo("APPLIED"));
		List<String> logged = this.server.loggedUpgrades();
		assertThat(logged).hasSize(revisions).doesNotHaveDuplicates().containsExactlyElementsOf(applied.keySet());
		List<String> ranTwice = this.database
			.query("SELECT revision FROM applications GROUP BY revision HAVING count(*) <> 1");
		assertThat(ranTwice).as("revisions whose statements ran more than once").isEmpty();
		assertThat(this.server.count("SELECT count(*) FROM applications")).isEqualTo(revisions);
		assertThat(appliedByParticipants).as("revisions reported applied by the participants").isEqualTo(revisions);
		assertThat(this.server.advisoryLockHolders()).as("the lock after every run").isEmpty();
		int shortWaiters = (int) (java.util.stream.IntStream.range(0, threads)
			.filter((i) -> isShortWait(i, threads))
			.count() + java.util.stream.IntStream.range(0, processes).filter((i) -> isShortWait(i, processes)).count());
		Report.print("concurrent startup", ("%d threads + %d processes, %d revisions, applied once each: %d "
				+ "(version-store rows %d, log entries %d, statements run once %d), failures: 0, lock-wait timeouts: %d "
				+ "of %d participants configured to wait %d ms, same heads afterwards: %d/%d ('%s'), applied by %s, %s")
			.formatted(threads, processes, revisions, appliedByParticipants, applied.size(), logged.size(),
					revisions - ranTwice.size(), timeouts, shortWaiters, SHORT_WAIT.toMillis(), sameHeads,
					threads + processes, head, String.join(", ", winners), Report.seconds(elapsed)));
	}

	/**
	 * The last of the threads, and the last of the processes when there are two or more,
	 * wait only briefly for the lock.
	 */
	private static boolean isShortWait(int index, int count) {
		return count >= 2 && index == count - 1;
	}

	private RevisionFolder revisions(int count) {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		for (int n = 1; n <= count; n++) {
			String id = RevisionFolder.id(n);
			String first = (n == 1) ? "CREATE TABLE applications (revision text NOT NULL, "
					+ "by_application text NOT NULL DEFAULT current_setting('application_name'));\n" : "";
			files.revision(id, RevisionFolder.parent(n), first + """
					INSERT INTO applications (revision) VALUES ('%s');
					CREATE TABLE t_%s (id int PRIMARY KEY);
					SELECT pg_sleep(0.04);""".formatted(id, id));
		}
		return files;
	}

	private Migrator migrator(RevisionFolder files, String applicationName, Duration lockWait) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(this.database.url());
		dataSource.setUser(this.database.username());
		dataSource.setPassword(this.database.password());
		dataSource.setApplicationName(applicationName);
		return Migrator.builder(dataSource)
			.settings(MigratorSettings.defaults().withLocations(files.location()).withLockWaitTimeout(lockWait))
			.build();
	}

	private static List<String> jsonList(String json, String key) {
		Matcher matcher = Pattern.compile(JSON_LIST.pattern().formatted(key)).matcher(json);
		assertThat(matcher.find()).as("'%s' in %s", key, json).isTrue();
		String items = matcher.group(1).strip();
		if (items.isEmpty()) {
			return List.of();
		}
		return java.util.Arrays.stream(items.split(",")).map((item) -> item.strip().replace("\"", "")).toList();
	}

}
