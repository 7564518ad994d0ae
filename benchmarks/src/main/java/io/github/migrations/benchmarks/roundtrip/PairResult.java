package io.github.migrations.benchmarks.roundtrip;

import java.util.List;
import java.util.Set;

/**
 * What one tool did with one consecutive pair of states (i-1, i) of a history.
 *
 * @param history the history's name
 * @param index i, the position of the later state (1 is the first migration)
 * @param from the migration that produced state i-1 ({@code (empty)} for the start)
 * @param to the migration that produced state i
 * @param tool the differ's name
 * @param forward diff i-1 → i applied to a copy of i-1, judged against i
 * @param idempotent whether a second diff, after the forward one was applied, is empty
 * (null when the tool failed)
 * @param again the second diff's script (or the tool's failure), null when not run
 * @param backward the reverse diff, to i-1, applied to the same copy after the forward
 * script, judged against i-1
 * @param millis the time spent in the tool's three diffs
 * @param unsupported the kinds of change in the pair that no statement can make (the same
 * for every tool; see {@link Catalog#unsupportedKinds})
 */
record PairResult(String history, int index, String from, String to, String tool, Direction forward, Boolean idempotent,
		String again, Direction backward, long millis, Set<String> unsupported) {

	boolean exact() {
		return this.forward.exact() && this.backward.exact() && Boolean.TRUE.equals(this.idempotent);
	}

	/**
	 * Whether every change in the pair is one a differ can make.
	 */
	boolean onlySupportedKinds() {
		return this.unsupported.isEmpty();
	}

	/**
	 * One direction of a pair.
	 *
	 * @param script what the tool wrote
	 * @param toolError the tool's own failure, or null
	 * @param applyError psql's error when the script failed, or null
	 * @param differences the catalog entries that differ from the wanted state
	 * @param dumpEqual whether {@code pg_dump --schema-only} matched, null when not
	 * compared
	 * @param dumpDifference the first differing line of the dumps, or null
	 */
	record Direction(String script, String toolError, String applyError, List<Catalog.Difference> differences,
			Boolean dumpEqual, String dumpDifference) {

		boolean exact() {
			return this.toolError == null && this.applyError == null && this.differences.isEmpty()
					&& !Boolean.FALSE.equals(this.dumpEqual);
		}

		boolean catalogEqual() {
			return this.toolError == null && this.differences.isEmpty();
		}

	}

}
