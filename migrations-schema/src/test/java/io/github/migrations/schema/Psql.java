package io.github.migrations.schema;

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
 * Runs a diff's script with the {@code psql} client, as a reviewer would
 * ({@code psql -v ON_ERROR_STOP=1 -f}).
 */
final class Psql {

	private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/([^?]+).*");

	private Psql() {
	}

	static void runOrFail(TestDatabase.Database database, String script) {
		try {
			Path file = Files.createTempFile("schema-diff-", ".sql");
			try {
				Files.writeString(file, script);
				Matcher url = JDBC_URL.matcher(database.url());
				assertThat(url.matches()).as(database.url()).isTrue();
				ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h",
						url.group(1), "-p", url.group(2), "-U", database.username(), "-d", url.group(3), "-f",
						file.toString())
					.redirectErrorStream(true);
				builder.environment().put("PGPASSWORD", database.password());
				Process process = builder.start();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
				assertThat(process.exitValue()).as("psql on the script:%n%s%noutput:%n%s", script, output).isZero();
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run psql on the diff's script", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
