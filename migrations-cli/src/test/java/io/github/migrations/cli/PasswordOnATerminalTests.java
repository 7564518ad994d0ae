package io.github.migrations.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --password} without a value typed on a real terminal (a pseudo-terminal that
 * {@code script} makes), as an operator types it.
 */
class PasswordOnATerminalTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.onFreshDatabase();

	@TempDir
	Path folder;

	@Test
	void aPasswordTypedWhileStandardOutputIsRedirectedIsNotEchoed() throws Exception {
		Path script = Path.of("/usr/bin/script");
		assertThat(script).as("util-linux script (Debian's essential bsdutils), to make a terminal").isExecutable();
		String password = this.cli.environment().remove("DATABASE_PASSWORD");
		Path json = this.folder.resolve("current.json");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String command = "'%s' -cp '%s' %s --locations '%s' --password current --json > '%s'".formatted(java,
				System.getProperty("java.class.path"), MigrationsCli.class.getName(), this.cli.revisions(), json);
		ProcessBuilder builder = new ProcessBuilder(script.toString(), "-qfec", command, "/dev/null")
			.redirectErrorStream(true);
		builder.environment().putAll(this.cli.environment());
		Process process = builder.start();
		try {
			InputStream terminal = process.getInputStream();
			StringBuilder shown = new StringBuilder();
			while (!shown.toString().contains("Database password: ")) {
				int read = terminal.read();
				assertThat(read).as("the prompt, in: " + shown).isNotNegative();
				shown.append((char) read);
			}
			OutputStream keyboard = process.getOutputStream();
			keyboard.write((password + "\n").getBytes(StandardCharsets.UTF_8));
			keyboard.flush();
			shown.append(new String(terminal.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(shown.toString()).isZero();
			assertThat(shown.toString()).doesNotContain(password);
			assertThat(Files.readString(json)).isEqualTo("{\"current\":[],\"interrupted\":[],\"running\":[]}\n");
		}
		finally {
			process.destroyForcibly();
		}
	}

}
