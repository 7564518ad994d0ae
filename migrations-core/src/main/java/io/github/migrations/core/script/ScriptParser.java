package io.github.migrations.core.script;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.migrations.core.script.HeaderParser.Header;
import org.jspecify.annotations.Nullable;

/**
 * Turns one revision file into a {@link SqlScript}: a header of {@code -- key: value}
 * comments, then an {@code -- +upgrade} section and an optional {@code -- +downgrade}
 * section. Every problem is a {@link ScriptException} naming the file and line.
 */
public final class ScriptParser {

	static final String UPGRADE = "-- +upgrade";

	static final String DOWNGRADE = "-- +downgrade";

	/**
	 * A comment that is only the word of a section, such as {@code -- downgrade}: a
	 * marker whose '+' was forgotten.
	 */
	private static final Pattern MARKER_WITHOUT_PLUS = Pattern.compile("(?i)(upgrade|downgrade):?");

	private final String file;

	private final String text;

	private final HeaderParser header;

	private @Nullable Marker upgrade;

	private @Nullable Marker downgrade;

	private ScriptParser(String file, String text) {
		this.file = file;
		this.text = text;
		this.header = new HeaderParser(file);
	}

	/**
	 * Parses a file's bytes, which must be UTF-8.
	 * @param file the file as shown in messages, such as
	 * {@code db/revisions/7c41e0a9b2d3_add_orders.sql}
	 * @param content the file's bytes
	 * @return the parsed revision
	 * @throws ScriptException if the file is not UTF-8 or cannot be parsed
	 */
	public static SqlScript parse(String file, byte[] content) {
		return parse(file, ScriptText.decode(file, content));
	}

	/**
	 * Parses a file's text.
	 * @param file the file as shown in messages
	 * @param content the file's text; a leading byte order mark and any line endings are
	 * fine
	 * @return the parsed revision
	 * @throws ScriptException if the file cannot be parsed
	 */
	public static SqlScript parse(String file, String content) {
		return new ScriptParser(file, ScriptText.withLineFeeds(content)).parse(Checksums.sha256(content));
	}

	private SqlScript parse(String checksum) {
		readLines();
		Marker first = first();
		if (first == null) {
			checkNoSql(this.text.length(), "SQL without a '-- +upgrade' marker",
					"Add a line '-- +upgrade' above the statements that apply the revision, "
							+ "and '-- +downgrade' above those that undo it.");
		}
		if (this.upgrade == null && this.downgrade != null) {
			throw new ScriptException(ScriptLocation.at(this.file, this.downgrade.line()),
					"'-- +downgrade' section without an '-- +upgrade' section",
					"Add a line '-- +upgrade' followed by the statements that apply the revision "
							+ "(a revision that changes nothing may leave it empty).");
		}
		Header header = this.header.header();
		Supplier<List<SqlStatement>> upgrade = section(this.upgrade);
		Supplier<List<SqlStatement>> downgrade = (this.downgrade != null) ? section(this.downgrade)
				: (first == null) ? List::of : null;
		return new SqlScript(header.revision(), this.file, upgrade, downgrade, checksum, header.transactional(),
				header.lockTimeout(), header.statementTimeout());
	}

	private void readLines() {
		int line = 1;
		for (int start = 0; start <= this.text.length(); line++) {
			int end = this.text.indexOf('\n', start);
			end = (end >= 0) ? end : this.text.length();
			int first = start;
			while (first < end && SqlLexing.isWhitespace(this.text.charAt(first))) {
				first++;
			}
			if (this.text.startsWith("--", first)) {
				readComment(line, start, end, this.text.substring(first + 2, end).strip());
			}
			start = end + 1;
		}
	}

	private void readComment(int line, int start, int end, String comment) {
		if (comment.startsWith("+")) {
			marker(new Marker(this.text.substring(start, end).strip(), line, start, end));
		}
		else if (MARKER_WITHOUT_PLUS.matcher(comment).matches()) {
			String section = comment.replace(":", "").toLowerCase(Locale.ROOT);
			throw new ScriptException(ScriptLocation.at(this.file, line),
					"'%s' looks like a section marker without its '+'"
						.formatted(this.text.substring(start, end).strip()),
					"Write '-- +%s' to start the %s section (a comment that is only the word would let its statements "
						.formatted(section, section) + "run in the section above), or reword the comment.");
		}
		else if (first() == null) {
			this.header.read(line, comment);
		}
	}

	private void marker(Marker marker) {
		Marker earlier = switch (marker.text()) {
			case UPGRADE -> this.upgrade;
			case DOWNGRADE -> this.downgrade;
			default -> throw new ScriptException(ScriptLocation.at(this.file, marker.line()),
					"unknown section marker '%s'; expected '%s' or '%s'".formatted(marker.text(), UPGRADE, DOWNGRADE),
					"Fix the marker, or write the comment without '+' after '--'.");
		};
		if (earlier != null) {
			throw new ScriptException(ScriptLocation.at(this.file, marker.line()),
					"'%s' appears twice, on lines %d and %d".formatted(marker.text(), earlier.line(), marker.line()),
					"A file has one section of each kind; put all of its statements below one marker.");
		}
		if (first() == null) {
			checkNoSql(marker.start(), "SQL before '%s'".formatted(marker.text()),
					"Move the statement below the marker, or turn it into a comment.");
		}
		if (marker.text().equals(UPGRADE)) {
			this.upgrade = marker;
		}
		else {
			this.downgrade = marker;
		}
	}

	private void checkNoSql(int headerEnd, String problem, String hint) {
		List<SqlStatement> statements = StatementSplitter.split(this.file, this.text.substring(0, headerEnd), 1);
		if (!statements.isEmpty()) {
			throw new ScriptException(ScriptLocation.at(this.file, statements.get(0).line()), problem, hint);
		}
	}

	/**
	 * Splits the section when its statements are first needed; only its text is kept
	 * until then.
	 */
	private Supplier<List<SqlStatement>> section(@Nullable Marker section) {
		if (section == null) {
			return List::of;
		}
		int start = Math.min(section.end() + 1, this.text.length());
		Marker other = (section == this.upgrade) ? this.downgrade : this.upgrade;
		int end = (other != null && other.start() > section.start()) ? other.start() : this.text.length();
		String body = this.text.substring(start, end);
		String file = this.file;
		int line = section.line() + 1;
		return () -> StatementSplitter.split(file, body, line);
	}

	private @Nullable Marker first() {
		if (this.upgrade == null || this.downgrade == null) {
			return (this.upgrade != null) ? this.upgrade : this.downgrade;
		}
		return (this.upgrade.start() < this.downgrade.start()) ? this.upgrade : this.downgrade;
	}

	/**
	 * A line that starts a section: its trimmed text, its number, and where it starts and
	 * ends in the text.
	 */
	private record Marker(String text, int line, int start, int end) {

	}

}
