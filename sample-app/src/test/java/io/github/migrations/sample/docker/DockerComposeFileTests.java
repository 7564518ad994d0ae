package io.github.migrations.sample.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.migrations.sample.docker.DockerFiles.find;
import static io.github.migrations.sample.docker.DockerFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs everywhere, Docker engine or not: {@code docker-compose.yml}, the Dockerfile and
 * the CLI launcher agree with each other and with the build, so that
 * {@code docker compose up} starts the app once PostgreSQL is ready and
 * {@code docker compose exec app migrations current} finds the CLI.
 * {@code DockerComposeIT} runs them for real where a Docker engine answers.
 */
class DockerComposeFileTests {

	@Test
	void appIsBuiltFromTheSampleAppDockerfileAtTheRepositoryRoot() throws IOException {
		Map<String, Object> build = map(DockerFiles.service("app"), "build");
		Path context = DockerFiles.COMPOSE_FILE.resolveSibling((String) build.get("context"));
		assertThat(context.resolve((String) build.get("dockerfile")).normalize()).isEqualTo(DockerFiles.DOCKERFILE);
		assertThat(context.resolve("mvnw")).exists();
	}

	@Test
	void appStartsOnlyOncePostgresAnswersItsHealthcheckOnTheAppsDatabase() throws IOException {
		Map<String, Object> dependsOn = map(DockerFiles.service("app"), "depends_on");
		assertThat(map(dependsOn, "postgres")).containsEntry("condition", "service_healthy");
		Map<String, Object> postgres = DockerFiles.service("postgres");
		Map<String, Object> environment = map(postgres, "environment");
		@SuppressWarnings("unchecked")
		List<String> test = (List<String>) map(postgres, "healthcheck").get("test");
		String command = String.join(" ", test);
		assertThat(command).contains("pg_isready")
			.contains("-U " + environment.get("POSTGRES_USER"))
			.contains("-d " + environment.get("POSTGRES_DB"));
	}

	@Test
	void appsDatabaseUrlNamesThePostgresServiceAndItsCredentials() throws IOException {
		Map<String, Object> postgres = map(DockerFiles.service("postgres"), "environment");
		String url = (String) map(DockerFiles.service("app"), "environment").get("DATABASE_URL");
		DockerFiles.DatabaseUrl parsed = DockerFiles.DatabaseUrl.parse(url);
		assertThat(parsed.host()).isEqualTo("postgres");
		assertThat(parsed.port()).isEqualTo(5432);
		assertThat(parsed.database()).isEqualTo(postgres.get("POSTGRES_DB"));
		assertThat(parsed.user()).isEqualTo(postgres.get("POSTGRES_USER"));
		assertThat(parsed.password()).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
	}

	@Test
	void imageBuildsTheCliWithTheAppAndPutsItsLauncherOnThePath() throws IOException {
		String dockerfile = DockerFiles.dockerfile();
		String modules = find(dockerfile, "./mvnw [^\\n]*-pl (\\S+) -am package");
		assertThat(List.of(modules.split(","))).contains("sample-app", "migrations-cli");
		assertThat(find(dockerfile, "cp (migrations-cli/target/\\S+\\.jar) "))
			.isEqualTo("migrations-cli/target/" + "migrations-cli-*.jar");
		assertThat(find(dockerfile, "COPY --chmod=755 (\\S+) /usr/local/bin/migrations\\n"))
			.isEqualTo(DockerFiles.ROOT.relativize(DockerFiles.CLI_LAUNCHER).toString());
	}

	@Test
	void launcherRunsTheCliJarTheImageHolds() throws IOException {
		String jar = find(DockerFiles.launcher(), "-jar (\\S+)");
		assertThat(find(DockerFiles.dockerfile(), "COPY --from=build /workspace/migrations-cli.jar (\\S+)\\n"))
			.isEqualTo(jar);
	}

	@Test
	void imageDumpsTheCliArchiveWithItsOwnJvmForTheJarAndArchiveTheLauncherNames() throws IOException {
		String dockerfile = DockerFiles.dockerfile();
		String dump = DockerFiles.archiveDump();
		String launcher = DockerFiles.launcher();
		assertThat(find(dump, "-cp (\\S+)")).isEqualTo(find(launcher, "-jar (\\S+)"));
		assertThat(find(dump, "-XX:SharedArchiveFile=(\\S+)"))
			.isEqualTo(find(launcher, "-XX:SharedArchiveFile=(\\S+)"));
		assertThat(find(dockerfile, "COPY --from=build /workspace/migrations-cli.classlist (\\S+)\\n"))
			.isEqualTo(find(dump, "-XX:SharedClassListFile=(\\S+)"));
		assertThat(find(dockerfile, "cp (migrations-cli/target/\\S+\\.classlist) "))
			.isEqualTo("migrations-cli/target/migrations-cli-*.classlist");
		assertThat(dockerfile.substring(dockerfile.lastIndexOf("\nFROM "))).as("the runtime stage").contains(dump);
	}

	@Test
	void launcherReadsTheAppsConfigurationWhereTheApplicationLayerPutsIt() throws IOException {
		String dockerfile = DockerFiles.dockerfile();
		String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
		assertThat(find(runtimeStage, "\\nWORKDIR (\\S+)\\n")).isEqualTo("/app");
		assertThat(runtimeStage).contains("COPY --from=build /workspace/extracted/application/ ./");
		String config = find(DockerFiles.launcher(), "--config (\\S+)");
		assertThat(config).startsWith(DockerFiles.IMAGE_CLASSES);
		Path source = DockerFiles.ROOT.resolve("sample-app/src/main/resources")
			.resolve(config.substring(DockerFiles.IMAGE_CLASSES.length()));
		assertThat(source).exists();
		assertThat(Files.readString(source)).contains("locations: classpath:db/revisions");
	}

}
