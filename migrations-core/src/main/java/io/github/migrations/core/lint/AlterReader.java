package io.github.migrations.core.lint;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.github.migrations.core.script.SqlTokens.Token;
import org.jspecify.annotations.Nullable;

/**
 * Reads the actions of an {@code ALTER TABLE}, after {@code ALTER TABLE}.
 */
final class AlterReader {

	private AlterReader() {
	}

	static void read(Cursor c, Shape shape) {
		c.accept("if", "exists");
		c.accept("only");
		shape.table = c.name();
		c.acceptSymbol("*");
		if (c.is("rename")) {
			int offset = c.next().offset();
			shape.actions.add(rename(c, shape.table, offset));
			return;
		}
		for (Cursor part : c.split()) {
			Action action = action(part, shape);
			shape.actions.add(action);
			if (action instanceof Action.AddConstraint constraint && constraint.references() != null) {
				shape.references.add(constraint.references());
			}
		}
	}

	private static Action rename(Cursor c, String table, int offset) {
		if (c.accept("to")) {
			return new Action.Rename("TABLE", table, c.name(), offset);
		}
		String what = c.accept("constraint") ? "CONSTRAINT" : "COLUMN";
		c.accept("column");
		String from = c.name();
		c.accept("to");
		return new Action.Rename(what, from, c.name(), offset);
	}

	private static Action action(Cursor c, Shape shape) {
		int offset = c.peek().offset();
		if (c.accept("add")) {
			if (isConstraint(c)) {
				return constraint(c, offset);
			}
			c.accept("column");
			c.accept("if", "not", "exists");
			ColumnDef column = ColumnReader.column(c);
			if (column != null && column.references() != null) {
				shape.references.add(column.references());
			}
			return (column != null) ? new Action.AddColumn(column)
					: new Action.Other("ADD", Lock.ACCESS_EXCLUSIVE, offset);
		}
		if (c.accept("drop")) {
			if (c.accept("constraint")) {
				return new Action.Other("DROP CONSTRAINT", Lock.ACCESS_EXCLUSIVE, offset);
			}
			c.accept("column");
			c.accept("if", "exists");
			return new Action.DropColumn(c.name(), offset);
		}
		if (c.accept("alter")) {
			c.accept("column");
			int column = c.peek().offset();
			return alterColumn(c, c.name(), column);
		}
		if (c.accept("validate", "constraint")) {
			return new Action.ValidateConstraint(c.name(), offset);
		}
		if (c.is("enable") || c.is("disable")) {
			return (c.is("enable", "trigger") || c.is("disable", "trigger"))
					? new Action.Other("TRIGGER", Lock.SHARE_ROW_EXCLUSIVE, offset)
					: new Action.Other(c.peek().text(), Lock.ACCESS_EXCLUSIVE, offset);
		}
		if (c.is("attach", "partition") || c.is("detach", "partition")) {
			boolean attach = c.next().is("attach");
			c.next();
			// FINALIZE completes an interrupted DETACH ... CONCURRENTLY, under its lock
			return new Action.Partition(attach, c.name(), c.contains("concurrently") || c.contains("finalize"), offset);
		}
		if (c.is("set", "without", "cluster") || c.is("cluster", "on")) {
			return new Action.Other("SHARE UPDATE EXCLUSIVE ACTION", Lock.SHARE_UPDATE_EXCLUSIVE, offset);
		}
		if ((c.is("set") || c.is("reset")) && c.peek(1).isSymbol("(")) {
			return new Action.Other("STORAGE PARAMETERS", Lock.SHARE_UPDATE_EXCLUSIVE, offset);
		}
		if (c.is("set", "logged") || c.is("set", "unlogged") || c.is("set", "tablespace")) {
			c.next();
			return new Action.Rewrite("SET " + c.next().text().toUpperCase(Locale.ROOT), offset);
		}
		return new Action.Other(c.peek().text(), Lock.ACCESS_EXCLUSIVE, offset);
	}

	private static Action alterColumn(Cursor c, String column, int offset) {
		if (c.accept("set", "data", "type") || c.accept("type")) {
			List<Token> type = c.until("collate", "using");
			if (c.accept("collate")) {
				c.name();
			}
			boolean using = c.accept("using") && !convertsAsWithoutUsing(c.rest(), column, ColumnReader.type(type));
			return new Action.AlterType(column, ColumnReader.type(type), using, offset);
		}
		if (c.accept("set", "not", "null")) {
			return new Action.SetNotNull(column, offset);
		}
		if (c.is("set", "statistics") || ((c.is("set") || c.is("reset")) && c.peek(1).isSymbol("("))) {
			return new Action.Other("COLUMN STATISTICS", Lock.SHARE_UPDATE_EXCLUSIVE, offset);
		}
		return new Action.Other("ALTER COLUMN", Lock.ACCESS_EXCLUSIVE, offset);
	}

	/**
	 * Whether a {@code USING} expression converts as no {@code USING} would: the column
	 * itself, or the column cast to the new type ({@code amount::numeric(12,2)},
	 * {@code CAST(amount AS numeric(12,2))}, as the differ writes every type change), in
	 * any parentheses. The server plans either into the conversion it makes without
	 * {@code USING}, so a widening keeps the table as it is.
	 */
	private static boolean convertsAsWithoutUsing(List<Token> expression, String column, String type) {
		List<Token> tokens = unwrap(expression);
		if (tokens.size() == 1) {
			return tokens.get(0).isName() && SchemaModel.key(tokens.get(0).text()).equals(SchemaModel.key(column));
		}
		if (tokens.size() > 3 && tokens.get(0).is("cast") && tokens.get(1).isSymbol("(")
				&& tokens.get(tokens.size() - 1).isSymbol(")")) {
			List<Token> inside = tokens.subList(2, tokens.size() - 1);
			int as = topLevel(inside, (t) -> t.is("as"));
			return as > 0 && convertsAsWithoutUsing(inside.subList(0, as), column, type)
					&& ColumnReader.type(inside.subList(as + 1, inside.size())).equals(type);
		}
		int cast = topLevel(tokens, (t) -> t.isSymbol("::"));
		return cast > 0 && convertsAsWithoutUsing(tokens.subList(0, cast), column, type)
				&& ColumnReader.type(tokens.subList(cast + 1, tokens.size())).equals(type);
	}

	/**
	 * The tokens without the parentheses that enclose all of them.
	 */
	private static List<Token> unwrap(List<Token> tokens) {
		List<Token> inner = tokens;
		while (inner.size() >= 2 && inner.get(0).isSymbol("(") && inner.get(inner.size() - 1).isSymbol(")")
				&& closes(inner.subList(1, inner.size() - 1))) {
			inner = inner.subList(1, inner.size() - 1);
		}
		return inner;
	}

	/**
	 * Whether every parenthesis in the tokens closes within them (so the parentheses
	 * around them enclose all of them).
	 */
	private static boolean closes(List<Token> tokens) {
		int depth = 0;
		for (Token token : tokens) {
			depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			if (depth < 0) {
				return false;
			}
		}
		return depth == 0;
	}

	/**
	 * The position of the last token outside parentheses that the test accepts, or -1.
	 */
	private static int topLevel(List<Token> tokens, Predicate<Token> test) {
		int depth = 0;
		int found = -1;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
			if (depth == 0 && test.test(token)) {
				found = i;
			}
		}
		return found;
	}

	private static boolean isConstraint(Cursor c) {
		return c.is("constraint") || c.is("check") || c.is("unique") || c.is("primary") || c.is("foreign")
				|| c.is("exclude");
	}

	private static Action constraint(Cursor c, int offset) {
		String name = c.accept("constraint") ? c.name() : null;
		List<Token> rest = c.rest();
		boolean notValid = false;
		for (int i = 0; i + 1 < rest.size(); i++) {
			notValid |= rest.get(i).is("not") && rest.get(i + 1).is("valid");
		}
		if (c.accept("check")) {
			return new Action.AddConstraint(name, "CHECK", notValid, null, null, notNullColumn(c.group()), offset);
		}
		if (c.accept("foreign", "key")) {
			c.group();
			c.accept("references");
			return new Action.AddConstraint(name, "FOREIGN KEY", notValid, null, c.name(), null, offset);
		}
		String kind = c.accept("primary", "key") ? "PRIMARY KEY" : c.accept("unique") ? "UNIQUE" : "EXCLUDE";
		String index = c.accept("using", "index") ? c.name() : null;
		return new Action.AddConstraint(name, kind, notValid, index, null, null, offset);
	}

	/**
	 * The column of a check that is {@code column IS NOT NULL} (in any parentheses).
	 */
	private static @Nullable String notNullColumn(Cursor check) {
		List<Token> tokens = check.rest().stream().filter((t) -> !t.isSymbol("(") && !t.isSymbol(")")).toList();
		boolean shape = tokens.size() == 4 && tokens.get(0).isName() && tokens.get(1).is("is")
				&& tokens.get(2).is("not") && tokens.get(3).is("null");
		return shape ? tokens.get(0).text() : null;
	}

}
