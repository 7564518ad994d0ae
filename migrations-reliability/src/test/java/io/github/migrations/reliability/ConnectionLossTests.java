package io.github.migrations.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server ends the migrating session ({@code pg_terminate_backend} from another
 * connection, as a failover or an administrator would) in the middle of a revision.
 */
@Tag("reliability")
@Timeout(120)
class ConnectionLossTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Server server = new Server(this.database);

	@TempDir
	Path folder;

	private RevisionFolder files;

	@BeforeEach
	void revisions() {
		this.files = new RevisionFolder(this.folder.resolve("revisions"));
		this.files.revision("r001", "base", "CREATE TABLE before_loss (id int);");
		this.files.revision("r002", "r001", """
				CREATE TABLE lost (id int);
				INSERT INTO lost VALUES (1);
				SELECT 'r002', pg_sleep(${sleep});
				CREATE INDEX lost_id_idx ON lost (id);""");
		this.files.revision("r003", "r002", "CREATE TABLE after_loss (id int);");
	}

	@Test
	void terminatedSessionFailsClearlyRecordsNothingForTheRevisionAndARerunCompletes() throws Exception {
		CompletableFuture<MigrationResult> run = Migrators.upgradeInBackground(migrator("reliability-loss", "30"));
		int pid = awaitBackend("reliability-loss");
		long killed = System.nanoTime();
		this.server.terminate(pid);
		Throwable failure = failureOf(run);
		long reported = System.nanoTime() - killed;
		assertThat(failure).isInstanceOf(MigrationFailedException.class);
		MigrationFailedException failed = (MigrationFailedException) failure;
		assertThat(failed.revision()).isEqualTo("r002");
		// each statement runs once, so the one the session ended in is known
		assertThat(failed.location().toString()).endsWith("r002.sql:8");
		assertThat(failed.sqlState()).isEqualTo("57P01");
		assertThat(failed.getMessage()).contains("revision 'r002' failed")
			.contains("terminating connection due to administrator command")
			.contains("The revision was rolled back and is not recorded as applied.");
		assertThat(failed.hint()).contains("The connection to the database was lost; run again once it is back.");
		assertNothingRecordedForR002();
		MigrationResult rerun = migrator("reliability-rerun", "0").upgrade(Target.head());
		assertThat(rerun.revisions()).map(Object::toString).containsExactly("r002", "r003");
		assertAllApplied();
		Report.print("connection loss: engine",
				("session terminated in r002: reported in %d ms as %s (SQLSTATE %s) at "
						+ "%s; recorded for r002: 0 rows; rerun applied %d revisions")
					.formatted(reported / 1_000_000, failure.getClass().getSimpleName(), failed.sqlState(),
							failed.location(), rerun.revisions().size()));
	}

	@Test
	void terminatedSessionFailsTheCliWithExitCodeOneAndARerunCompletes() throws Exception {
		Path slow = Files.writeString(this.folder.resolve("slow.properties"), "app.migrations.placeholders.sleep=30\n");
		Path quick = Files.writeString(this.folder.resolve("quick.properties"),
				"app.migrations.placeholders.sleep=0\n");
		InProcessCli cli = InProcessCli.connectedTo(this.database);
		CompletableFuture<CliResult> run = CompletableFuture
			.supplyAsync(() -> cli.run("--locations", this.files.location(), "--config", slow.toString(), "upgrade"));
		int pid = awaitBackend("migrations-cli");
		this.server.terminate(pid);
		CliResult result = run.get(60, TimeUnit.SECONDS);
		assertThat(result.code()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains("Upgrading to r002 (revision r002) ... \nerror: ")
			.containsPattern("(?m)^error: .*r002\\.sql:8: revision 'r002' failed")
			.contains("r002.sql:8: revision 'r002' failed: terminating connection due to administrator command "
					+ "(SQLSTATE 57P01).")
			.contains("\nhint: The revision was rolled back and is not recorded as applied. "
					+ "The connection to the database was lost; run again once it is back.");
		assertNothingRecordedForR002();
		CliResult rerun = cli.run("--locations", this.files.location(), "--config", quick.toString(), "upgrade");
		assertThat(rerun.code()).as(rerun.toString()).isZero();
		assertAllApplied();
		Report.print("connection loss: CLI",
				"exit code %d with the revision, file:line and SQLSTATE; rerun exit code %d".formatted(result.code(),
						rerun.code()));
	}

	@Test
	void terminatedSessionInANonTransactionalRevisionIsReportedWithTheWayOut() throws Exception {
		this.files.nonTransactional("r002", "r001", """
				CREATE TABLE part_one (id int);
				SELECT 'r002', pg_sleep(${sleep});
				CREATE TABLE part_two (id int);""");
		CompletableFuture<MigrationResult> run = Migrators.upgradeInBackground(migrator("reliability-loss", "30"));
		this.server.terminate(awaitBackend("reliability-loss"));
		Throwable failure = failureOf(run);
		assertThat(failure).isInstanceOf(MigrationFailedException.class)
			.hasMessageContaining("r002.sql:8: revision 'r002' failed: terminating connection")
			.hasMessageContaining("the statements before the failing one took effect and stay (")
			.hasMessageContaining("The connection to the database was lost. Check what ran")
			.hasMessageContaining("revision 'r002' once you finish its upgrade by hand, or revision 'r001' once you "
					+ "undo what ran");
		assertThat(this.server.applied()).containsExactly(Map.entry("r001", "APPLIED"), Map.entry("r002", "UPGRADING"));
		InProcessCli cli = InProcessCli.connectedTo(this.database);
		Path quick = Files.writeString(this.folder.resolve("quick.properties"),
				"app.migrations.placeholders.sleep=0\n");
		CliResult next = cli.run("--locations", this.files.location(), "--config", quick.toString(), "upgrade");
		assertThat(next.code()).as(next.toString()).isEqualTo(1);
		assertThat(next.err())
			.contains("Revision 'r002' (" + this.files.path() + "/r002.sql) was interrupted during upgrade")
			.contains("'migrations stamp r002' if it is applied, or 'migrations stamp r001' if it is not");
		// the way out, as the hint says: finish the revision's work by hand, then record
		// it
		this.database.execute("CREATE TABLE part_two (id int)");
		assertThat(cli.run("--locations", this.files.location(), "stamp", "r002").code()).isZero();
		CliResult rerun = cli.run("--locations", this.files.location(), "--config", quick.toString(), "upgrade");
		assertThat(rerun.code()).as(rerun.toString()).isZero();
		assertThat(this.server.applied()).containsOnlyKeys("r001", "r002", "r003").containsValues("APPLIED");
		Report.print("connection loss: non-transactional", "interrupted revision marked UPGRADING, next run exit code "
				+ "%d naming it and 'migrations stamp r002' / 'migrations stamp r001'; after the stamp the rerun exit code %d"
					.formatted(next.code(), rerun.code()));
	}

	private Migrator migrator(String applicationName, String sleep) {
		return Migrators.migrator(this.database, this.files, applicationName,
				(settings) -> settings.withPlaceholders(Map.of("sleep", sleep)));
	}

	private int awaitBackend(String applicationName) {
		Server.await("the revision r002 to run", Duration.ofSeconds(30),
				() -> !this.server.activeBackends(applicationName, "'r002'").isEmpty());
		return this.server.activeBackends(applicationName, "'r002'").get(0);
	}

	private static Throwable failureOf(CompletableFuture<?> run) throws InterruptedException {
		try {
			run.get(20, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw new AssertionError("The run did not end within 20 s of losing its connection", ex);
		}
		throw new AssertionError("The run succeeded although its connection was terminated");
	}

	private void assertNothingRecordedForR002() {
		assertThat(this.server.applied()).containsExactly(Map.entry("r001", "APPLIED"));
		assertThat(this.server.loggedUpgrades()).containsExactly("r001");
		assertThat(this.database.tableExists("lost")).isFalse();
		assertThat(this.database.tableExists("before_loss")).isTrue();
		assertThat(this.server.advisoryLockHolders()).isEmpty();
	}

	private void assertAllApplied() {
		assertThat(this.server.applied()).containsOnlyKeys("r001", "r002", "r003").containsValues("APPLIED");
		assertThat(this.server.loggedUpgrades()).containsExactly("r001", "r002", "r003");
		assertThat(this.database.tableExists("after_loss")).isTrue();
	}

}
