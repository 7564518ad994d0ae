package io.github.migrations.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A transactional revision of a hundred thousand statements is one transaction: a failure
 * at its end, or a SIGKILL in its middle, leaves nothing of it, and the rerun applies it
 * once.
 */
@Tag("reliability")
@Timeout(300)
class LongRevisionAtomicityTests {

	static final int STATEMENTS = 100_000;

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Server server = new Server(this.database);

	@TempDir
	Path folder;

	@Test
	void aHundredThousandStatementRevisionThatFailsAtItsEndLeavesNoTrace() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		Path file = files.revision("long1", "base", inserts("", "SELECT 1/0;"));
		int failingLine = lineOf(file, "SELECT 1/0;");
		long start = System.nanoTime();
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> Migrators.migrator(this.database, files, "long").upgrade(Target.head()))
			.satisfies((ex) -> assertThat(ex.location().line()).isEqualTo(failingLine))
			.satisfies((ex) -> assertThat(ex.sqlState()).isEqualTo("22012"));
		long elapsed = System.nanoTime() - start;
		assertThat(this.database.tableExists("readings")).isFalse();
		assertThat(this.database.query("SELECT count(*) FROM migrations_revisions")).containsExactly("0");
		Report.print("atomicity: long revision",
				"%,d statements then a failing one: reported at line %d after %s, table absent, nothing recorded"
					.formatted(STATEMENTS, failingLine, Report.seconds(elapsed)));
	}

	@Test
	void killedInTheMiddleOfAHundredThousandStatementRevisionLeavesNoTraceAndTheRerunAppliesItOnce() throws Exception {
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.revision("long1", "base", inserts("SELECT 'long1', pg_sleep(${pause});", ""));
		Path slow = Files.writeString(this.folder.resolve("slow.properties"), "app.migrations.placeholders.pause=60\n");
		Path none = Files.writeString(this.folder.resolve("none.properties"), "app.migrations.placeholders.pause=0\n");
		CliProcess process = CliProcess.start(this.folder.resolve("output"), InProcessCli.environment(this.database),
				"--locations", files.location(), "--config", slow.toString(), "upgrade");
		Server.await("the pause in the middle of the revision", Duration.ofSeconds(120),
				() -> !this.server.activeBackends("migrations-cli", "'long1'").isEmpty());
		process.kill();
		Server.await("the killed session to end", Duration.ofSeconds(30),
				() -> this.server.backends("migrations-cli").isEmpty());
		assertThat(this.database.tableExists("readings")).as("nothing of the killed revision").isFalse();
		CliResult rerun = InProcessCli.connectedTo(this.database)
			.run("--locations", files.location(), "--config", none.toString(), "upgrade");
		assertThat(rerun.code()).as(rerun.toString()).isZero();
		assertThat(this.server.count("SELECT count(*) FROM readings")).isEqualTo(STATEMENTS);
		Report.print("atomicity: killed long revision",
				("SIGKILL after %,d of %,d inserts: nothing left; the rerun " + "inserted %,d rows")
					.formatted(STATEMENTS / 2, STATEMENTS, STATEMENTS));
	}

	/**
	 * A table, a hundred thousand single-row inserts with {@code middle} halfway, and
	 * {@code end} at the end.
	 */
	static String inserts(String middle, String end) {
		StringBuilder sql = new StringBuilder("CREATE TABLE readings (id int PRIMARY KEY);\n");
		for (int i = 1; i <= STATEMENTS; i++) {
			sql.append("INSERT INTO readings VALUES (").append(i).append(");\n");
			if (i == STATEMENTS / 2) {
				sql.append(middle).append('\n');
			}
		}
		return sql.append(end).toString();
	}

	private static int lineOf(Path file, String text) throws Exception {
		List<String> lines = Files.readAllLines(file);
		return lines.indexOf(text) + 1;
	}

}
