package io.github.migrations.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
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

	/**
	 * The longest line read as a password: cloud access tokens used as passwords are a
	 * few thousand characters; a longer line is not a password (a file piped by mistake,
	 * an endless stream), and is not held in memory.
	 */
	static final int MAX_LENGTH = 65_536;

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
			// a terminal without a console: standard output is redirected
			TerminalEcho echo = (this.in == System.in) ? TerminalEcho.off() : null;
			this.err.print(PROMPT);
			this.err.flush();
			String line;
			try {
				line = firstLine();
			}
			finally {
				if (echo != null) {
					echo.restore();
				}
				this.err.println();
			}
			if (line != null) {
				return line;
			}
		}
		throw new CliException(
				"--password was given without a value, and there is no terminal to ask for it on and nothing on "
						+ "standard input.",
				"Set DATABASE_PASSWORD, pipe the password into the command, or give it as --password=PASSWORD.");
	}

	/**
	 * The first line of standard input without its line break, {@code null} when there is
	 * none.
	 * @throws CliException when the line is longer than {@link #MAX_LENGTH}
	 */
	private @Nullable String firstLine() {
		try {
			Reader reader = new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8));
			StringBuilder line = new StringBuilder();
			int read = reader.read();
			if (read < 0) {
				return null;
			}
			while (read >= 0 && read != '\n') {
				if (line.length() == MAX_LENGTH) {
					throw new CliException(
							"--password was given without a value, and the first line of standard input is longer "
									+ "than %,d characters: it is not read as a password.".formatted(MAX_LENGTH),
							"Pipe only the password, ending with a newline (for example "
									+ "'printenv DB_PASSWORD | migrations --password ...'), or set DATABASE_PASSWORD.");
				}
				line.append((char) read);
				read = reader.read();
			}
			int end = line.length();
			return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
		}
		catch (IOException ex) {
			return null;
		}
	}

}
