package io.github.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, run as a real {@code java -jar} process, as operators and CI run it.
 */
class MigrationsCliJarIT {

	@TempDir
	Path folder;

	@Test
	void selfContainedJarUpgradesAndReportsCurrent() throws Exception {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Files.writeString(this.folder.resolve("a1_init.sql"), """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY);
				-- +downgrade
				DROP TABLE customers;
				""");
		Result upgrade = java("--url", database.url(), "--username", database.username(), "--locations",
				this.folder.toString(), "upgrade", "--json");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		assertThat(upgrade.out().strip()).isEqualTo("{\"applied\":[\"a1\"],\"current\":[\"a1\"]}");
		Result broken = java("--locations", this.folder.toString(), "upgrade", "nope");
		assertThat(broken.code()).isEqualTo(2);
		assertThat(broken.err()).startsWith("error: No database URL is configured.");
	}

	@Test
	void launcherBesideTheJarRunsItWithTheJavaItIsGiven() throws Exception {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		Path launcher = Path.of(System.getProperty("cli.jar")).resolveSibling("migrations");
		Result version = run(List.of("sh", launcher.toString(), "--version"));
		assertThat(version.code()).as(version.err()).isZero();
		assertThat(version.out()).startsWith("migrations ");
		Result current = run(List.of("sh", launcher.toString(), "--url", database.url(), "--username",
				database.username(), "--locations", this.folder.toString(), "current", "--json"));
		assertThat(current.code()).as(current.err()).isZero();
		assertThat(current.out().strip()).isEqualTo("{\"current\":[],\"interrupted\":[],\"running\":[]}");
	}

	@Test
	void launcherUsesTheClassDataSharingArchiveBesideTheJarAndIgnoresOneItCannotUse() throws Exception {
		Path jar = Path.of(System.getProperty("cli.jar"));
		String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		assertThat(jar.resolveSibling(name + ".jsa")).as("the archive the build makes beside the jar").isNotEmptyFile();
		Path elsewhere = Files.createDirectories(this.folder.resolve("installed"));
		Files.copy(jar, elsewhere.resolve(jar.getFileName()));
		Files.copy(jar.resolveSibling("migrations"), elsewhere.resolve("migrations"));
		Files.write(elsewhere.resolve(name + ".jsa"), new byte[] { 1, 2, 3, 4 });
		Result version = run(List.of("sh", elsewhere.resolve("migrations").toString(), "--version"));
		assertThat(version.code()).isZero();
		assertThat(version.out()).startsWith("migrations ").doesNotContain("cds").hasLineCount(1);
		assertThat(version.err()).isEmpty();
	}

	@Test
	void launcherMapsTheCommandLineParserFromTheArchiveThoughItsClassesAreOfJava5() throws Exception {
		Path launcher = Path.of(System.getProperty("cli.jar")).resolveSibling("migrations");
		Path loaded = this.folder.resolve("classes.log");
		Result version = run(List.of("sh", launcher.toString(), "--version"),
				Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded));
		assertThat(version.code()).as(version.err()).isZero();
		assertThat(Files.readString(loaded)).contains("picocli.CommandLine source: shared objects file")
			.contains("io.github.migrations.cli.MigrationsCli source: shared objects file");
	}

	@Test
	void passwordAskedForWithoutATerminalIsReadFromStandardInputAndLeavesStandardOutputToTheJson() throws Exception {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				System.getProperty("cli.jar"), "--url", database.url(), "--username", database.username(),
				"--locations", this.folder.toString(), "--password", "current", "--json");
		Result current = run(command, Map.of(), database.password() + "\n");
		assertThat(current.code()).as(current.err()).isZero();
		assertThat(current.out()).isEqualTo("{\"current\":[],\"interrupted\":[],\"running\":[]}\n");
		Result nothingToRead = run(command, Map.of(), "");
		assertThat(nothingToRead.code()).isEqualTo(2);
		assertThat(nothingToRead.out()).startsWith("{\"error\":\"--password was given without a value");
	}

	record Result(int code, String out, String err) {
	}

	private Result java(String... args) throws IOException, InterruptedException {
		String jar = System.getProperty("cli.jar");
		List<String> command = new java.util.ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
		command.addAll(List.of(args));
		return run(command);
	}

	private Result run(List<String> command) throws IOException, InterruptedException {
		return run(command, Map.of());
	}

	private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		return run(command, environment, "");
	}

	private Result run(List<String> command, Map<String, String> environment, String input)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
		builder.environment().remove("JAVA_OPTS");
		builder.environment().remove("DATABASE_URL");
		builder.environment().putAll(environment);
		builder.environment().put("DATABASE_PASSWORD", "postgres");
		Process process = builder.start();
		process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		boolean finished = process.waitFor(60, TimeUnit.SECONDS);
		assertThat(finished).isTrue();
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
				new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
	}

}
