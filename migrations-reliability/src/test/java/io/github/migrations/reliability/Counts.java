package io.github.migrations.reliability;

/**
 * The sizes of the suite's runs, from system properties that the module's pom sets (and
 * {@code -Preliability-heavy} raises); the defaults let a test run from an IDE.
 */
final class Counts {

	private Counts() {
	}

	static int threads() {
		return integer("reliability.threads", 16);
	}

	static int processes() {
		return integer("reliability.processes", 4);
	}

	static int revisions() {
		return integer("reliability.revisions", 50);
	}

	static int crashRuns() {
		return integer("reliability.crash-runs", 24);
	}

	static int rows() {
		return integer("reliability.rows", 1_000_000);
	}

	static int sqlMegabytes() {
		return integer("reliability.sql-megabytes", 5);
	}

	static long seed() {
		return Long.parseLong(System.getProperty("reliability.seed", "7").strip());
	}

	private static int integer(String name, int fallback) {
		String value = System.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.strip());
	}

}
