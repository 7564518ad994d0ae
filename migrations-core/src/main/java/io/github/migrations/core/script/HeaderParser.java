package io.github.migrations.core.script;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code -- key: value} lines of a revision file's header, one comment at a
 * time, and checks each value as it comes.
 */
final class HeaderParser {

	/**
	 * A comment shaped like a header line: a word, a colon, and the value (a colon
	 * followed by {@code //} starts a URL, not a value).
	 */
	private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z_-]*)\\s*:(?!//)(.*)");

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
	 * Reads one comment of the header, given without its leading {@code --}; comments
	 * that are not shaped like {@code key: value} are left alone.
	 */
	void read(int line, String comment) {
		Matcher matcher = KEY_VALUE.matcher(comment.strip());
		if (!matcher.matches()) {
			return;
		}
		String written = matcher.group(1);
		HeaderKey key = HeaderKey.of(written).orElseThrow(() -> unknownKey(line, written));
		Integer earlier = this.lines.putIfAbsent(key, line);
		if (earlier != null) {
			throw new ScriptException(ScriptLocation.at(this.file, line),
					"'%s' is given twice, on lines %d and %d".formatted(key.key(), earlier, line),
					"Keep only one of the two lines.");
		}
		read(key, line, matcher.group(2).strip());
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

	private ScriptException unknownKey(int line, String written) {
		HeaderKey closest = HeaderKey.closest(written);
		String suggestion = (closest != null) ? "Did you mean '%s'? ".formatted(closest.key()) : "";
		return new ScriptException(ScriptLocation.at(this.file, line), "unknown header key '%s'".formatted(written),
				suggestion + "The header keys are " + HeaderKey.list()
						+ " (a comment in the header must not start with a word and a colon).");
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
