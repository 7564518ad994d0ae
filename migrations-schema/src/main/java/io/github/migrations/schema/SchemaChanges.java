package io.github.migrations.schema;

import java.util.List;

/**
 * The result of {@link SchemaDiffer#diff}: the statements that turn one schema into
 * another, in an order that honours dependencies, and what differs but cannot be
 * expressed as SQL by the differ.
 *
 * @param changes the statements, in the order they must run
 * @param unsupported differences the statements do not cover, each a sentence naming the
 * object and what to do (they appear as comments in {@link #script()})
 */
public record SchemaChanges(List<Change> changes, List<String> unsupported) {

	public SchemaChanges {
		changes = List.copyOf(changes);
		unsupported = List.copyOf(unsupported);
	}

	/**
	 * Whether the two schemas are equal: no statement and nothing left unexpressed.
	 */
	public boolean isEmpty() {
		return this.changes.isEmpty() && this.unsupported.isEmpty();
	}

	/**
	 * Whether every statement may run inside one transaction.
	 */
	public boolean isTransactional() {
		return this.changes.stream().allMatch(Change::transactional);
	}

	/**
	 * Whether any statement may lose data.
	 */
	public boolean isDestructive() {
		return this.changes.stream().anyMatch(Change::isDestructive);
	}

	/**
	 * The statements as a script that {@code psql -v ON_ERROR_STOP=1} runs: each ends
	 * with a semicolon, a {@code -- REVIEW:} comment stands above every destructive or
	 * guessed step, and each difference the statements do not cover is a
	 * {@code -- UNSUPPORTED:} comment at the top. Empty when {@link #isEmpty()}.
	 */
	public String script() {
		StringBuilder script = new StringBuilder();
		for (String note : this.unsupported) {
			script.append("-- UNSUPPORTED: ").append(oneLine(note)).append('\n');
		}
		if (!this.unsupported.isEmpty() && !this.changes.isEmpty()) {
			script.append('\n');
		}
		for (Change change : this.changes) {
			for (String note : change.reviewNotes()) {
				script.append("-- REVIEW: ").append(oneLine(note)).append('\n');
			}
			if (!change.transactional()) {
				script.append("-- cannot run inside a transaction block\n");
			}
			script.append(change.sql().strip()).append(";\n");
			if (change.sql().indexOf('\n') >= 0) {
				script.append('\n');
			}
		}
		return script.toString();
	}

	/**
	 * A note as the rest of one comment line: an object's name may hold a line break
	 * ({@code CREATE TABLE "x<newline>DROP TABLE y;--"}), after which psql would run the
	 * rest of the note as a statement.
	 */
	private static String oneLine(String note) {
		return note.replaceAll("[\\r\\n]+", " ");
	}

	@Override
	public String toString() {
		return script();
	}

}
