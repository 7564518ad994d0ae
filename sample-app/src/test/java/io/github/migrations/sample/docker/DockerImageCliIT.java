package io.github.migrations.sample.docker;

import java.io.IOException;
import java.net.URI;
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
 * Runs everywhere: the image's {@code migrations} launcher, run by {@code sh} as
 * {@code docker compose exec app migrations ...} runs it, with the image's paths swapped
 * for a folder holding the packaged CLI jar as the image does and for the app's
 * resources, and {@code DATABASE_URL} written as {@code docker-compose.yml} writes it.
 */
class DockerImageCliIT {

	@TempDir
	Path folder;

	@Test
	void migrationsCurrentInTheImageReportsTheRevisionsTheAppApplied() throws Exception {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		String databaseUrl = composeStyleUrl(database);
		Result upgrade = migrations(databaseUrl, "upgrade");
		assertThat(upgrade.code()).as(upgrade.err()).isZero();
		Result current = migrations(databaseUrl, "current");
		assertThat(current.code()).as(current.err()).isZero();
		assertThat(current.out()).contains("0006");
		assertThat(database.query("SELECT count(*) FROM migrations_revisions")).containsExactly("6");
	}

	@Test
	void migrationsInTheImageNeedsNoOptionToFindTheAppsRevisions() throws Exception {
		Result heads = migrations("postgresql://nobody:secret@localhost:1/none", "heads");
		assertThat(heads.code()).as(heads.err()).isZero();
		assertThat(heads.out()).contains("0006");
	}

	@Test
	void migrationsInTheImageMapsItsClassesFromTheArchiveTheImageBuildDumps() throws Exception {
		Path cli = installCli();
		String dump = DockerFiles.archiveDump().replace(DockerFiles.IMAGE_CLI, cli + "/");
		Path classList = Path.of(DockerFiles.find(dump, "-XX:SharedClassListFile=(\\S+)"));
		Path built = Path.of(System.getProperty("cli.jar"));
		Files.copy(built.resolveSibling(built.getFileName().toString().replaceFirst("\\.jar$", ".classlist")),
				classList);
		Result dumped = run(List.of("sh", "-c", dump + " > /dev/null"), Map.of());
		assertThat(dumped.code()).as(dumped.err()).isZero();
		Path loaded = this.folder.resolve("classes.log");
		Result version = run(launcher(cli, "--version"), Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded));
		assertThat(version.code()).as(version.err()).isZero();
		assertThat(Files.readString(loaded)).contains("picocli.CommandLine source: shared objects file")
			.contains("io.github.migrations.cli.MigrationsCli source: shared objects file");
	}

	/**
	 * {@code postgresql://user:password@host:port/database}, as the compose file gives
	 * the app and the CLI.
	 */
	private static String composeStyleUrl(TestDatabase.Database database) {
		URI jdbc = URI.create(database.url().substring("jdbc:".length()));
		return "postgresql://%s:%s@%s:%d%s".formatted(database.username(), database.password(), jdbc.getHost(),
				jdbc.getPort(), jdbc.getPath());
	}

	private Result migrations(String databaseUrl, String... args) throws IOException, InterruptedException {
		return run(launcher(installCli(), args), Map.of("DATABASE_URL", databaseUrl));
	}

	/**
	 * The folder that stands for the image's {@value DockerFiles#IMAGE_CLI}, holding the
	 * packaged CLI jar under the name the launcher gives it.
	 */
	private Path installCli() throws IOException {
		Path cli = this.folder.resolve("opt/migrations");
		if (!Files.isDirectory(cli)) {
			Path built = Path.of(System.getProperty("cli.jar"));
			assertThat(built).as("the packaged CLI (./mvnw package builds it before this test)").exists();
			Files.createDirectories(cli);
			String jar = find("-jar (\\S+)");
			assertThat(jar).startsWith(DockerFiles.IMAGE_CLI);
			Files.copy(built, cli.resolve(jar.substring(DockerFiles.IMAGE_CLI.length())));
		}
		return cli;
	}

	/**
	 * The image's launcher, written with the image's paths swapped, run by {@code sh}.
	 */
	private List<String> launcher(Path cli, String... args) throws IOException {
		Path resources = DockerFiles.ROOT.resolve("sample-app/src/main/resources");
		String launcher = DockerFiles.launcher()
			.replace(DockerFiles.IMAGE_CLI, cli + "/")
			.replace(DockerFiles.IMAGE_CLASSES, resources + "/");
		Path script = Files.writeString(this.folder.resolve("migrations"), launcher);
		return concat(List.of("sh", script.toString()), List.of(args));
	}

	private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command.toArray(String[]::new));
		builder.environment().remove("JAVA_OPTS");
		builder.environment().remove("DATABASE_URL");
		// 'java' of the image is the JVM of this build, which trained the class list
		builder.environment()
			.merge("PATH", Path.of(System.getProperty("java.home"), "bin").toString(),
					(path, bin) -> bin + java.io.File.pathSeparator + path);
		builder.environment().putAll(environment);
		builder.redirectOutput(this.folder.resolve("out").toFile()).redirectError(this.folder.resolve("err").toFile());
		Process process = builder.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new Result(process.exitValue(), read("out"), read("err"));
	}

	private static String find(String regex) throws IOException {
		return DockerFiles.find(DockerFiles.launcher(), regex);
	}

	private String read(String name) throws IOException {
		return Files.readString(this.folder.resolve(name), StandardCharsets.UTF_8);
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private record Result(int code, String out, String err) {

	}

}
