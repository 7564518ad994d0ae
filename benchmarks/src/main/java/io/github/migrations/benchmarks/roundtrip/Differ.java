package io.github.migrations.benchmarks.roundtrip;

/**
 * A tool under test: reads two databases of the same server and writes the SQL that turns
 * the first one's schema into the second one's. The harness applies that SQL with
 * {@code psql}, the same way for every tool.
 */
interface Differ extends AutoCloseable {

	/**
	 * The name in the report: {@code ours}, {@code migra}, {@code liquibase}.
	 */
	String name();

	/**
	 * The script that turns {@code from}'s schema into {@code to}'s, empty when the tool
	 * sees no difference.
	 * @throws Exception when the tool itself fails; the harness records the message
	 */
	String diff(String from, String to) throws Exception;

	/**
	 * Whether a script this tool wrote means "no difference": by default, no statement in
	 * it.
	 */
	default boolean isEmpty(String script) {
		return isEmptyScript(script);
	}

	@Override
	default void close() throws Exception {
	}

	/**
	 * Whether a script holds no statement: only blank lines and {@code --} comments.
	 */
	static boolean isEmptyScript(String sql) {
		for (String line : sql.split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("--")) {
				return false;
			}
		}
		return true;
	}

}
