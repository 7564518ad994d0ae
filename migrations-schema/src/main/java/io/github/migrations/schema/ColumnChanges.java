package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.schema.Node.ColumnPart;
import io.github.migrations.schema.Table.Column;
import org.jspecify.annotations.Nullable;

/**
 * The in-place changes of a column: type and collation, nullability, identity (its
 * generation and sequence options, {@link IdentityOptions}), generation expression,
 * comment. A column that becomes generated is dropped and added again, and so is a
 * generated column whose expression changes on a server before PostgreSQL 17 (which has
 * no {@code SET EXPRESSION}).
 */
final class ColumnChanges {

	private static final Pattern LENGTH = Pattern.compile("(character varying|character|bit varying|bit)\\((\\d+)\\)");

	/**
	 * The first major version with {@code ALTER COLUMN ... SET EXPRESSION}.
	 */
	private static final int SET_EXPRESSION = 17;

	private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

	/**
	 * A string type: {@code text}, {@code character varying} or {@code character}, with
	 * or without a length.
	 */
	private static final Pattern STRING = Pattern.compile("text|character varying(\\(\\d+\\))?|character(\\(\\d+\\))?");

	private static final Pattern TIMESTAMP = Pattern.compile("timestamp(\\(\\d+\\))? with(out)? time zone");

	private ColumnChanges() {
	}

	/**
	 * @param enumType whether the old or the new type is an enum type (or an array of
	 * one), which casts only from and to {@code text}: the values are converted through
	 * their text
	 * @param serverVersion the major version of the server the statements run on, or
	 * {@code 0} when unknown
	 */
	static @Nullable Alteration alter(ColumnPart before, ColumnPart after, String key, boolean enumType,
			int serverVersion) {
		Column b = before.column();
		Column a = after.column();
		if (b.generated() == null && a.generated() != null) {
			return null;
		}
		if (b.generated() != null && a.generated() != null && !b.generated().equals(a.generated())
				&& serverVersion < SET_EXPRESSION) {
			return null;
		}
		String prefix = "ALTER TABLE %s ALTER COLUMN %s ".formatted(after.table().name().sql(), after.sqlName());
		List<Change> changes = new ArrayList<>();
		Set<String> around = Set.of();
		if (!b.type().equals(a.type()) || !Objects.equals(b.collation(), a.collation())) {
			String collation = (a.collation() != null) ? " COLLATE " + a.collation() : "";
			String through = (enumType && !b.type().equals("text") && !a.type().equals("text")) ? "::text" : "";
			// between string types the column's own assignment cast is used: an explicit
			// cast to varchar(n) or char(n) cuts longer values short without an error,
			// the assignment cast refuses them ("value too long"); between timestamp
			// types, without USING the server skips the rewrite when the session is in
			// UTC
			String using = (sameFamily(STRING, b.type(), a.type()) || sameFamily(TIMESTAMP, b.type(), a.type())) ? ""
					: " USING %s%s::%s".formatted(after.sqlName(), through, a.type());
			String sql = prefix + "TYPE %s%s%s".formatted(a.type(), collation, using);
			String narrowing = narrowing(b.type(), a.type());
			Change change = (narrowing != null)
					? Change.destructive(key, sql, "changes the type of column %s.%s from %s to %s%s"
						.formatted(after.table().name(), a.name(), b.type(), a.type(), narrowing))
					: Change.of(key, sql);
			if (b.type().startsWith("timestamp") && a.type().startsWith("timestamp")
					&& b.type().endsWith("with time zone") != a.type().endsWith("with time zone")) {
				change = change.withReview(("converts column %s.%s between local times and instants in the "
						+ "session's TimeZone (the server's default unless set): add SET LOCAL TimeZone = '...' above "
						+ "it, naming the zone the values were written in")
					.formatted(after.table().name(), a.name()));
			}
			changes.add(change);
			around = Set.of(key);
		}
		if (b.generated() != null && a.generated() == null) {
			changes.add(Change.of(key, prefix + "DROP EXPRESSION"));
		}
		else if (b.generated() != null && !b.generated().equals(a.generated())) {
			changes.add(Change.of(key, prefix + "SET EXPRESSION AS (%s)".formatted(Deparsed.written(a.generated()))));
		}
		if (a.notNull() && !b.notNull()) {
			changes.add(Change.of(key, prefix + "SET NOT NULL")
				.withReview("sets column %s.%s NOT NULL, which fails if a row holds NULL in it; fill those rows first"
					.formatted(after.table().name(), a.name())));
		}
		if (b.identity() == null && a.identity() != null) {
			changes.add(Change.of(key, prefix + "ADD " + IdentityOptions.clause(a)));
			changes.add(Change.of(key, continueAfterLargest(after)));
		}
		else if (b.identity() != null && a.identity() == null) {
			changes.add(Change.of(key, prefix + "DROP IDENTITY"));
		}
		else if (b.identity() != null) {
			List<String> identity = IdentityOptions.changes(b, a);
			String narrowing = IdentityOptions.narrowing(after.table().name() + "." + a.name(), b, a);
			if (!identity.isEmpty()) {
				Change change = Change.of(key, prefix + String.join(" ", identity));
				changes.add((narrowing != null) ? change.withReview(narrowing) : change);
			}
		}
		if (!a.notNull() && b.notNull()) {
			changes.add(Change.of(key, prefix + "DROP NOT NULL"));
		}
		if (!Objects.equals(b.comment(), a.comment())) {
			changes.add(Change.of(key, Ddl.comment(after, a.comment())));
		}
		return new Alteration(changes, around, List.of());
	}

	/**
	 * Moves a new identity's sequence past the values the column holds (a serial turned
	 * identity, whose own sequence is gone by then), so that the next insert does not
	 * collide with them; an empty table leaves it at its start.
	 */
	private static String continueAfterLargest(ColumnPart column) {
		String table = column.table().name().sql();
		return "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(%s, %s), max(%s)) FROM %s HAVING max(%s) >= 1"
			.formatted(Sql.literal(table), Sql.literal(column.column().name()), column.sqlName(), table,
					column.sqlName());
	}

	/**
	 * Why a change of type may lose or refuse data ({@code ", which may not fit ..."}),
	 * or {@code null} when it only widens (a longer {@code varchar}, {@code varchar} to
	 * {@code text}, {@code integer} to {@code bigint}, more numeric precision).
	 */
	static @Nullable String narrowing(String from, String to) {
		if (to.equals("text") && (from.startsWith("character varying") || from.equals("text"))) {
			return null;
		}
		Matcher oldLength = LENGTH.matcher(from);
		Matcher newLength = LENGTH.matcher(to);
		if (oldLength.matches() && newLength.matches() && oldLength.group(1).equals(newLength.group(1))
				&& Integer.parseInt(newLength.group(2)) >= Integer.parseInt(oldLength.group(2))) {
			return null;
		}
		if (from.equals("character varying") && to.equals("text")
				|| to.equals("character varying") && (from.equals("text") || from.startsWith("character varying"))) {
			return null;
		}
		List<String> integers = List.of("smallint", "integer", "bigint", "numeric");
		if (integers.contains(from) && integers.contains(to) && integers.indexOf(to) >= integers.indexOf(from)) {
			return null;
		}
		Matcher oldNumeric = NUMERIC.matcher(from);
		Matcher newNumeric = NUMERIC.matcher(to);
		if (oldNumeric.matches() && newNumeric.matches()) {
			int oldScale = Integer.parseInt(oldNumeric.group(2));
			int newScale = Integer.parseInt(newNumeric.group(2));
			int oldDigits = Integer.parseInt(oldNumeric.group(1)) - oldScale;
			int newDigits = Integer.parseInt(newNumeric.group(1)) - newScale;
			if (newScale >= oldScale && newDigits >= oldDigits) {
				return null;
			}
		}
		if (oldNumeric.matches() && to.equals("numeric")) {
			return null;
		}
		if (from.equals("real") && to.equals("double precision")
				|| from.equals("timestamp without time zone") && to.equals("timestamp with time zone")) {
			return null;
		}
		return ", which may not hold every value it holds now (or fails on rows that cannot be converted)";
	}

	private static boolean sameFamily(Pattern family, String before, String after) {
		return family.matcher(before).matches() && family.matcher(after).matches();
	}

}
