package io.github.migrations.core.revision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where to migrate to, spelled as in Alembic:
 * <ul>
 * <li>{@code head}: the single head (an error when there are several), {@code heads}: all
 * of them, {@code base}: before the first revision;</li>
 * <li>a revision id, a unique prefix of one, or a branch label;</li>
 * <li>{@code +2} / {@code -1}: steps up or down from where the database stands;</li>
 * <li>{@code ae10+2} / {@code ae10-1}: steps relative to a revision (also {@code head-1},
 * {@code heads-1} when there is one head, {@code base+1});</li>
 * <li>{@code shopping@head}, {@code shopping@heads}, {@code shopping@base},
 * {@code shopping@+1}, {@code shopping@-1}: the same within the lineage of the revision a
 * label (or revision id) names: that revision and its descendants through
 * {@code down_revision};</li>
 * <li>{@code shopping@ae10}, {@code shopping@head-1}, {@code shopping@ae10+1}: a revision
 * of that branch (or on the way to it), and steps from it that stay on the branch.</li>
 * </ul>
 */
public sealed interface Target {

	/** All heads. */
	record Heads() implements Target {
		@Override
		public String toString() {
			return "heads";
		}
	}

	/** The only head. */
	record Head() implements Target {
		@Override
		public String toString() {
			return "head";
		}
	}

	/** Before every revision. */
	record Base() implements Target {
		@Override
		public String toString() {
			return "base";
		}
	}

	/** A revision id, unique id prefix or branch label. */
	record Named(String name) implements Target {
		@Override
		public String toString() {
			return this.name;
		}
	}

	/** Steps from where the database stands: positive up, negative down. */
	record Relative(int steps) implements Target {
		@Override
		public String toString() {
			return ((this.steps > 0) ? "+" : "") + this.steps;
		}
	}

	/** Steps from a revision ({@code ae10+2}), from {@code head} or from {@code base}. */
	record RelativeTo(String reference, int steps) implements Target {
		@Override
		public String toString() {
			return this.reference + ((this.steps > 0) ? "+" : "") + this.steps;
		}
	}

	/**
	 * A revision named within a branch, and steps from it ({@code shop@ae10},
	 * {@code shop@head-1}, {@code shop@ae10+2}): the reference ({@code head},
	 * {@code heads}, {@code base}, an id, prefix or label) is taken within the branch,
	 * and steps up stay on the way to or within it.
	 */
	record BranchRevision(String branch, String reference, int steps) implements Target {
		@Override
		public String toString() {
			return this.branch + "@" + this.reference
					+ ((this.steps == 0) ? "" : ((this.steps > 0) ? "+" : "") + this.steps);
		}
	}

	/** The head of a branch ({@code label@head}). */
	record BranchHead(String branch) implements Target {
		@Override
		public String toString() {
			return this.branch + "@head";
		}
	}

	/** Every head of a branch ({@code label@heads}), for a branch that splits. */
	record BranchHeads(String branch) implements Target {
		@Override
		public String toString() {
			return this.branch + "@heads";
		}
	}

	/** Before the first revision of a branch ({@code label@base}). */
	record BranchBase(String branch) implements Target {
		@Override
		public String toString() {
			return this.branch + "@base";
		}
	}

	/** Steps within a branch from where the database stands on it ({@code label@+1}). */
	record BranchRelative(String branch, int steps) implements Target {
		@Override
		public String toString() {
			return this.branch + "@" + ((this.steps > 0) ? "+" : "") + this.steps;
		}
	}

	static Target heads() {
		return new Heads();
	}

	static Target head() {
		return new Head();
	}

	static Target base() {
		return new Base();
	}

	/**
	 * Parses a target as Alembic spells it.
	 * @throws TargetException when the text is not a target
	 */
	static Target parse(String text) {
		return Parser.parse(text);
	}

	/**
	 * The grammar, for error messages.
	 */
	final class Parser {

		private static final String NAME = "[A-Za-z0-9_]+";

		private static final Pattern RELATIVE = Pattern.compile("([+-])([0-9]+)");

		private static final Pattern RELATIVE_TO = Pattern.compile("(" + NAME + ")([+-])([0-9]+)");

		private static final Pattern BRANCH = Pattern.compile("(" + NAME + ")@(heads|head|base|([+-])([0-9]+))");

		private static final Pattern BRANCH_REVISION = Pattern
			.compile("(" + NAME + ")@(" + NAME + ")(?:([+-])([0-9]+))?");

		private static final Pattern REVISION = Pattern.compile(NAME);

		static final String GRAMMAR = "Use 'head', 'heads', 'base', a revision id or unique prefix, '+N' or '-N', "
				+ "'<rev>+N' or '<rev>-N', or '<label>@head', '<label>@heads', '<label>@base', '<label>@+N', '<label>@-N', "
				+ "'<label>@<rev>', '<label>@<rev>+N', '<label>@head-N'.";

		private Parser() {
		}

		static Target parse(String input) {
			String text = (input != null) ? input.strip() : "";
			switch (text) {
				case "heads":
					return new Heads();
				case "head":
					return new Head();
				case "base":
					return new Base();
				default:
					break;
			}
			Matcher matcher = RELATIVE.matcher(text);
			if (matcher.matches()) {
				return new Relative(steps(text, matcher.group(1), matcher.group(2)));
			}
			matcher = RELATIVE_TO.matcher(text);
			if (matcher.matches()) {
				return new RelativeTo(matcher.group(1), steps(text, matcher.group(2), matcher.group(3)));
			}
			matcher = BRANCH.matcher(text);
			if (matcher.matches()) {
				String branch = matcher.group(1);
				return switch (matcher.group(2)) {
					case "head" -> new BranchHead(branch);
					case "heads" -> new BranchHeads(branch);
					case "base" -> new BranchBase(branch);
					default -> new BranchRelative(branch, steps(text, matcher.group(3), matcher.group(4)));
				};
			}
			matcher = BRANCH_REVISION.matcher(text);
			if (matcher.matches()) {
				return new BranchRevision(matcher.group(1), matcher.group(2),
						(matcher.group(3) != null) ? steps(text, matcher.group(3), matcher.group(4)) : 0);
			}
			if (REVISION.matcher(text).matches() && !text.equals("heads")) {
				return new Named(text);
			}
			throw new TargetException("'%s' is not a valid target.".formatted(text), GRAMMAR);
		}

		private static int steps(String text, String sign, String digits) {
			int steps;
			try {
				steps = Integer.parseInt(digits);
			}
			catch (NumberFormatException ex) {
				// more steps than an int holds: more than any graph has revisions
				boolean up = sign.equals("+");
				int at = text.indexOf('@');
				String end = ((at >= 0) ? text.substring(0, at + 1) : "") + (up ? "head" : "base");
				throw new TargetException("Target '%s' goes past the %s: %s steps are more than there are revisions."
					.formatted(text, up ? "head" : "base", digits), "Use a smaller number, or '%s'.".formatted(end));
			}
			if (steps <= 0) {
				throw new TargetException(
						"'%s' is not a valid target: the number of steps must be 1 or more.".formatted(text), GRAMMAR);
			}
			return sign.equals("-") ? -steps : steps;
		}

	}

}
