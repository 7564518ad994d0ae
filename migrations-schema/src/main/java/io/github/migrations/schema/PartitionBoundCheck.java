package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A {@code CHECK} that holds exactly the rows a partition's bounds admit, as PostgreSQL
 * writes the partition constraint ({@code key IS NOT NULL AND key >= lower AND key <
 * upper}, {@code key IS NOT NULL AND key IN (...)}): validated on a table before
 * {@code ATTACH PARTITION}, it lets the server skip the scan that proves the rows fit
 * ("partition constraint ... is implied by existing constraints"). Only for a key of one
 * column partitioned by range or list; a hash partition's constraint names the
 * partitioned table's oid, and a default partition's depends on its siblings.
 */
final class PartitionBoundCheck {

	private static final Pattern KEY = Pattern.compile("(RANGE|LIST) \\(([a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")\\)");

	private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\((.+)\\) TO \\((.+)\\)");

	private static final Pattern LIST = Pattern.compile("FOR VALUES IN \\((.+)\\)");

	private PartitionBoundCheck() {
	}

	/**
	 * The check's expression, without {@code CHECK}, or {@code null} when the key or the
	 * bound is of another form.
	 * @param partitionKey the partitioned table's key ({@code RANGE (placed_at)})
	 * @param bound the partition's bound ({@code FOR VALUES FROM ('2026-01-01') TO
	 * ('2027-01-01')})
	 */
	static @Nullable String expression(@Nullable String partitionKey, @Nullable String bound) {
		if (partitionKey == null || bound == null) {
			return null;
		}
		Matcher key = KEY.matcher(partitionKey);
		if (!key.matches()) {
			return null;
		}
		String column = key.group(2);
		if (key.group(1).equals("RANGE")) {
			Matcher range = RANGE.matcher(bound);
			List<String> lower = range.matches() ? values(range.group(1)) : null;
			List<String> upper = range.matches() ? values(range.group(2)) : null;
			if (lower == null || upper == null || lower.size() != 1 || upper.size() != 1) {
				return null;
			}
			StringBuilder check = new StringBuilder(column).append(" IS NOT NULL");
			if (!lower.get(0).equals("MINVALUE")) {
				check.append(" AND ").append(column).append(" >= ").append(lower.get(0));
			}
			if (!upper.get(0).equals("MAXVALUE")) {
				check.append(" AND ").append(column).append(" < ").append(upper.get(0));
			}
			return check.toString();
		}
		Matcher list = LIST.matcher(bound);
		List<String> values = list.matches() ? values(list.group(1)) : null;
		if (values == null) {
			return null;
		}
		boolean nulls = values.remove("NULL");
		String in = column + " IN (" + String.join(", ", values) + ")";
		if (!nulls) {
			return column + " IS NOT NULL AND " + in;
		}
		return values.isEmpty() ? column + " IS NULL" : column + " IS NULL OR " + in;
	}

	/**
	 * The values of a bound's list, each a literal, a number or a keyword as the server
	 * prints it; {@code null} when one is of another form.
	 */
	private static @Nullable List<String> values(String list) {
		List<String> values = new ArrayList<>();
		int i = 0;
		while (i < list.length()) {
			int end;
			if (list.charAt(i) == '\'') {
				end = i + 1;
				while (end < list.length()
						&& (list.charAt(end) != '\'' || (end + 1 < list.length() && list.charAt(end + 1) == '\''))) {
					end += (list.charAt(end) == '\'') ? 2 : 1;
				}
				if (end >= list.length()) {
					return null;
				}
				end++;
			}
			else {
				end = i;
				while (end < list.length() && list.charAt(end) != ',') {
					end++;
				}
				if (!list.substring(i, end).matches("[-+]?[0-9.eE+]+|MINVALUE|MAXVALUE|NULL|true|false")) {
					return null;
				}
			}
			values.add(list.substring(i, end));
			if (end == list.length()) {
				return values;
			}
			if (!list.startsWith(", ", end)) {
				return null;
			}
			i = end + 2;
		}
		return null;
	}

}
