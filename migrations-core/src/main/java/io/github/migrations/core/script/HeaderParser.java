package io.github.migrations.core.script;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code -- key: value} lines of a revision file's header, one comment at a
 * time, and checks each value as it comes.
 */
final class HeaderParser {

	private static final Pattern DURATION = Pattern.compile("[0-9]+(ms|s|min|h|d)?");

	private final String file;

	private final Map<HeaderKey, Integer> lines = new EnumMap<>(HeaderKey.class);

	private final HeaderValues values;

	private @Nullable RevisionId revision;

	private @Nullable List<RevisionId> downRevisions;

	private @Nullable String message;

	private List<String> branchLabels = List.of();

	private List<String> dependsOn = List.of();

	private boolean transactional = true;

	private @Nullable String lockTimeout;

	private @Nullable String statementTimeout;

	HeaderParser(String file) {
		this.file = file;
		this.values = new HeaderValues(file);
	}

	/**
	 * Reads one comment of the header, given without its leading {@code --}. Comments
	 * that are not shaped like {@code key: value}, or whose key is no misspelling of a
	 * header key ({@code -- note: reviewed by DBA}), are left alone.
	 */
	void read(int line, String comment) {
		int colon = keyEnd(comment);
		if (colon < 0) {
			return;
		}
		String written = comment.substring(0, colon).stripTrailing();
		HeaderKey key = HeaderKey.of(written);
		if (key == null) {
			HeaderKey closest = HeaderKey.closest(written);
			if (closest == null) {
				return;
			}
			throw misspelledKey(line, written, closest);
		}
		Integer earlier = (key != HeaderKey.LINT) ? this.lines.putIfAbsent(key, line) : null;
		if (earlier != null) {
			throw new ScriptException(ScriptLocation.at(this.file, line),
					"'%s' is given twice, on lines %d and %d".formatted(key.key(), earlier, line),
					"Keep only one of the two lines.");
		}
		read(key, line, comment.substring(colon + 1).strip());
	}

	/**
	 * Where the colon of a comment shaped like a header line is, or -1: a word of
	 * letters, '_' and '-' (not starting with '-'), optional whitespace, and a colon that
	 * does not start a URL ({@code //}).
	 */
	private static int keyEnd(String comment) {
		int end = 0;
		while (end < comment.length() && isKeyCharacter(comment.charAt(end), end == 0)) {
			end++;
		}
		if (end == 0) {
			return -1;
		}
		int colon = end;
		while (colon < comment.length() && Character.isWhitespace(comment.charAt(colon))) {
			colon++;
		}
		boolean isColon = colon < comment.length() && comment.charAt(colon) == ':';
		return (isColon && !comment.startsWith("//", colon + 1)) ? colon : -1;
	}

	private static boolean isKeyCharacter(char c, boolean first) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c == '-' && !first);
	}

	private void read(HeaderKey key, int line, String value) {
		switch (key) {
			case REVISION -> this.revision = this.values.revisionId(key, line, value);
			case DOWN_REVISION -> this.downRevisions = this.values.downRevisions(line, value);
			case MESSAGE -> this.message = value.isEmpty() ? null : value;
			case BRANCH_LABELS -> this.branchLabels = this.values.names(key, line, value);
			case DEPENDS_ON -> this.dependsOn = this.values.names(key, line, value);
			case TRANSACTIONAL -> this.transactional = transactional(line, value);
			case LOCK_TIMEOUT -> this.lockTimeout = duration(key, line, value);
			case STATEMENT_TIMEOUT -> this.statementTimeout = duration(key, line, value);
			case LINT -> {
				// read by lint from the file's comments
			}
		}
	}

	private boolean transactional(int line, String value) {
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> throw this.values.noValueOr(HeaderKey.TRANSACTIONAL, line, value,
					"transactional must be 'true' or 'false', not '%s'".formatted(value),
					"Write '-- transactional: false' to run the revision outside a transaction, "
							+ "or remove the line to run it in one.");
		};
	}

	private String duration(HeaderKey key, int line, String value) {
		if (!DURATION.matcher(value).matches()) {
			throw this.values.noValueOr(key, line, value,
					"%s '%s' is not a PostgreSQL duration".formatted(key.key(), value),
					"Write a whole number with a unit of ms, s, min, h or d, for example '5s' "
							+ "(a number alone means milliseconds).");
		}
		return value;
	}

	private ScriptException misspelledKey(int line, String written, HeaderKey closest) {
		return new ScriptException(ScriptLocation.at(this.file, line), "unknown header key '%s'".formatted(written),
				"Did you mean '%s'? The header keys are %s (another word and a colon, as in '-- note: ...', is a "
					.formatted(closest.key(), HeaderKey.list()) + "free comment).");
	}

	/**
	 * The header read so far.
	 * @throws ScriptException if {@code revision} or {@code down_revision} is missing
	 */
	Header header() {
		if (this.revision == null) {
			throw missing(HeaderKey.REVISION, "Add it at the top of the file, for example '%s'.");
		}
		if (this.downRevisions == null) {
			throw missing(HeaderKey.DOWN_REVISION, "Add it below 'revision': '-- down_revision: base' for a first "
					+ "revision, or the id of the revision it follows, for example '%s'.");
		}
		Revision revision = new Revision(this.revision, this.downRevisions, Set.copyOf(this.branchLabels),
				this.dependsOn, this.message, this.file);
		return new Header(revision, this.transactional, this.lockTimeout, this.statementTimeout);
	}

	private ScriptException missing(HeaderKey key, String hint) {
		return new ScriptException(ScriptLocation.at(this.file, 1), "the header has no '%s' line".formatted(key.key()),
				hint.formatted(key.example()));
	}

	/**
	 * What a header says.
	 */
	record Header(Revision revision, boolean transactional, @Nullable String lockTimeout,
			@Nullable String statementTimeout) {

	}

}
