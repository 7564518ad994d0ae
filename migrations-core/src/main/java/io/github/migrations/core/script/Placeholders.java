package io.github.migrations.core.script;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.api.ScriptLocation;

/**
 * Replaces {@code ${name}} in revision SQL with configured values. A placeholder without
 * a value is an error found before anything runs; checksums are computed before
 * replacement, so changing a value never changes one.
 */
public final class Placeholders {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

	private final Map<String, String> values;

	public Placeholders(Map<String, String> values) {
		this.values = Map.copyOf(values);
	}

	/**
	 * The statement's SQL with every placeholder replaced.
	 */
	public String apply(SqlStatement statement, String source) {
		String sql = statement.sql();
		if (sql.indexOf("${") < 0) {
			return sql;
		}
		Matcher matcher = PLACEHOLDER.matcher(sql);
		StringBuilder replaced = new StringBuilder();
		while (matcher.find()) {
			String value = this.values.get(matcher.group(1));
			if (value == null) {
				throw new ScriptException(ScriptLocation.at(source, statement.lineOf(matcher.start() + 1)),
						"placeholder '${%s}' has no value".formatted(matcher.group(1)),
						"Give the placeholder a value, or remove it.", "placeholders." + matcher.group(1));
			}
			matcher.appendReplacement(replaced, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(replaced);
		return replaced.toString();
	}

}
