package io.github.migrations.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.core.run.MigrationResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The server crashes ({@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster) in the
 * middle of a revision of a hundred thousand statements, in the last of a line of
 * revisions, or right after a run reported success: after crash recovery each revision is
 * there whole with its record or not at all, the ones kept are the first of the line (all
 * of them after a success), and the rerun applies the rest once. Each test runs on a
 * private embedded server of its own, so that the crash touches no other test.
 */
@Tag("reliability")
@Timeout(300)
class ServerCrashTests {

	private static final int STATEMENTS = LongRevisionAtomicityTests.STATEMENTS;

	private static final int LINE = 30;

	private static final String PAUSED = "SELECT pid FROM pg_stat_activity WHERE state = 'active' "
			+ "AND query LIKE 'SELECT ''paused''%'";

	@TempDir
	Path folder;

	@Test
	void aServerCrashInTheMiddleOfALongRevisionLeavesNoTraceAndTheRerunAppliesItOnce() throws Exception {
		Path data = this.folder.resolve("pgdata");
		int port = freePort();
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.revision("long1", "base", LongRevisionAtomicityTests.inserts("SELECT 'long1', pg_sleep(${pause});", ""));
		EmbeddedPostgres crashed = start(data, port);
		long postmaster;
		try {
			CompletableFuture<MigrationResult> run = Migrators
				.upgradeInBackground(migrator(crashed.getPostgresDatabase(), files, "60"));
			Server.await("the pause in the middle of the revision", Duration.ofSeconds(120), () -> !query(
					crashed.getPostgresDatabase(),
					"SELECT pid FROM pg_stat_activity WHERE state = " + "'active' AND query LIKE 'SELECT ''long1''%'")
				.isEmpty());
			long backend = Long.parseLong(query(crashed.getPostgresDatabase(),
					"SELECT pid FROM pg_stat_activity " + "WHERE state = 'active' AND query LIKE 'SELECT ''long1''%'"));
			postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow().pid();
			assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).start().waitFor()).isZero();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> run.get(60, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(MigrationFailedException.class);
			Server.await("the crashed server to end", Duration.ofSeconds(60),
					() -> ProcessHandle.of(postmaster).map((process) -> !process.isAlive()).orElse(true));
		}
		finally {
			closeQuietly(crashed);
		}
		EmbeddedPostgres recovered = start(data, port);
		try {
			DataSource dataSource = recovered.getPostgresDatabase();
			assertThat(query(dataSource, "SELECT to_regclass('readings') IS NULL")).as("nothing of the revision")
				.isEqualTo("t");
			assertThat(query(dataSource, "SELECT count(*) FROM migrations_revisions")).isEqualTo("0");
			assertThat(migrator(dataSource, files, "0").upgrade(Target.head()).revisions()).hasSize(1);
			assertThat(query(dataSource, "SELECT count(*) FROM readings")).isEqualTo(Integer.toString(STATEMENTS));
		}
		finally {
			closeQuietly(recovered);
		}
		Report.print("atomicity: server crash",
				("postmaster %d sent SIGQUIT (pg_ctl stop -m immediate) after %,d of "
						+ "%,d statements: after crash recovery nothing was left; the rerun applied the revision once")
					.formatted(postmaster, STATEMENTS / 2, STATEMENTS));
	}

	@Test
	void aServerCrashAfterSeveralCommittedRevisionsLosesOnlyWholeRevisionsAtTheEndAndTheRerunAppliesTheRest()
			throws Exception {
		Path data = this.folder.resolve("pgdata");
		int port = freePort();
		RevisionFolder files = line(this.folder.resolve("revisions"));
		EmbeddedPostgres crashed = start(data, port);
		try {
			CompletableFuture<MigrationResult> run = Migrators
				.upgradeInBackground(migrator(crashed.getPostgresDatabase(), files, "60"));
			Server.await("the pause of the last revision", Duration.ofSeconds(120),
					() -> !query(crashed.getPostgresDatabase(), PAUSED).isEmpty());
			crash(crashed);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> run.get(60, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(MigrationFailedException.class);
		}
		finally {
			closeQuietly(crashed);
		}
		EmbeddedPostgres recovered = start(data, port);
		int kept;
		try {
			DataSource dataSource = recovered.getPostgresDatabase();
			kept = Integer.parseInt(query(dataSource, "SELECT count(*) FROM migrations_revisions"));
			assertThat(kept).as("revisions recorded after recovery").isLessThan(LINE);
			assertWholePrefix(dataSource, kept);
			assertThat(migrator(dataSource, files, "0").upgrade(Target.head()).revisions()).hasSize(LINE - kept);
			assertWholePrefix(dataSource, LINE);
		}
		finally {
			closeQuietly(recovered);
		}
		Report.print("atomicity: server crash after several revisions",
				"crashed in revision %d of %d: %d revisions kept after recovery, each with its record; the rerun applied the rest once"
					.formatted(LINE, LINE, kept));
	}

	@Test
	void everyRevisionOfARunThatReportedSuccessSurvivesAServerCrashRightAfterIt() throws Exception {
		Path data = this.folder.resolve("pgdata");
		int port = freePort();
		RevisionFolder files = line(this.folder.resolve("revisions"));
		EmbeddedPostgres crashed = start(data, port);
		try {
			assertThat(migrator(crashed.getPostgresDatabase(), files, "0").upgrade(Target.head()).revisions())
				.hasSize(LINE);
			crash(crashed);
		}
		finally {
			closeQuietly(crashed);
		}
		EmbeddedPostgres recovered = start(data, port);
		try {
			assertWholePrefix(recovered.getPostgresDatabase(), LINE);
		}
		finally {
			closeQuietly(recovered);
		}
	}

	/**
	 * A line of {@value #LINE} revisions, each creating a table and inserting one row;
	 * the last then sleeps for {@code ${pause}} seconds.
	 */
	private static RevisionFolder line(Path folder) {
		RevisionFolder files = new RevisionFolder(folder);
		for (int n = 1; n <= LINE; n++) {
			String pause = (n == LINE) ? "\nSELECT 'paused', pg_sleep(${pause});" : "";
			files.revision(RevisionFolder.id(n), (n == 1) ? "base" : RevisionFolder.id(n - 1),
					"CREATE TABLE t%03d (id int);%nINSERT INTO t%03d VALUES (%d);%s".formatted(n, n, n, pause));
		}
		return files;
	}

	/**
	 * The first {@code count} revisions of the line are recorded and their tables hold
	 * their one row; none of the others left a record or a table.
	 */
	private static void assertWholePrefix(DataSource dataSource, int count) {
		for (int n = 1; n <= LINE; n++) {
			boolean applied = n <= count;
			String id = RevisionFolder.id(n);
			assertThat(query(dataSource, "SELECT count(*) FROM migrations_revisions WHERE revision = '" + id + "'"))
				.as("record of %s", id)
				.isEqualTo(applied ? "1" : "0");
			assertThat(query(dataSource, "SELECT to_regclass('t%03d') IS NOT NULL".formatted(n))).as("table of %s", id)
				.isEqualTo(applied ? "t" : "f");
			if (applied) {
				assertThat(query(dataSource, "SELECT count(*) FROM t%03d".formatted(n))).as("rows of %s", id)
					.isEqualTo("1");
			}
		}
	}

	/**
	 * {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, and waits until it has
	 * ended.
	 */
	private static void crash(EmbeddedPostgres server) throws Exception {
		long postmaster;
		// the backend is asked for its parent while its session is open: once it closes,
		// the backend process ends and has no parent to ask for
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
			row.next();
			postmaster = ProcessHandle.of(row.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow().pid();
		}
		assertThat(new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).start().waitFor()).isZero();
		Server.await("the crashed server to end", Duration.ofSeconds(60),
				() -> ProcessHandle.of(postmaster).map((process) -> !process.isAlive()).orElse(true));
	}

	private static Migrator migrator(DataSource dataSource, RevisionFolder files, String pause) {
		return Migrator.builder(dataSource)
			.settings(MigratorSettings.defaults()
				.withLocations(files.location())
				.withPlaceholders(Map.of("pause", pause)))
			.build();
	}

	private static EmbeddedPostgres start(Path data, int port) throws IOException {
		Files.createDirectories(data);
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("max_connections", "20")
			// as a production server commits (the library's default is off)
			.setServerConfig("synchronous_commit", "on")
			.start();
	}

	private static void closeQuietly(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException | RuntimeException ex) {
			// a crashed server cannot be stopped; its process is gone already
		}
	}

	private static String query(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : "";
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
