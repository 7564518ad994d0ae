package io.github.migrations.benchmarks;

import java.util.function.Function;

/**
 * What the benchmark commands share in reading their command lines.
 */
final class Arguments {

	private Arguments() {
	}

	/**
	 * The options the arguments give; after a mistake the process prints the error and
	 * the usage, and ends with exit code 2.
	 * @param parse reads the arguments, throwing {@link IllegalArgumentException} on a
	 * mistake
	 */
	static <T> T parseOrExit(String[] args, Function<String[], T> parse, String usage) {
		try {
			return parse.apply(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("error: " + ex.getMessage());
			System.err.print(usage);
			System.exit(2);
			throw ex;
		}
	}

	/**
	 * The value that follows an option.
	 * @throws IllegalArgumentException when there is none
	 */
	static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

}
