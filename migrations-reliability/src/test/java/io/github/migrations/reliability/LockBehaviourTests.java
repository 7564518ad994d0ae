package io.github.migrations.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.database.LockTimeoutException;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migration lock: a second instance waits and then finds nothing pending, a short
 * wait fails naming the holder, and neither holding nor waiting for the lock ever blocks
 * a {@code CREATE INDEX CONCURRENTLY} revision.
 */
@Tag("reliability")
@Timeout(120)
class LockBehaviourTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Server server = new Server(this.database);

	@TempDir
	Path folder;

	@Test
	void secondRunWaitsForTheFirstThenFindsNothingPending() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		for (int n = 1; n <= 10; n++) {
			files.revision(RevisionFolder.id(n), RevisionFolder.parent(n),
					"CREATE TABLE t_%s (id int);\nSELECT pg_sleep(0.1);".formatted(RevisionFolder.id(n)));
		}
		CompletableFuture<MigrationResult> first = Migrators
			.upgradeInBackground(Migrators.migrator(this.database, files, "reliability-first"));
		Server.await("the first run to take the lock", Duration.ofSeconds(30),
				() -> !this.server.advisoryLockHolders().isEmpty());
		long start = System.nanoTime();
		MigrationResult second = Migrators
			.migrator(this.database, files, "reliability-second", Migrators.lockWait(Duration.ofSeconds(60)))
			.upgrade(Target.head());
		long waited = System.nanoTime() - start;
		MigrationResult firstResult = first.get(60, TimeUnit.SECONDS);
		assertThat(firstResult.revisions()).hasSize(10);
		assertThat(second.revisions()).isEmpty();
		assertThat(second.summary()).startsWith("Database is up to date at 'r010'");
		assertThat(Duration.ofNanos(waited)).as("the second run waited for the first")
			.isGreaterThan(Duration.ofMillis(300));
		assertThat(this.server.loggedUpgrades()).hasSize(10).doesNotHaveDuplicates();
		Report.print("lock: second run", "waited %d ms for the first (which applied %d), then found %d pending"
			.formatted(waited / 1_000_000, firstResult.revisions().size(), second.revisions().size()));
	}

	@Test
	void shortWaitFailsNamingTheHolderAndChangesNothing() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.revision("r001", "base", "CREATE TABLE slow (id int);\nSELECT pg_sleep(4);");
		CompletableFuture<MigrationResult> holder = Migrators
			.upgradeInBackground(Migrators.migrator(this.database, files, "reliability-holder"));
		Server.await("the holder to take the lock", Duration.ofSeconds(30),
				() -> !this.server.advisoryLockHolders().isEmpty());
		int holderPid = this.server.advisoryLockHolders().get(0);
		Migrator impatient = Migrators.migrator(this.database, files, "reliability-impatient",
				Migrators.lockWait(Duration.ofMillis(200)));
		assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(() -> impatient.upgrade(Target.head()))
			.withMessageContaining("Could not take the migration lock")
			.withMessageContaining("within 200ms")
			.withMessageContaining("PostgreSQL backend %d ('reliability-holder'".formatted(holderPid))
			.satisfies((ex) -> assertThat(ex.hint()).contains("wait for it, or raise the lock wait timeout"))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("lock-wait-timeout"));
		Path config = Files.writeString(this.folder.resolve("impatient.properties"),
				"app.migrations.lock-wait-timeout=200ms\n");
		CliResult cli = InProcessCli.connectedTo(this.database)
			.run("--locations", files.location(), "--config", config.toString(), "upgrade");
		assertThat(cli.code()).as(cli.toString()).isEqualTo(1);
		// first what it waits for, then why it stopped
		assertThat(cli.err()).startsWith("Waiting up to 200ms for the migration lock")
			.contains("\nerror: Could not take the migration lock")
			.contains("PostgreSQL backend %d ('reliability-holder'".formatted(holderPid))
			.contains("\nhint: ");
		assertThat(holder.get(60, TimeUnit.SECONDS).revisions()).hasSize(1);
		assertThat(this.server.loggedUpgrades()).containsExactly("r001");
		assertThat(this.server.advisoryLockHolders()).isEmpty();
		Report.print("lock: short wait",
				("2 of 2 runs waiting 200 ms failed naming backend %d ('reliability-holder'), "
						+ "exit code %d from the CLI; the holder applied its revision once")
					.formatted(holderPid, cli.code()));
	}

	@Test
	void createIndexConcurrentlyIsNotBlockedByTheLockOrByAnInstanceWaitingForIt() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.revision("r001", "base", "CREATE TABLE items (id int PRIMARY KEY, value text);\n"
				+ "INSERT INTO items SELECT g, md5(g::text) FROM generate_series(1, 20000) g;");
		files.revision("r002", "r001", "SELECT 'r002', pg_sleep(1);");
		files.nonTransactional("r003", "r002", "CREATE INDEX CONCURRENTLY items_value_idx ON items (value);");
		long start = System.nanoTime();
		CompletableFuture<MigrationResult> first = Migrators
			.upgradeInBackground(Migrators.migrator(this.database, files, "reliability-cic"));
		Server.await("the first instance to reach r002", Duration.ofSeconds(30),
				() -> !this.server.activeBackends("reliability-cic", "'r002'").isEmpty());
		CompletableFuture<MigrationResult> waiting = Migrators.upgradeInBackground(Migrators.migrator(this.database,
				files, "reliability-waiter", Migrators.lockWait(Duration.ofSeconds(20))));
		Server.await("the second instance to connect", Duration.ofSeconds(30),
				() -> !this.server.backends("reliability-waiter").isEmpty());
		MigrationResult result = first.get(60, TimeUnit.SECONDS);
		long firstRun = System.nanoTime() - start;
		MigrationResult waiter = waiting.get(60, TimeUnit.SECONDS);
		assertThat(result.revisions()).map(Object::toString).containsExactly("r001", "r002", "r003");
		assertThat(Duration.ofNanos(firstRun)).as("the run with CREATE INDEX CONCURRENTLY")
			.isLessThan(Duration.ofSeconds(8));
		assertThat(waiter.revisions()).isEmpty();
		assertThat(
				this.database.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'items_value_idx'::regclass"))
			.containsExactly("t");
		Report.print("lock: create index concurrently", ("applied in %d ms while the lock was held and a second "
				+ "instance waited for it (configured to wait up to 20 s); index valid; the waiter found %d pending")
			.formatted(firstRun / 1_000_000, waiter.revisions().size()));
	}

}
