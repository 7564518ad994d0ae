package io.github.migrations.core.lint;

import java.util.List;

import io.github.migrations.core.script.SqlTokens.Token;
import org.jspecify.annotations.Nullable;

/**
 * A column as a {@code CREATE TABLE} or {@code ADD COLUMN} defines it.
 *
 * @param name the column's name
 * @param type the type, lower case, words separated by one space and modifiers without
 * spaces ({@code character varying(20)}, {@code timestamp without time zone})
 * @param defaultValue the tokens of its {@code DEFAULT} expression, or {@code null}
 * @param notNull whether it is {@code NOT NULL} (a primary key is)
 * @param primaryKey whether it is the primary key
 * @param unique whether it is {@code UNIQUE}
 * @param references the table its {@code REFERENCES} names, or {@code null}
 * @param check whether it has a {@code CHECK} constraint
 * @param computed whether its values are computed for every row: an identity, a serial or
 * a stored generated column
 * @param offset where its name starts in the statement's text, for the line of a finding
 * about it
 */
record ColumnDef(String name, String type, @Nullable List<Token> defaultValue, boolean notNull, boolean primaryKey,
		boolean unique, @Nullable String references, boolean check, boolean computed, int offset) {

	boolean isSerial() {
		return this.type.endsWith("serial") || this.type.matches("serial[248]");
	}

}
