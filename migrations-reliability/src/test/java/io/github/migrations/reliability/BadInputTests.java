package io.github.migrations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of broken inputs in {@code src/test/resources/bad-inputs}, each run through
 * the CLI in-process against a database of its own: a precise message (what, where, what
 * to do), the exit code of its kind, and a database whose schema and version store are
 * exactly as before.
 */
@Tag("reliability")
@Timeout(60)
class BadInputTests {

	private static final Path CORPUS = corpus();

	private static final List<String> SUMMARY = new ArrayList<>();

	/**
	 * One line of {@code expectations.tsv}.
	 */
	record Case(String name, List<String> command, int exit, boolean unchanged, List<String> expected) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Case> cases() throws IOException {
		return Files.readAllLines(CORPUS.resolve("expectations.tsv"), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> {
				String[] columns = line.split("\t");
				assertThat(columns).as("columns of '%s'", line).hasSize(5);
				return new Case(columns[0], Arrays.asList(columns[1].split(" ")), Integer.parseInt(columns[2]),
						columns[3].equals("unchanged"), Arrays.asList(columns[4].split(" \\| ")));
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void brokenInputIsRefusedWithAPreciseMessageAndTheDatabaseUnchanged(Case input) {
		Path folder = CORPUS.resolve(input.name());
		assertThat(folder.resolve("revisions")).as("the case's folder").isDirectory();
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		InProcessCli cli = InProcessCli.connectedTo(database);
		if (Files.isDirectory(folder.resolve("applied"))) {
			CliResult setup = cli.run("--locations", folder.resolve("applied").toString(), "upgrade", "heads");
			assertThat(setup.code()).as("applying the case's applied/ files first%n%s", setup).isZero();
		}
		SchemaSnapshot before = SchemaSnapshot.of(database);
		List<String> args = new ArrayList<>(List.of("--locations", folder.resolve("revisions").toString()));
		if (Files.exists(folder.resolve("application.properties"))) {
			args.addAll(List.of("--config", folder.resolve("application.properties").toString()));
		}
		args.addAll(input.command());
		CliResult result = cli.run(args.toArray(String[]::new));
		assertThat(result.code()).as("exit code of %s%n%s", input.name(), result).isEqualTo(input.exit());
		String output;
		if (input.exit() != 0) {
			output = result.err();
			assertThat(output).as("what, where and what to do")
				.containsPattern("(?m)^error: .+")
				.containsPattern("(?m)^hint: .+");
		}
		else {
			output = result.out() + result.log();
		}
		for (String fragment : input.expected()) {
			assertThat(output).as("message of %s", input.name()).contains(fragment);
		}
		SchemaSnapshot after = SchemaSnapshot.of(database);
		if (input.unchanged()) {
			assertThat(after.lines()).as("the database after %s", input.name())
				.containsExactlyElementsOf(before.lines());
		}
		else {
			assertThat(after.lines()).as("the database after %s", input.name()).isNotEqualTo(before.lines());
		}
		String firstLine = output.lines().filter((line) -> !line.isBlank()).findFirst().orElse("");
		synchronized (SUMMARY) {
			SUMMARY.add("%d|%s|%s".formatted(input.exit(), input.unchanged(), input.name()));
		}
		assertThat(firstLine).isNotEmpty();
	}

	@AfterAll
	static void summary() {
		Map<Integer, Integer> byExit = new TreeMap<>();
		int unchanged = 0;
		for (String line : SUMMARY) {
			String[] parts = line.split("\\|");
			byExit.merge(Integer.parseInt(parts[0]), 1, Integer::sum);
			if (Boolean.parseBoolean(parts[1])) {
				unchanged++;
			}
		}
		Report.print("bad inputs", ("%d cases passed (exit code 2: %d, exit code 1: %d, exit code 0: %d), each with "
				+ "'error:' and 'hint:' lines when refused; database unchanged (catalog snapshot and version store): %d, "
				+ "migrated as expected: %d")
			.formatted(SUMMARY.size(), byExit.getOrDefault(2, 0), byExit.getOrDefault(1, 0), byExit.getOrDefault(0, 0),
					unchanged, SUMMARY.size() - unchanged));
	}

	private static Path corpus() {
		try {
			return Path.of(BadInputTests.class.getResource("/bad-inputs/expectations.tsv").toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
