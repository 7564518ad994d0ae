package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.schema.Table.Column;
import io.github.migrations.schema.Table.IdentitySequence;
import org.jspecify.annotations.Nullable;

/**
 * An identity column's generation and sequence options, as SQL: written in full (but for
 * the defaults of the column's type) where the sequence is made, and changed in place
 * ({@code SET GENERATED}, {@code SET INCREMENT BY}, ...) on an existing column, where
 * {@code START WITH} is left as it is: it only says where a {@code RESTART} without a
 * value goes back to, and moving it neither changes the next value nor is safe to follow
 * with a {@code RESTART} on a table that holds rows.
 */
final class IdentityOptions {

	private IdentityOptions() {
	}

	/**
	 * {@code GENERATED ... AS IDENTITY}, with the sequence options that differ from the
	 * defaults ({@code (START WITH 1000 INCREMENT BY 5)}).
	 */
	static String clause(Column column) {
		String clause = "GENERATED " + column.identity() + " AS IDENTITY";
		IdentitySequence sequence = column.identitySequence();
		if (sequence == null) {
			return clause;
		}
		List<String> options = new ArrayList<>();
		long[] range = range(column.type());
		boolean ascending = sequence.increment() > 0;
		if (sequence.start() != (ascending ? sequence.minValue() : sequence.maxValue())) {
			options.add("START WITH " + sequence.start());
		}
		if (sequence.increment() != 1) {
			options.add("INCREMENT BY " + sequence.increment());
		}
		if (range == null || sequence.minValue() != (ascending ? 1 : range[0])) {
			options.add("MINVALUE " + sequence.minValue());
		}
		if (range == null || sequence.maxValue() != (ascending ? range[1] : -1)) {
			options.add("MAXVALUE " + sequence.maxValue());
		}
		if (sequence.cache() != 1) {
			options.add("CACHE " + sequence.cache());
		}
		if (sequence.cycle()) {
			options.add("CYCLE");
		}
		return options.isEmpty() ? clause : clause + " (" + String.join(" ", options) + ")";
	}

	/**
	 * What {@code ALTER COLUMN} changes of an identity that both columns have
	 * ({@code SET GENERATED ALWAYS}, {@code SET INCREMENT BY 5}, ...); empty when nothing
	 * but {@code START WITH} differs. {@code START WITH} is set only where the new bounds
	 * leave it out of range, which PostgreSQL refuses.
	 */
	static List<String> changes(Column before, Column after) {
		List<String> actions = new ArrayList<>();
		if (!before.identity().equals(after.identity())) {
			actions.add("SET GENERATED " + after.identity());
		}
		IdentitySequence b = before.identitySequence();
		IdentitySequence a = after.identitySequence();
		if (b == null || a == null) {
			return actions;
		}
		if (b.increment() != a.increment()) {
			actions.add("SET INCREMENT BY " + a.increment());
		}
		if (b.minValue() != a.minValue()) {
			actions.add("SET MINVALUE " + a.minValue());
		}
		if (b.maxValue() != a.maxValue()) {
			actions.add("SET MAXVALUE " + a.maxValue());
		}
		if (b.start() < a.minValue() || b.start() > a.maxValue()) {
			actions.add("SET START WITH " + a.start());
		}
		if (b.cache() != a.cache()) {
			actions.add("SET CACHE " + a.cache());
		}
		if (b.cycle() != a.cycle()) {
			actions.add(a.cycle() ? "SET CYCLE" : "SET NO CYCLE");
		}
		return actions;
	}

	/**
	 * Why changing the options of an identity that both columns have needs a review (its
	 * bounds narrow: PostgreSQL refuses them when the sequence's current value lies
	 * outside), or {@code null}.
	 * @param column the column's table and name, for the note
	 */
	static @Nullable String narrowing(String column, Column before, Column after) {
		IdentitySequence b = before.identitySequence();
		IdentitySequence a = after.identitySequence();
		if (b == null || a == null || (a.minValue() <= b.minValue() && a.maxValue() >= b.maxValue())) {
			return null;
		}
		return ("narrows the sequence of identity column %s to %d..%d, which fails if its current value lies outside; "
				+ "then move it with ALTER COLUMN ... RESTART WITH a value no row holds")
			.formatted(column, a.minValue(), a.maxValue());
	}

	/**
	 * The values of an integer type, or {@code null} for another type.
	 */
	private static long @Nullable [] range(String type) {
		return switch (type) {
			case "smallint" -> new long[] { Short.MIN_VALUE, Short.MAX_VALUE };
			case "integer" -> new long[] { Integer.MIN_VALUE, Integer.MAX_VALUE };
			case "bigint" -> new long[] { Long.MIN_VALUE, Long.MAX_VALUE };
			default -> null;
		};
	}

}
