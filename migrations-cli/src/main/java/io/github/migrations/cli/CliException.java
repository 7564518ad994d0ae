package io.github.migrations.cli;

/**
 * A usage or configuration problem of the command line (exit code 2), with what to do
 * about it.
 */
final class CliException extends RuntimeException {

	private final String hint;

	CliException(String message, String hint) {
		super(message);
		this.hint = hint;
	}

	String hint() {
		return this.hint;
	}

}
