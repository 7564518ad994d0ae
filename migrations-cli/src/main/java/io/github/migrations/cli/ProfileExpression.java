package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot's profile expressions, as in {@code spring.config.activate.on-profile}:
 * {@code prod}, {@code !dev}, {@code prod & eu}, {@code prod | staging},
 * {@code prod & (eu | us)}; a comma-separated list matches when any of its expressions
 * does. As in Spring, {@code &} and {@code |} do not mix without parentheses.
 */
final class ProfileExpression {

	/**
	 * How deep parentheses and {@code !} may nest: far more than a person writes, far
	 * less than the stack holds.
	 */
	private static final int DEEPEST = 64;

	/**
	 * A profile name as Spring Boot accepts it: letters and digits, with
	 * {@code - _ . + @} between them; never a path.
	 */
	private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_.+@-]*[\\p{L}\\p{N}])?");

	private static final Pattern TOKEN = Pattern.compile("\\s*([()!&|]|[^()!&|\\s]+)");

	private final List<String> tokens;

	private final String expression;

	private final String where;

	private int next;

	private int depth;

	private ProfileExpression(String expression, String where) {
		this.expression = expression;
		this.where = where;
		Matcher matcher = TOKEN.matcher(expression);
		List<String> found = new ArrayList<>();
		int end = 0;
		while (matcher.find() && matcher.start() == end) {
			found.add(matcher.group(1));
			end = matcher.end();
		}
		if (!expression.substring(end).isBlank()) {
			throw invalid();
		}
		this.tokens = found;
	}

	/**
	 * Whether the expression (or any of a comma-separated list) matches the active
	 * profiles; {@code where} names it in the error an invalid expression gets.
	 */
	static boolean matches(String expressions, Collection<String> active, String where) {
		for (String expression : expressions.split(",")) {
			if (!expression.isBlank() && new ProfileExpression(expression.strip(), where).evaluate(active)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The profile name, when Spring Boot would accept it: it also names the
	 * {@code application-{profile}} files read beside the configuration file.
	 * @param where where the name was given, for the error
	 */
	static String checkedName(String name, String where) {
		if (!NAME.matcher(name).matches()) {
			throw new CliException("Profile '%s' of %s is not a valid profile name.".formatted(name, where),
					"Start and end it with a letter or digit, with only letters, digits, '-', '_', '.', '+' and '@' "
							+ "between, as Spring Boot requires; it names the application-{profile} files read "
							+ "beside the configuration file.");
		}
		return name;
	}

	private boolean evaluate(Collection<String> active) {
		boolean result = expression(active);
		if (this.next != this.tokens.size()) {
			throw invalid();
		}
		return result;
	}

	private boolean expression(Collection<String> active) {
		boolean result = operand(active);
		String operator = null;
		while (this.next < this.tokens.size() && isOperator(this.tokens.get(this.next))) {
			String found = this.tokens.get(this.next++);
			if (operator != null && !operator.equals(found)) {
				throw invalid();
			}
			operator = found;
			boolean right = operand(active);
			result = operator.equals("&") ? result && right : result || right;
		}
		return result;
	}

	private boolean operand(Collection<String> active) {
		if (this.next >= this.tokens.size()) {
			throw invalid();
		}
		if (++this.depth > DEEPEST) {
			throw new CliException("%s has a profile expression that nests '(' and '!' more than %d deep."
				.formatted(this.where, DEEPEST), "Write it with fewer parentheses and '!'.");
		}
		try {
			return operandWithin(active);
		}
		finally {
			this.depth--;
		}
	}

	private boolean operandWithin(Collection<String> active) {
		String token = this.tokens.get(this.next++);
		if (token.equals("!")) {
			return !operand(active);
		}
		if (token.equals("(")) {
			boolean result = expression(active);
			if (this.next >= this.tokens.size() || !this.tokens.get(this.next++).equals(")")) {
				throw invalid();
			}
			return result;
		}
		if (token.equals(")") || isOperator(token)) {
			throw invalid();
		}
		return active.contains(token);
	}

	private static boolean isOperator(String token) {
		return token.equals("&") || token.equals("|");
	}

	private CliException invalid() {
		return new CliException("%s has an invalid profile expression '%s'.".formatted(this.where, this.expression),
				"Write a profile name, '!name', or names joined by '&' or by '|' (with parentheses to mix them), "
						+ "as Spring Boot reads them.");
	}

}
