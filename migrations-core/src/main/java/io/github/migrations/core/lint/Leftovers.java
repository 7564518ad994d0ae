package io.github.migrations.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * What a statement that runs outside a transaction leaves behind when it stops halfway
 * (it fails, its session is terminated, the process is killed), for the operator who must
 * undo or finish an interrupted {@code transactional: false} revision: a
 * {@code CREATE INDEX CONCURRENTLY} leaves its index {@code INVALID}, still slowing every
 * write to the table and refusing the name to a rerun; a {@code REINDEX ... CONCURRENTLY}
 * leaves {@code INVALID} copies named {@code <index>_ccnew} (or {@code _ccold}). Reads
 * the statement only, never the database: what it names may or may not be there.
 */
public final class Leftovers {

	/** A name PostgreSQL takes as written, without quotes. */
	private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

	private static final String LIST_INVALID = "SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid "
			+ "lists the invalid indexes";

	private Leftovers() {
	}

	/**
	 * What the statements may have left, one sentence each, in the order of the
	 * statements, each with its {@code file:line}; empty when none of them leaves
	 * anything when it stops halfway.
	 * @param source the file, as errors name it
	 */
	public static List<String> of(String source, List<SqlStatement> statements) {
		List<String> leftovers = new ArrayList<>();
		for (SqlStatement statement : statements) {
			Leftover leftover = of(source, statement);
			if (leftover != null) {
				leftovers.add(leftover.description());
			}
		}
		return leftovers;
	}

	/**
	 * What the statement may have left when it stopped halfway; {@code null} when it
	 * leaves nothing.
	 */
	public static @Nullable Leftover of(String source, SqlStatement statement) {
		Shape shape = ShapeReader.read(statement);
		if (!shape.concurrently) {
			return null;
		}
		String where = source + ":" + statement.line();
		if (shape.verb == Shape.Verb.CREATE_INDEX) {
			if (shape.index.isEmpty()) {
				return new Leftover(null, ("%s: a CREATE INDEX CONCURRENTLY that stops halfway leaves its index on %s "
						+ "INVALID (named by the server); to undo it, drop that index with DROP INDEX CONCURRENTLY (%s).")
					.formatted(where, shape.table, LIST_INVALID));
			}
			String index = quoted(shape.index);
			return new Leftover(index, ("%s: a CREATE INDEX CONCURRENTLY that stops halfway leaves index %s INVALID; "
					+ "to undo it, run DROP INDEX CONCURRENTLY IF EXISTS %s; to finish it, REINDEX INDEX CONCURRENTLY %s "
					+ "(%s).")
				.formatted(where, index, index, index, LIST_INVALID));
		}
		if (shape.verb == Shape.Verb.REINDEX) {
			String what = !shape.index.isEmpty() ? "index " + quoted(shape.index)
					: (!shape.table.isEmpty() ? "the indexes of " + quoted(shape.table) : "the indexes");
			return new Leftover(null, ("%s: a REINDEX CONCURRENTLY that stops halfway leaves INVALID copies of %s, "
					+ "named <index>_ccnew (or _ccold); drop them with DROP INDEX CONCURRENTLY, whether you undo or "
					+ "finish it (%s).")
				.formatted(where, what, LIST_INVALID));
		}
		return null;
	}

	/**
	 * What a statement may leave behind.
	 *
	 * @param index the index it leaves INVALID, written as PostgreSQL reads it (for
	 * {@code to_regclass}), or {@code null} when the server names what it leaves
	 * @param description one sentence with the statement's {@code file:line}, what it
	 * leaves, and the statements that undo or finish it
	 */
	public record Leftover(@Nullable String index, String description) {

	}

	/**
	 * A name as the statement wrote it (the lexer's text: unquoted, folded), written so
	 * that PostgreSQL reads it back the same.
	 */
	private static String quoted(String name) {
		List<String> parts = new ArrayList<>();
		for (String part : name.split("\\.", -1)) {
			parts.add(PLAIN.matcher(part).matches() ? part : "\"" + part.replace("\"", "\"\"") + "\"");
		}
		return String.join(".", parts);
	}

}
