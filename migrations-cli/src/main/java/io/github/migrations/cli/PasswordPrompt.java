package io.github.migrations.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The password that {@code --password} without a value asks for, once a command needs it:
 * on the terminal without echo when there is one, else the first line of standard input,
 * so that a pipeline can give it. The prompt never goes to standard output, where results
 * and JSON go; with nothing to read, the command stops and says how else to give the
 * password.
 */
final class PasswordPrompt {

	private static final String PROMPT = "Database password: ";

	private final @Nullable Console console;

	private final InputStream in;

	private final PrintStream err;

	private @Nullable String answer;

	/**
	 * @param console the terminal, or {@code null} when there is none
	 * @param in standard input, read when there is no terminal
	 * @param err where the prompt goes when there is no terminal
	 */
	PasswordPrompt(@Nullable Console console, InputStream in, PrintStream err) {
		this.console = console;
		this.in = in;
		this.err = err;
	}

	/**
	 * The password, asked for the first time only.
	 */
	String password() {
		if (this.answer == null) {
			this.answer = read();
		}
		return this.answer;
	}

	private String read() {
		if (this.console != null) {
			char[] typed = this.console.readPassword(PROMPT);
			if (typed != null) {
				return new String(typed);
			}
		}
		else {
			this.err.print(PROMPT);
			this.err.flush();
			String line = firstLine();
			this.err.println();
			if (line != null) {
				return line;
			}
		}
		throw new CliException(
				"--password was given without a value, and there is no terminal to ask for it on and nothing on "
						+ "standard input.",
				"Set DATABASE_PASSWORD, pipe the password into the command, or give it as --password=PASSWORD.");
	}

	private @Nullable String firstLine() {
		try {
			return new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
