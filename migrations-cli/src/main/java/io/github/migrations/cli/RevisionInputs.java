package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.TargetResolver;
import org.jspecify.annotations.Nullable;

/**
 * Checks what {@code revision} and {@code merge} put in a new file's header, so that the
 * file parses back with the engine and says only what was asked: an id, labels and
 * dependencies the header's parser and the graph accept, and a message on one line.
 * Values are shown in messages with their line breaks and control characters escaped, so
 * a refused value cannot forge lines of the output either.
 */
final class RevisionInputs {

	private static final String NAME_CHARACTERS = "letters, digits and '_'";

	private static final String RESERVED = "'head', 'heads', 'base' and 'current' name targets";

	private RevisionInputs() {
	}

	/**
	 * The message as the header will hold it and the engine will read it back: any
	 * printable text on one line, without the whitespace around it (which the header's
	 * parser drops).
	 * @param option how the command line spells the option, for messages
	 */
	static String message(String option, String message) {
		if (message.isBlank()) {
			throw new CliException(
					"The message (%s) is empty: it names the revision in 'history' and in its file's name."
						.formatted(option),
					"Describe what the revision does, for example %s \"add customers.email\".".formatted(option));
		}
		int index = firstUnprintable(message);
		if (index >= 0) {
			throw new CliException(
					"The message (%s) holds %s at character %d: it goes on the file's one 'message' ".formatted(option,
							describe(message.codePointAt(index)), message.codePointCount(0, index) + 1)
							+ "header line, which may hold no line break or control character: " + shown(message) + ".",
					"Write the message on one line; put the details in a comment below '-- +upgrade'.");
		}
		return message.strip();
	}

	/**
	 * The id to use: the requested one, checked as the header's parser and the graph
	 * check it, or a new random one.
	 */
	static RevisionId revisionId(@Nullable String requested, RevisionGraph graph) {
		if (requested == null) {
			RevisionId id = RevisionId.generate();
			return (graph.contains(id) || graph.labelled(id.value()) != null) ? revisionId(null, graph) : id;
		}
		String what = "Revision id " + shown(requested) + " (--rev-id)";
		String generate = "or leave --rev-id out to generate one.";
		if (requested.isEmpty()) {
			throw new CliException(what + " is empty.", "Give an id of " + NAME_CHARACTERS + ", " + generate);
		}
		if (requested.length() > RevisionId.MAX_LENGTH) {
			throw new CliException(
					"Revision id %s (--rev-id) is %d characters long; an id has at most %d: ids are the version store's keys."
						.formatted(shownStart(requested), requested.length(), RevisionId.MAX_LENGTH),
					"Choose an id of at most %d characters, %s".formatted(RevisionId.MAX_LENGTH, generate));
		}
		if (RevisionId.isReserved(requested)) {
			throw new CliException(what + " is a reserved word: " + RESERVED + ".", "Choose another id, " + generate);
		}
		int index = firstNotName(requested);
		if (index >= 0) {
			throw new CliException(
					what + " holds " + describe(requested.codePointAt(index))
							+ ", which an id may not hold: the engine reads ids of " + NAME_CHARACTERS + " only.",
					"Use " + NAME_CHARACTERS + " only, for example '7c41e0a9b2d3', " + generate);
		}
		RevisionId id = RevisionId.of(requested);
		if (graph.contains(id)) {
			throw new CliException("Revision '%s' already exists (%s).".formatted(id, graph.get(id).source()),
					"Choose another --rev-id, or leave it out to generate one.");
		}
		RevisionId labelled = graph.labelled(requested);
		if (labelled != null) {
			throw new CliException(
					what + " is already the branch label of revision '%s' (%s); the engine refuses ".formatted(labelled,
							graph.get(labelled).source()) + "an id that is also a label.",
					"Choose another --rev-id, or leave it out to generate one.");
		}
		return id;
	}

	/**
	 * The labels for the new revision {@code id}, each checked as the header's parser and
	 * the graph check it: a name of letters, digits and {@code _} of at most
	 * {@value RevisionId#MAX_LENGTH} characters, given once, not a reserved word, not a
	 * revision id and not already a label.
	 */
	static List<String> branchLabels(List<String> labels, RevisionId id, RevisionGraph graph) {
		Set<String> checked = new LinkedHashSet<>();
		for (String label : labels) {
			String what = "Branch label " + shown(label) + " (--branch-label)";
			String example = "for example 'shopping'.";
			if (label.isEmpty()) {
				throw new CliException(what + " is empty.",
						"Give the label a name of " + NAME_CHARACTERS + ", " + example);
			}
			if (label.length() > RevisionId.MAX_LENGTH) {
				throw new CliException(
						"Branch label %s (--branch-label) is %d characters long; a label has at most %d, as ids do: "
							.formatted(shownStart(label), label.length(), RevisionId.MAX_LENGTH)
								+ "ids are the version store's keys.",
						"Choose a label of at most %d characters.".formatted(RevisionId.MAX_LENGTH));
			}
			int index = firstNotName(label);
			if (index >= 0) {
				throw new CliException(what + " holds " + describe(label.codePointAt(index))
						+ ", which a label may not hold: the engine reads 'branch_labels' as a comma-separated list "
						+ "of names.", "Use " + NAME_CHARACTERS + " only, " + example);
			}
			if (RevisionId.isReserved(label)) {
				throw new CliException(what + " is a reserved word: " + RESERVED + ".",
						"Choose another label, " + example);
			}
			if (!checked.add(label)) {
				throw new CliException(what + " is given twice.", "Give each label once.");
			}
			if (label.equals(id.value()) || graph.contains(RevisionId.of(label))) {
				throw new CliException(
						what + " is the id of a revision; the engine refuses a label that is also an id.",
						"Choose a label that is not a revision id, " + example);
			}
			RevisionId labelled = graph.labelled(label);
			if (labelled != null) {
				throw new CliException(
						what + " is already the label of revision '%s' (%s); a label names one branch."
							.formatted(labelled, graph.get(labelled).source()),
						"Choose another label, or target the existing branch with '%s@head'.".formatted(label));
			}
		}
		return List.copyOf(checked);
	}

	/**
	 * The revisions of {@code --depends-on} as the header will name them: a branch label
	 * as given, an id or a unique prefix as the full id, each once.
	 */
	static List<String> dependsOn(List<String> references, RevisionGraph graph) {
		TargetResolver resolver = new TargetResolver(graph, Set.of());
		Set<String> names = new LinkedHashSet<>();
		for (String reference : references) {
			if (reference.isEmpty()) {
				throw new CliException("Dependency '' (--depends-on) is empty.",
						"Separate the revisions with single commas, for example --depends-on 55ab12cd,billing.");
			}
			reference("Dependency", "--depends-on", reference);
			names.add((graph.labelled(reference) != null) ? reference : resolver.revision(reference).value());
		}
		return new ArrayList<>(names);
	}

	/**
	 * Checks a value that names a revision or a target: the engine resolves it, but one
	 * with a line break or a control character names nothing and would be echoed in the
	 * engine's message as it is.
	 * @param what what the value names, for messages ({@code The parent})
	 * @param option how the command line spells the option
	 */
	static void reference(String what, String option, String value) {
		int index = firstUnprintable(value);
		if (index >= 0) {
			throw new CliException(
					"%s %s (%s) holds %s, which no revision id, label or target holds.".formatted(what, shown(value),
							option, describe(value.codePointAt(index))),
					"Name a revision by its id, a unique prefix of it or a branch label, for example 'head', "
							+ "'7c41e0a9' or 'shopping@head'.");
		}
	}

	/**
	 * Where the first line break, control character or lone surrogate is, or -1.
	 */
	static int firstUnprintable(String value) {
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			if (isUnprintable(value.codePointAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static int firstNotName(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isUnprintable(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE ->
				true;
			default -> false;
		};
	}

	private static boolean isLineBreak(int codePoint) {
		return switch (codePoint) {
			case '\n', '\u000B', '\f', '\r', '\u0085', '\u2028', '\u2029' -> true;
			default -> false;
		};
	}

	/**
	 * A character as messages name it: {@code a line break (U+000A)}, {@code a control
	 * character (U+0009)} or {@code '-' (U+002D)}.
	 */
	static String describe(int codePoint) {
		String code = "U+%04X".formatted(codePoint);
		if (isLineBreak(codePoint)) {
			return "a line break (" + code + ")";
		}
		if (isUnprintable(codePoint)) {
			return "a control character (" + code + ")";
		}
		return "'" + Character.toString(codePoint) + "' (" + code + ")";
	}

	/**
	 * A value quoted for a message, with line breaks and control characters escaped
	 * ({@code \n}, {@code \u2028}) and cut after 80 characters.
	 */
	static String shown(String value) {
		StringBuilder shown = new StringBuilder("'");
		int length = 0;
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			if (length++ == 80) {
				shown.append("...");
				break;
			}
			int codePoint = value.codePointAt(i);
			switch (codePoint) {
				case '\n' -> shown.append("\\n");
				case '\r' -> shown.append("\\r");
				case '\t' -> shown.append("\\t");
				default -> {
					if (isUnprintable(codePoint)) {
						shown.append("\\u%04X".formatted(codePoint));
					}
					else {
						shown.appendCodePoint(codePoint);
					}
				}
			}
		}
		return shown.append("'").toString();
	}

	/**
	 * The first 16 characters of a value too long to show whole, as the engine shows
	 * them.
	 */
	private static String shownStart(String value) {
		String shown = shown(value.substring(0, 16));
		return shown.substring(0, shown.length() - 1) + "...'";
	}

}
