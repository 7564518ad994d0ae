package io.github.migrations.core.lint;

import java.util.List;
import java.util.Locale;

import io.github.migrations.core.lint.Shape.Verb;
import io.github.migrations.core.script.SqlStatement;
import io.github.migrations.core.script.SqlTokens;
import io.github.migrations.core.script.SqlTokens.Token;

/**
 * A small PostgreSQL statement classifier: reads the tokens of one statement (from the
 * project's lexer, {@link SqlTokens}) into a {@link Shape}. It knows the statements that
 * lock tables (DDL, maintenance, {@code LOCK}, DML) well enough to tell the lock and the
 * table, and leaves everything else as {@link Verb#OTHER}.
 */
final class ShapeReader {

	/**
	 * Enough for a {@code CREATE TABLE} of hundreds of columns; beyond it a statement
	 * loads data, and reading its values would cost memory for nothing.
	 */
	private static final int MAX_TOKENS = 50_000;

	private ShapeReader() {
	}

	static Shape read(SqlStatement statement) {
		Shape shape = new Shape(statement);
		Cursor c = new Cursor(SqlTokens.read(statement.sql(), MAX_TOKENS).tokens());
		if (c.accept("create")) {
			create(c, shape);
		}
		else if (c.accept("alter", "table")) {
			shape.verb = Verb.ALTER_TABLE;
			AlterReader.read(c, shape);
		}
		else if (c.accept("drop", "index")) {
			shape.verb = Verb.DROP_INDEX;
			shape.concurrently = c.accept("concurrently");
			c.accept("if", "exists");
			shape.index = c.name();
		}
		else if (c.accept("drop", "trigger")) {
			shape.verb = Verb.DROP_TRIGGER;
			c.accept("if", "exists");
			c.name();
			c.accept("on");
			shape.table = c.name();
		}
		else if (c.accept("drop", "database")) {
			shape.verb = Verb.DROP_DATABASE;
			c.accept("if", "exists");
			shape.name = c.name();
		}
		else if (c.accept("alter", "domain")) {
			alterDomain(c, shape);
		}
		else if (c.accept("alter", "type")) {
			shape.verb = Verb.ALTER_TYPE;
			shape.name = c.name();
			if (c.accept("rename", "value")) {
				shape.renamedValue = c.next().text();
			}
			else if (c.accept("rename", "to")) {
				shape.renamedTo = c.name();
			}
		}
		else if (c.accept("drop", "table")) {
			shape.verb = Verb.DROP_TABLE;
			c.accept("if", "exists");
			names(c, shape);
		}
		else if (c.accept("truncate")) {
			shape.verb = Verb.TRUNCATE;
			c.accept("table");
			c.accept("only");
			shape.cascade = c.contains("cascade");
			names(c, shape);
		}
		else if (c.accept("vacuum")) {
			vacuum(c, shape);
		}
		else if (c.accept("cluster")) {
			shape.verb = Verb.CLUSTER;
			c.accept("verbose");
			shape.table = c.name();
		}
		else if (c.accept("lock")) {
			lock(c, shape);
		}
		else if (DmlReader.starts(c)) {
			DmlReader.read(c, shape);
		}
		else if (c.accept("reindex")) {
			reindex(c, shape);
		}
		else if (c.accept("set")) {
			set(c, shape);
		}
		else if (c.accept("reset")) {
			shape.verb = Verb.SET;
			shape.setting = c.accept("time", "zone") ? "timezone" : c.name();
			shape.value = null;
		}
		else if (c.accept("refresh", "materialized", "view")) {
			shape.verb = Verb.REFRESH;
			shape.full = !c.accept("concurrently");
			shape.table = c.name();
		}
		return shape;
	}

	private static void create(Cursor c, Shape shape) {
		c.accept("or", "replace");
		if (c.accept("materialized", "view")) {
			shape.verb = Verb.CREATE_MATERIALIZED_VIEW;
			c.accept("if", "not", "exists");
			shape.table = c.name();
			return;
		}
		if (c.accept("unique", "index") || c.accept("index")) {
			shape.verb = Verb.CREATE_INDEX;
			shape.concurrently = c.accept("concurrently");
			c.accept("if", "not", "exists");
			shape.index = c.is("on") ? "" : c.name();
			c.accept("on");
			c.accept("only");
			shape.table = c.name();
			if (c.accept("using")) {
				c.next();
			}
			if (c.peek().isSymbol("(")) {
				c.group()
					.rest()
					.stream()
					.filter(Token::isName)
					.forEach((token) -> shape.indexColumns.add(token.text()));
			}
			return;
		}
		if (c.accept("type") || c.accept("domain")) {
			shape.verb = Verb.CREATE_TYPE;
			shape.name = c.name();
			return;
		}
		c.accept("global");
		c.accept("local");
		boolean temporary = c.accept("temporary") || c.accept("temp");
		c.accept("unlogged");
		if (c.accept("table") && !temporary) {
			shape.verb = Verb.CREATE_TABLE;
			c.accept("if", "not", "exists");
			shape.table = c.name();
			if (c.peek().isSymbol("(")) {
				ColumnReader.table(c.group(), shape);
			}
			return;
		}
		c.accept("constraint");
		if (c.accept("trigger")) {
			shape.verb = Verb.CREATE_TRIGGER;
			c.until("on");
			c.accept("on");
			shape.table = c.name();
		}
	}

	/**
	 * {@code ALTER DOMAIN}: whether it checks the stored values of every column of the
	 * domain.
	 */
	private static void alterDomain(Cursor c, Shape shape) {
		shape.verb = Verb.ALTER_DOMAIN;
		shape.name = c.name();
		if (c.accept("add")) {
			String name = c.accept("constraint") ? " " + c.name() : "";
			if (!c.contains("valid")) {
				shape.domainScan = "ADD CONSTRAINT" + name;
			}
		}
		else if (c.accept("set", "not", "null")) {
			shape.domainScan = "SET NOT NULL";
		}
		else if (c.accept("validate", "constraint")) {
			shape.domainScan = "VALIDATE CONSTRAINT " + c.name();
		}
		else if (c.accept("rename", "to")) {
			shape.renamedTo = c.name();
		}
	}

	private static void names(Cursor c, Shape shape) {
		for (Cursor part : c.split()) {
			part.accept("only");
			String name = part.name();
			if (!name.isEmpty()) {
				shape.tables.add(name);
			}
		}
		shape.table = shape.tables.isEmpty() ? "" : shape.tables.get(0);
	}

	private static void vacuum(Cursor c, Shape shape) {
		shape.verb = Verb.VACUUM;
		if (c.peek().isSymbol("(")) {
			for (Cursor option : c.group().split()) {
				if (option.accept("full")) {
					Token value = option.peek();
					shape.full = !(value.is("false") || value.is("off") || value.text().equals("0"));
				}
			}
		}
		while (true) {
			if (c.accept("full")) {
				shape.full = true;
			}
			else if (!(c.accept("freeze") || c.accept("verbose") || c.accept("analyze") || c.accept("analyse"))) {
				break;
			}
		}
		names(c, shape);
	}

	private static void lock(Cursor c, Shape shape) {
		shape.verb = Verb.LOCK;
		c.accept("table");
		c.accept("only");
		List<Token> names = c.until("in", "nowait");
		names(new Cursor(names), shape);
		if (c.accept("in")) {
			StringBuilder mode = new StringBuilder();
			while (!c.atEnd() && !c.is("mode")) {
				mode.append(mode.isEmpty() ? "" : "_").append(c.next().text().toUpperCase(Locale.ROOT));
			}
			try {
				shape.lockMode = Lock.valueOf(mode.toString());
			}
			catch (IllegalArgumentException ex) {
				shape.lockMode = Lock.ACCESS_EXCLUSIVE;
			}
		}
	}

	private static void reindex(Cursor c, Shape shape) {
		shape.verb = Verb.REINDEX;
		if (c.peek().isSymbol("(")) {
			Cursor options = c.group();
			shape.concurrently = options.contains("concurrently");
		}
		if (c.accept("schema") || c.accept("database") || c.accept("system")) {
			// every table of a schema or database: none named here
			shape.concurrently |= c.accept("concurrently");
			return;
		}
		boolean index = c.accept("index");
		if (!index) {
			c.accept("table");
		}
		shape.concurrently |= c.accept("concurrently");
		String name = c.name();
		if (index) {
			shape.index = name;
		}
		else {
			shape.table = name;
		}
	}

	private static void set(Cursor c, Shape shape) {
		shape.verb = Verb.SET;
		shape.local = c.accept("local");
		c.accept("session");
		if (c.accept("time", "zone")) {
			shape.setting = "timezone";
			Token value = c.next();
			shape.value = (value.is("default") || value.is("local")) ? null : value.text();
			return;
		}
		shape.setting = c.name();
		if (c.accept("to") || c.acceptSymbol("=")) {
			Token value = c.next();
			shape.value = value.is("default") ? null : value.text();
		}
	}

}
