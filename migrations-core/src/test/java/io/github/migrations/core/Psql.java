package io.github.migrations.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.test.database.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a script with the {@code psql} client, as a reviewer would
 * ({@code psql -v ON_ERROR_STOP=1 -f}).
 */
final class Psql {

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/([^?]+).*");

	private Psql() {
	}

	/**
	 * Runs the script on the database and returns psql's exit code and output.
	 */
	static Result run(TestDatabase.Database database, String script, Path folder)
			throws IOException, InterruptedException {
		Path file = Files.createTempFile(folder, "review-", ".sql");
		Files.writeString(file, script);
		Matcher url = JDBC_URL.matcher(database.url());
		assertThat(url.matches()).as(database.url()).isTrue();
		ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", url.group(1),
				"-p", url.group(2), "-U", database.username(), "-d", url.group(3), "-f", file.toString())
			.redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", database.password());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	/**
	 * Runs the script and fails the test if psql stops on an error.
	 */
	static void runOrFail(TestDatabase.Database database, String script, Path folder)
			throws IOException, InterruptedException {
		Result result = run(database, script, folder);
		assertThat(result.code()).as("psql on the script:%n%s%noutput:%n%s", script, result.output()).isZero();
	}

	record Result(int code, String output) {

	}

}
