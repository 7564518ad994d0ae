package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One statement of a diff.
 *
 * @param object the key of the object it changes: its kind, a space, its qualified name
 * ({@code table public.orders}, {@code column public.orders.note},
 * {@code default public.orders.note}, {@code owner public.orders_id_seq} for a sequence's
 * {@code OWNED BY}, {@code session} for a session setting); the first word is the kind
 * @param sql the statement, without the final semicolon
 * @param destructive why the statement may lose data (drops a table or a column that may
 * hold rows, narrows a type, removes enum values), or {@code null} when it cannot
 * @param review a note for the reviewer, such as a rename guess
 * ({@code rename of public.a to public.b?}), or {@code null}
 * @param transactional whether it may run inside a transaction block ({@code false} for
 * {@code CREATE INDEX CONCURRENTLY})
 */
public record Change(String object, String sql, @Nullable String destructive, @Nullable String review,
		boolean transactional) {

	static Change of(String object, String sql) {
		return new Change(object, sql, null, null, true);
	}

	static Change destructive(String object, String sql, String reason) {
		return new Change(object, sql, reason, null, true);
	}

	/**
	 * Whether the statement may lose data.
	 */
	public boolean isDestructive() {
		return this.destructive != null;
	}

	/**
	 * What the reviewer should look at before running it, as the script's
	 * {@code -- REVIEW:} lines above it say: why it may lose data, then the review note;
	 * empty when neither.
	 */
	public List<String> reviewNotes() {
		List<String> notes = new ArrayList<>(2);
		if (this.destructive != null) {
			notes.add(this.destructive);
		}
		if (this.review != null) {
			notes.add(this.review);
		}
		return List.copyOf(notes);
	}

	Change withReview(String note) {
		String notes = (this.review != null) ? this.review + "; " + note : note;
		return new Change(this.object, this.sql, this.destructive, notes, this.transactional);
	}

	Change nonTransactional() {
		return new Change(this.object, this.sql, this.destructive, this.review, false);
	}

}
