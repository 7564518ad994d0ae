package io.github.migrations.core.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.script.SqlStatement;
import io.github.migrations.core.script.SqlTokens;
import org.jspecify.annotations.Nullable;

/**
 * The {@code -- lint: allow <rule>[, <rule>] (<reason>)} comments of a revision file: in
 * the header they opt the whole revision out of the rules they name; in the
 * {@code -- +upgrade} section, the statement they are in, or else the next one.
 */
final class Directives {

	private static final Pattern ALLOW = Pattern.compile("lint:\\s*allow\\s+([a-z0-9, -]+?)\\s*\\((.*\\S.*)\\)\\s*");

	private final Set<Rule> revisionWide = EnumSet.noneOf(Rule.class);

	private final Map<Integer, Set<Rule>> byStatement = new HashMap<>();

	/** The lines of comments that start with {@code lint:} but do not parse. */
	final List<Integer> invalid = new ArrayList<>();

	Directives(String text, List<SqlStatement> statements) {

		int upgradeLine = Integer.MAX_VALUE;
		int line = 1;
		int counted = 0;
		for (SqlTokens.Comment comment : SqlTokens.comments(text)) {
			for (; counted < comment.offset(); counted++) {
				line += (text.charAt(counted) == '\n') ? 1 : 0;
			}
			if (comment.text().equals("+upgrade")) {
				upgradeLine = Math.min(upgradeLine, line);
			}
			if (!comment.text().startsWith("lint:")) {
				continue;
			}
			Set<Rule> rules = rules(comment.text());
			if (rules == null) {
				this.invalid.add(line);
			}
			else if (line < upgradeLine) {
				this.revisionWide.addAll(rules);
			}
			else {
				int statement = statementAt(statements, line);
				if (statement >= 0) {
					this.byStatement.computeIfAbsent(statement, (key) -> EnumSet.noneOf(Rule.class)).addAll(rules);
				}
			}
		}
	}

	/**
	 * Whether {@code rule} is allowed for the statement at {@code index}.
	 */
	boolean allows(Rule rule, int index) {
		return this.revisionWide.contains(rule) || this.byStatement.getOrDefault(index, Set.of()).contains(rule);
	}

	private static @Nullable Set<Rule> rules(String comment) {
		Matcher matcher = ALLOW.matcher(comment);
		if (!matcher.matches()) {
			return null;
		}
		Set<Rule> rules = EnumSet.noneOf(Rule.class);
		for (String id : matcher.group(1).split("[,\\s]+")) {
			Rule rule = Rule.of(id);
			if (rule == null) {
				return null;
			}
			rules.add(rule);
		}
		return rules;
	}

	/**
	 * The statement whose lines hold {@code line}, else the first one after it, else -1.
	 */
	private static int statementAt(List<SqlStatement> statements, int line) {
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			int last = statement.lineOf(statement.sql().length() + 1);
			if (line <= last) {
				return i;
			}
		}
		return -1;
	}

}
