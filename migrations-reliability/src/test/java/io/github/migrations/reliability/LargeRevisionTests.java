package io.github.migrations.reliability;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision that backfills a million rows and a revision file of several megabytes, each
 * applied by the CLI in a JVM limited to a 64 MB heap, which reports its peak heap use.
 */
@Tag("reliability")
@Timeout(300)
class LargeRevisionTests {

	private static final String HEAP = "-Xmx64m";

	private static final Pattern PEAK = Pattern.compile("peak-heap-bytes=(\\d+)");

	private static final Pattern MAX = Pattern.compile("max-heap-bytes=(\\d+)");

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final Server server = new Server(this.database);

	@TempDir
	Path folder;

	@Test
	void millionRowBackfillRunsInA64MegabyteHeap() {
		int rows = Counts.rows();
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.revision("big1", "base", """
				CREATE TABLE readings (id bigint PRIMARY KEY, sensor int NOT NULL, value double precision NOT NULL);
				INSERT INTO readings SELECT g, g %% 100, g / 7.0 FROM generate_series(1, %d) g;""".formatted(rows));
		Run run = run(files);
		assertThat(this.server.count("SELECT count(*) FROM readings")).isEqualTo(rows);
		assertThat(this.server.loggedUpgrades()).containsExactly("big1");
		Report.print("large: backfill",
				("%,d rows inserted by one revision (INSERT ... SELECT generate_series) in %s, "
						+ "CLI peak heap (pools' peaks summed) %s of %s (%s)")
					.formatted(rows, Report.seconds(run.nanos()), megabytes(run.peakHeap()), megabytes(run.maxHeap()),
							HEAP));
	}

	@Test
	void aSelectOfMillionsOfRowsRunsToItsEndWithoutHoldingTheRows() {
		int rows = 2 * Counts.rows();
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		String select = "SELECT g, nextval('calls'), repeat('x', 40) FROM generate_series(1, %d) g;".formatted(rows);
		files.revision("big1", "base", "CREATE SEQUENCE calls;\n" + select);
		files.nonTransactional("big2", "big1", select);
		Run run = run(files);
		// every row was computed, none was kept
		assertThat(this.server.count("SELECT last_value FROM calls")).isEqualTo(2L * rows);
		Report.print("large: select",
				("a SELECT of %,d rows in a transactional and in a non-transactional revision ran to its end in %s, "
						+ "CLI peak heap " + "(pools' peaks summed) %s of %s (%s)")
					.formatted(rows, Report.seconds(run.nanos()), megabytes(run.peakHeap()), megabytes(run.maxHeap()),
							HEAP));
	}

	@Test
	void noticesOfOneLongStatementAreLetGoAsTheyArrive() {
		int notices = Counts.rows() / 5;
		String loop = """
				DO $$ BEGIN
				  FOR i IN 1..%d LOOP RAISE NOTICE 'step %% of a chatty backfill, padded: %%', i, repeat('x', 200); END LOOP;
				  INSERT INTO finished VALUES ('done');
				END $$;"""
			.formatted(notices);
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		files.revision("loud1", "base", "CREATE TABLE finished (note text);\n" + loop);
		files.nonTransactional("loud2", "loud1", loop);
		Run run = run(files);
		assertThat(this.server.count("SELECT count(*) FROM finished")).isEqualTo(2);
		assertThat(this.server.loggedUpgrades()).containsExactly("loud1", "loud2");
		Report.print("large: notices",
				("%,d notices from one DO block, in a transactional and in a non-transactional revision, "
						+ "applied in %s, CLI peak heap (pools' peaks summed) %s of %s (%s)")
					.formatted(notices, Report.seconds(run.nanos()), megabytes(run.peakHeap()),
							megabytes(run.maxHeap()), HEAP));
	}

	@Test
	void severalMegabyteRevisionFileRunsInA64MegabyteHeap() throws IOException {
		long size = Counts.sqlMegabytes() * 1024L * 1024L;
		RevisionFolder files = new RevisionFolder(this.folder.resolve("revisions"));
		Path file = files.path().resolve("big2_lines.sql");
		long[] written = write(file, size);
		long statements = written[0];
		long rows = written[1];
		Run run = run(files);
		assertThat(this.server.count("SELECT count(*) FROM lines")).isEqualTo(rows);
		assertThat(this.server.count("SELECT count(*) FROM lines WHERE label LIKE '%;%' AND payload LIKE '%$$%'"))
			.isEqualTo(rows);
		assertThat(this.server.count("SELECT count(*) FROM marks")).isEqualTo(statements / 50);
		Report.print("large: file",
				("%.1f MB revision file, %,d statements (strings with ';' and '$$', comments, DO "
						+ "blocks), %,d rows, applied in %s, CLI peak heap (pools' peaks summed) %s of %s (%s)")
					.formatted(Files.size(file) / 1048576.0, statements, rows, Report.seconds(run.nanos()),
							megabytes(run.peakHeap()), megabytes(run.maxHeap()), HEAP));
	}

	/**
	 * Writes a revision of many multi-row inserts, with a block comment and a DO block
	 * after every 50th statement.
	 * @return the statements and the rows written
	 */
	private static long[] write(Path file, long size) throws IOException {
		String payload = "x".repeat(700) + " $$ not a body; -- not a comment";
		long statements = 0;
		long rows = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("""
					-- revision: big2
					-- down_revision: base
					-- message: many statements

					-- +upgrade
					CREATE TABLE lines (id bigint PRIMARY KEY, label text NOT NULL, payload text NOT NULL);
					CREATE TABLE marks (at bigint NOT NULL);
					""");
			statements += 2;
			while (Files.size(file) < size) {
				out.write("-- rows from " + (rows + 1) + "; a comment with a semicolon\n");
				out.write("INSERT INTO lines VALUES\n");
				for (int i = 0; i < 4; i++) {
					rows++;
					out.write("  (%d, 'line %d; with a semicolon', '%s')%s\n".formatted(rows, rows, payload,
							(i < 3) ? "," : ";"));
				}
				statements++;
				if (statements % 50 == 0) {
					out.write(
							"/* a block comment; /* nested; */ */\nDO $$ BEGIN INSERT INTO marks VALUES (%d); END $$;\n"
								.formatted(statements));
					statements++;
				}
				out.flush();
			}
			out.write("\n-- +downgrade\nDROP TABLE marks;\nDROP TABLE lines;\n");
		}
		return new long[] { statements, rows };
	}

	private Run run(RevisionFolder files) {
		long start = System.nanoTime();
		CliResult result = CliProcess
			.start(this.folder.resolve("process"), List.of(HEAP), PeakHeapMain.class,
					InProcessCli.environment(this.database), "--locations", files.location(), "-q", "upgrade")
			.await(Duration.ofMinutes(4));
		long nanos = System.nanoTime() - start;
		assertThat(result.code()).as(result.toString()).isZero();
		return new Run(nanos, value(PEAK, result.out()), value(MAX, result.out()));
	}

	private static long value(Pattern pattern, String out) {
		Matcher matcher = pattern.matcher(out);
		assertThat(matcher.find()).as(out).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static String megabytes(long bytes) {
		return "%.0f MB".formatted(bytes / 1048576.0);
	}

	/**
	 * How long the child JVM ran (its start included), and its peak and maximum heap.
	 */
	record Run(long nanos, long peakHeap, long maxHeap) {
	}

}
