package io.github.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The echo of the terminal on standard input, turned off with {@code stty} while a
 * password is typed there when Java has no console for it: before Java 22 there is none
 * once standard output is redirected
 * ({@code migrations --password current --json > out}), and the password would show as it
 * is typed. Standard input that is not a terminal (a pipe) is left alone, as is a system
 * without {@code stty}.
 */
final class TerminalEcho {

	private final @Nullable String saved;

	private final @Nullable Thread restoreAtExit;

	private TerminalEcho(@Nullable String saved) {
		this.saved = saved;
		this.restoreAtExit = (saved != null) ? new Thread(() -> stty(saved), "migrations-terminal-echo") : null;
		if (this.restoreAtExit != null) {
			// Ctrl-C at the prompt leaves the terminal as it was
			Runtime.getRuntime().addShutdownHook(this.restoreAtExit);
		}
	}

	/**
	 * Turns the echo off, when standard input is a terminal.
	 */
	static TerminalEcho off() {
		String saved = stty("-g");
		return new TerminalEcho((saved != null && stty("-echo") != null) ? saved : null);
	}

	/**
	 * Puts the terminal back as it was.
	 */
	void restore() {
		if (this.saved != null && this.restoreAtExit != null) {
			stty(this.saved);
			try {
				Runtime.getRuntime().removeShutdownHook(this.restoreAtExit);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook restores it
			}
		}
	}

	/**
	 * {@code stty} on standard input: its output, or {@code null} when it failed (not a
	 * terminal, no {@code stty}).
	 */
	private static @Nullable String stty(String argument) {
		try {
			Process stty = new ProcessBuilder("stty", argument).redirectInput(ProcessBuilder.Redirect.INHERIT)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (stty.waitFor() == 0) ? output : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
