package io.github.migrations.core.lint;

import java.util.List;

import io.github.migrations.core.script.SqlTokens.Kind;
import io.github.migrations.core.script.SqlTokens.Token;
import org.jspecify.annotations.Nullable;

/**
 * Reads column definitions and the elements of a {@code CREATE TABLE}.
 */
final class ColumnReader {

	/** The keywords that end a column's type and start one of its constraints. */
	private static final String[] CONSTRAINT_WORDS = { "constraint", "not", "null", "default", "primary", "unique",
			"references", "check", "generated", "collate", "deferrable", "initially" };

	/** The words that may follow {@code REFERENCES table (columns)}. */
	private static final List<String> REFERENCE_OPTIONS = List.of("on", "delete", "update", "cascade", "restrict",
			"set", "null", "default", "no", "action", "match", "full", "partial", "simple");

	private ColumnReader() {
	}

	/**
	 * The inside of {@code CREATE TABLE name ( ... )}.
	 */
	static void table(Cursor body, Shape shape) {
		for (Cursor element : body.split()) {
			if (element.is("constraint") || element.is("check") || element.is("unique") || element.is("primary")
					|| element.is("foreign") || element.is("exclude") || element.is("like")) {
				tableConstraint(element, shape);
			}
			else {
				ColumnDef column = column(element);
				if (column != null) {
					shape.columns.add(column);
					shape.checked |= column.check();
					if (column.references() != null) {
						shape.references.add(column.references());
					}
				}
			}
		}
	}

	private static void tableConstraint(Cursor c, Shape shape) {
		if (c.accept("constraint")) {
			c.name();
		}
		shape.checked |= c.is("check");
		if (c.accept("primary", "key")) {
			for (Cursor column : c.group().split()) {
				shape.primaryKey.add(column.name());
			}
		}
		else if (c.accept("foreign", "key")) {
			c.group();
			if (c.accept("references")) {
				shape.references.add(c.name());
			}
		}
	}

	/**
	 * A column definition: name, type, constraints; {@code null} when there is no name.
	 */
	static @Nullable ColumnDef column(Cursor c) {
		int offset = c.peek().offset();
		String name = c.name();
		if (name.isEmpty()) {
			return null;
		}
		String type = type(c.until(CONSTRAINT_WORDS));
		List<Token> defaultValue = null;
		boolean notNull = false;
		boolean primaryKey = false;
		boolean unique = false;
		String references = null;
		boolean check = false;
		boolean computed = type.contains("serial");
		while (!c.atEnd()) {
			if (c.accept("constraint")) {
				c.name();
			}
			else if (c.accept("not", "null")) {
				notNull = true;
			}
			else if (c.accept("default")) {
				defaultValue = c.until(CONSTRAINT_WORDS);
			}
			else if (c.accept("primary", "key")) {
				primaryKey = true;
				notNull = true;
			}
			else if (c.accept("unique")) {
				unique = true;
			}
			else if (c.accept("references")) {
				references = c.name();
				c.group();
				while (!c.atEnd() && REFERENCE_OPTIONS.contains(c.peek().text())) {
					c.next();
				}
			}
			else if (c.accept("check")) {
				check = true;
				c.group();
			}
			else if (c.accept("generated")) {
				List<Token> generated = c.until(CONSTRAINT_WORDS);
				computed |= generated.stream().anyMatch((token) -> token.is("identity") || token.is("stored"));
			}
			else {
				c.next();
			}
		}
		return new ColumnDef(name, type, defaultValue, notNull, primaryKey, unique, references, check, computed,
				offset);
	}

	/**
	 * A type's tokens as one string: {@code character varying(20)},
	 * {@code timestamp(3) without time zone}, {@code numeric(10,2)}, {@code text[]}.
	 */
	static String type(List<Token> tokens) {
		StringBuilder type = new StringBuilder();
		for (Token token : tokens) {
			boolean word = token.kind() == Kind.WORD || token.kind() == Kind.QUOTED;
			if (word && !type.isEmpty() && type.charAt(type.length() - 1) != '('
					&& type.charAt(type.length() - 1) != ',' && type.charAt(type.length() - 1) != '.') {
				type.append(' ');
			}
			type.append(token.text());
		}
		return type.toString();
	}

}
