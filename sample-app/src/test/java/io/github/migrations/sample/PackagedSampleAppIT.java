package io.github.migrations.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.migrations.test.database.TestDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The README's first command: the packaged application started with
 * {@code java -jar sample-app/target/sample-app-<version>.jar --spring.profiles.active=dev},
 * here on a test database given as {@code spring.datasource.*}. Its revisions sit in the
 * executable jar's {@code BOOT-INF/classes}, which the class path reaches through Spring
 * Boot's nested jar URLs; every other test of the app runs from {@code target/classes}.
 */
class PackagedSampleAppIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@TempDir
	Path folder;

	private Process app;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.app != null) {
			this.app.destroy();
			if (!this.app.waitFor(30, TimeUnit.SECONDS)) {
				this.app.destroyForcibly().waitFor();
			}
		}
	}

	@Test
	void theReadmesFirstCommandMigratesOnStartAndASecondStartChangesNothing() throws Exception {
		int port = start("first.log");
		assertThat(get(port, "/actuator/migrations")).contains("\"state\":\"UP_TO_DATE\"")
			.contains("\"current\":[\"0006\"]")
			.contains("\"pending\":[]");
		assertThat(get(port, "/api/tenants/acme/invoices")).contains("\"vendorName\"");
		assertThat(log("first.log")).contains("Upgraded from base to '0006' (6 revisions)");
		stop();
		List<String> logRows = this.database.query("SELECT count(*) FROM migrations_log");
		List<String> checkRecord = this.database
			.query("SELECT fingerprint || ' ' || checked_at FROM " + "migrations_fingerprint");

		port = start("second.log");
		assertThat(get(port, "/actuator/migrations")).contains("\"state\":\"UP_TO_DATE\"");
		assertThat(log("second.log")).contains("Database is up to date at '0006'");
		assertThat(this.database.query("SELECT count(*) FROM migrations_log")).isEqualTo(logRows);
		assertThat(this.database.query("SELECT fingerprint || ' ' || checked_at FROM migrations_fingerprint"))
			.as("the record of the first start's check, which only a start that reads every file writes again")
			.isEqualTo(checkRecord);
	}

	/**
	 * Starts the packaged app and waits until its endpoint answers; returns its port.
	 */
	private int start(String logName) throws IOException, InterruptedException {
		Path jar = Path.of(System.getProperty("sample.jar"));
		assertThat(jar).as("the packaged app (./mvnw package builds it before this test)").exists();
		int port = freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--spring.profiles.active=dev",
				"--server.port=" + port, "--spring.datasource.url=" + this.database.url(),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password());
		builder.environment().remove("DATABASE_URL");
		builder.redirectErrorStream(true).redirectOutput(this.folder.resolve(logName).toFile());
		this.app = builder.start();
		try {
			await("the packaged app to answer on port " + port).atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(200))
				.failFast("the app exited before it was ready", () -> !this.app.isAlive())
				.until(() -> answers(port));
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			fail("%s:%n%s", ex.getMessage(), log(logName));
		}
		return port;
	}

	private static boolean answers(int port) throws InterruptedException {
		try {
			get(port, "/actuator/migrations");
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private String log(String name) throws IOException {
		return Files.readString(this.folder.resolve(name));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
