package io.github.migrations.sample.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose up --build} at the repository root, as the README says, then the
 * app's API, its migrations endpoint and the CLI in its image. Runs only where a Docker
 * engine answers ({@code docker info}); {@link DockerComposeFileTests} and
 * {@link DockerImageCliIT} check the same files and the same command without one.
 */
@EnabledIf("dockerEngineAnswers")
class DockerComposeIT {

	private static final String PROJECT = "migrations-compose-it";

	@BeforeAll
	static void composeUp() throws Exception {
		Result up = compose(Duration.ofMinutes(15), "up", "--build", "--detach", "--wait");
		assertThat(up.code()).as(up.output()).isZero();
	}

	@AfterAll
	static void composeDown() throws Exception {
		compose(Duration.ofMinutes(2), "down", "--volumes");
	}

	@Test
	void appMigratesThePostgresServiceOnStartup() {
		HttpClient http = HttpClient.newHttpClient();
		Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			HttpResponse<String> migrations = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:8080/actuator/migrations")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(migrations.statusCode()).isEqualTo(200);
			assertThat(migrations.body()).contains("\"state\":\"UP_TO_DATE\"");
		});
	}

	@Test
	void migrationsCurrentRunsInTheAppContainer() throws Exception {
		Result current = compose(Duration.ofMinutes(2), "exec", "-T", "app", "migrations", "current");
		assertThat(current.code()).as(current.output()).isZero();
		assertThat(current.output()).contains("0006");
	}

	static boolean dockerEngineAnswers() {
		try {
			return run(Duration.ofSeconds(30), List.of("docker", "info")).code() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static Result compose(Duration timeout, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of("docker", "compose", "--project-name", PROJECT, "--file", DockerFiles.COMPOSE_FILE.toString()));
		command.addAll(List.of(args));
		return run(timeout, command);
	}

	private static Result run(Duration timeout, List<String> command) throws IOException, InterruptedException {
		Path output = Files.createTempFile("docker-compose-it", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(DockerFiles.ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, "'%s' did not finish within %s:%n%s".formatted(String.join(" ", command), timeout,
						Files.readString(output)));
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	private record Result(int code, String output) {

	}

}
