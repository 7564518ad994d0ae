package io.github.migrations.reliability;

/**
 * What one CLI run printed and returned.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error: {@code error:} and {@code hint:} lines, progress
 * @param log what the engine logged while it ran (warnings in-process; every level in a
 * child process started with debug logging)
 */
record CliResult(int code, String out, String err, String log) {

	/**
	 * Everything the run printed, for searching.
	 */
	String all() {
		return this.out + "\n" + this.err + "\n" + this.log;
	}

	@Override
	public String toString() {
		return "exit " + this.code + "\n--- out:\n" + this.out + "--- err:\n" + this.err + "--- log:\n" + this.log;
	}

}
