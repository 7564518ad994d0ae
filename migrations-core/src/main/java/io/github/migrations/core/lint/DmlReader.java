package io.github.migrations.core.lint;

import java.util.List;

import io.github.migrations.core.lint.Shape.Verb;
import io.github.migrations.core.script.SqlTokens.Kind;
import io.github.migrations.core.script.SqlTokens.Token;

/**
 * Reads the statements that write rows ({@code UPDATE}, {@code DELETE},
 * {@code INSERT INTO}, {@code MERGE INTO}, {@code COPY ... FROM}), after a {@code WITH}
 * clause if any: the verb, the table written and, for {@code UPDATE} and {@code DELETE},
 * whether the rows are bounded.
 */
final class DmlReader {

	private DmlReader() {
	}

	/**
	 * Whether the statement at the cursor is one this reader reads.
	 */
	static boolean starts(Cursor c) {
		return c.is("with") || c.is("update") || c.is("delete") || c.is("insert") || c.is("merge") || c.is("copy");
	}

	static void read(Cursor c, Shape shape) {
		if (c.accept("with")) {
			with(c, shape);
		}
		if (c.is("update") || c.is("delete")) {
			updateOrDelete(c, shape);
		}
		else if (c.accept("insert", "into")) {
			shape.verb = Verb.INSERT;
			shape.table = c.name();
		}
		else if (c.accept("merge", "into")) {
			shape.verb = Verb.MERGE;
			c.accept("only");
			shape.table = c.name();
		}
		else if (c.accept("copy")) {
			copy(c, shape);
		}
	}

	/**
	 * Steps over the common table expressions, noting the tables that data-modifying ones
	 * write.
	 */
	private static void with(Cursor c, Shape shape) {
		c.accept("recursive");
		do {
			c.name();
			c.group();
			c.accept("as");
			c.accept("not");
			c.accept("materialized");
			Shape inner = new Shape(shape.statement);
			Cursor body = c.group();
			// a batch: the rows to change are picked with a LIMIT in the WITH clause
			shape.bounded |= body.contains("limit");
			read(body, inner);
			if (!inner.table.isEmpty() && inner.verb != Verb.OTHER) {
				shape.written.add(inner.table);
			}
			shape.written.addAll(inner.written);
		}
		while (c.acceptSymbol(","));
	}

	/**
	 * {@code UPDATE} or {@code DELETE}: bounded when it has a {@code LIMIT} (a batch) or
	 * its {@code WHERE} names rows by literal value ({@code id = 42},
	 * {@code id IN (1, 2)}).
	 */
	private static void updateOrDelete(Cursor c, Shape shape) {
		shape.verb = c.accept("update") ? Verb.UPDATE : Verb.DELETE;
		if (shape.verb == Verb.DELETE) {
			c.accept("delete");
			c.accept("from");
		}
		c.accept("only");
		shape.table = c.name();
		List<Token> rest = c.rest();
		boolean where = false;
		for (int i = 0; i < rest.size(); i++) {
			Token token = rest.get(i);
			where |= token.is("where");
			if (token.is("limit")) {
				shape.bounded = true;
			}
			if (where && i + 1 < rest.size() && (token.isSymbol("=") || token.is("in"))) {
				Token next = rest.get(i + 1);
				Token after = (i + 2 < rest.size()) ? rest.get(i + 2) : next;
				boolean literal = next.kind() == Kind.NUMBER || next.kind() == Kind.STRING
						|| (next.isSymbol("(") && (after.kind() == Kind.NUMBER || after.kind() == Kind.STRING));
				shape.bounded |= literal && (i == 0 || isKeyColumn(rest.get(i - 1)));
			}
		}
	}

	private static boolean isKeyColumn(Token column) {
		return column.isName() && (column.text().equals("id") || column.text().endsWith("_id"));
	}

	/**
	 * {@code COPY table [(columns)] FROM ...} writes the table; {@code COPY ... TO} only
	 * reads it.
	 */
	private static void copy(Cursor c, Shape shape) {
		String table = c.name();
		c.group();
		if (!table.isEmpty() && c.accept("from")) {
			shape.verb = Verb.INSERT;
			shape.table = table;
		}
	}

}
