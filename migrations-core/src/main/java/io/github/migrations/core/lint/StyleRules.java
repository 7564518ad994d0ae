package io.github.migrations.core.lint;

import java.util.List;

/**
 * The style rules, on column definitions and new column types: they warn, and fail only
 * with {@code --strict}.
 */
final class StyleRules {

	private StyleRules() {
	}

	/**
	 * @param columns the columns defined
	 * @param primaryKey the columns of a table-level primary key
	 */
	static void check(RevisionLinter.Check check, List<ColumnDef> columns, List<String> primaryKey) {
		for (ColumnDef column : columns) {
			RevisionLinter.Check at = check.at(column.offset());
			boolean key = column.primaryKey() || (primaryKey.size() == 1 && primaryKey.get(0).equals(column.name()));
			if (key && Types.isSmallKey(column.type())) {
				at.report(Rule.PREFER_BIGINT_IDENTITY,
						"primary key '%s' is %s".formatted(column.name(), column.type()));
			}
			type(at, column.name(), column.type());
		}
	}

	static void type(RevisionLinter.Check check, String column, String type) {
		if (Types.isTimestampWithoutZone(type)) {
			check.report(Rule.PREFER_TIMESTAMPTZ, "column '%s' is %s".formatted(column, type));
		}
		else if (Types.isChar(type)) {
			check.report(Rule.BAN_CHAR, "column '%s' is %s".formatted(column, type));
		}
		else if (Types.isBoundedVarchar(type)) {
			check.report(Rule.PREFER_TEXT, "column '%s' is %s".formatted(column, type));
		}
	}

}
