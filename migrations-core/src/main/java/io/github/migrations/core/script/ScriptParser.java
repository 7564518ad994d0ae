package io.github.migrations.core.script;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.migrations.core.api.ScriptLocation;
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

	private final String file;

	private final byte[] content;

	private final int textStart;

	private final HeaderParser header;

	/**
	 * Whether a line above the first marker is neither blank nor a {@code --} comment: it
	 * may be a block comment, or SQL that is in the wrong place.
	 */
	private boolean headerHasOtherLines;

	private @Nullable Marker upgrade;

	private @Nullable Marker downgrade;

	/** Where a marker-looking comment is a comment, not inside a string or a body. */
	private final TopLevel topLevel;

	private ScriptParser(String file, byte[] content) {
		this.file = file;
		this.content = content;
		this.textStart = ScriptText.textStart(content);
		this.header = new HeaderParser(file);
		this.topLevel = new TopLevel(content, this.textStart);
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
		ScriptText.checkUtf8(file, content);
		return new ScriptParser(file, content).parse(Checksums.sha256(content));
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
		return parse(file, content.getBytes(StandardCharsets.UTF_8));
	}

	private SqlScript parse(String checksum) {
		readLines();
		Marker first = first();
		int sqlLine = (first == null) ? firstSqlLine(this.content.length) : 0;
		if (sqlLine > 0) {
			throw withoutUpgradeMarker(sqlLine);
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

	/**
	 * Reads every line that is a comment (after any whitespace): section markers
	 * anywhere, header lines above the first marker. Other lines are only stepped over.
	 */
	private void readLines() {
		byte[] bytes = this.content;
		int line = 1;
		for (int start = this.textStart; start <= bytes.length; line++) {
			int end = ScriptText.lineEnd(bytes, start);
			int first = start;
			while (first < end && isWhitespace(bytes[first])) {
				first++;
			}
			int next = ScriptText.nextLineStart(bytes, end);
			if (first + 1 < end && bytes[first] == '-' && bytes[first + 1] == '-') {
				readComment(line, start, first, end, next, ScriptText.text(bytes, first + 2, end).strip());
			}
			else if (first < end) {
				this.headerHasOtherLines |= first() == null;
				refuseTrailingMarker(line, first, end);
			}
			start = next;
		}
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\t' || b == '\f' || b == '\u000B';
	}

	private void readComment(int line, int start, int first, int end, int next, String comment) {
		if ((comment.startsWith("+") || isMarkerWithoutPlus(comment)) && !this.topLevel.at(first)) {
			// a line of a string or a body that the splitter keeps whole
			return;
		}
		if (comment.startsWith("+")) {
			marker(new Marker(ScriptText.text(this.content, start, end).strip(), line, start, next));
		}
		else if (isMarkerWithoutPlus(comment)) {
			String section = comment.replace(":", "").toLowerCase(Locale.ROOT);
			throw new ScriptException(ScriptLocation.at(this.file, line),
					"'%s' looks like a section marker without its '+'"
						.formatted(ScriptText.text(this.content, start, end).strip()),
					"Write '-- +%s' to start the %s section (a comment that is only the word would let its statements "
						.formatted(section, section) + "run in the section above), or reword the comment.");
		}
		else if (first() == null) {
			this.header.read(line, comment);
		}
	}

	/**
	 * Refuses {@code -- +upgrade} or {@code -- +downgrade} after SQL on the same line: a
	 * marker starts a section only on a line of its own, so the statements below it would
	 * silently stay in the section above.
	 */
	private void refuseTrailingMarker(int line, int first, int end) {
		byte[] bytes = this.content;
		for (int i = first + 1; i + 1 < end; i++) {
			if (bytes[i] == '-' && bytes[i + 1] == '-') {
				String comment = ScriptText.text(bytes, i + 2, end).strip();
				String marker = comment.toLowerCase(Locale.ROOT);
				if ((marker.startsWith("+upgrade") || marker.startsWith("+downgrade")) && this.topLevel.at(i)) {
					throw new ScriptException(ScriptLocation.at(this.file, line),
							"'-- %s' after a statement is not a section marker".formatted(comment),
							"Put the marker on a line of its own: a section starts only at a line that is just "
									+ "the marker, and the statements below this one would run in the section above.");
				}
			}
		}
	}

	private ScriptException withoutUpgradeMarker(int sqlLine) {
		return new ScriptException(ScriptLocation.at(this.file, sqlLine), "SQL without a '-- +upgrade' marker",
				"Add a line '-- +upgrade' above the statements that apply the revision, "
						+ "and '-- +downgrade' above those that undo it.");
	}

	private static boolean isMarkerWithoutPlus(String comment) {
		String word = comment.endsWith(":") ? comment.substring(0, comment.length() - 1) : comment;
		return word.equalsIgnoreCase("upgrade") || word.equalsIgnoreCase("downgrade");
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
		int sqlLine = (first() == null) ? firstSqlLine(marker.start()) : 0;
		if (sqlLine > 0 && marker.text().equals(DOWNGRADE)) {
			// statements, then the downgrade marker: the upgrade marker above them is
			// missing
			throw withoutUpgradeMarker(sqlLine);
		}
		if (sqlLine > 0) {
			throw new ScriptException(ScriptLocation.at(this.file, sqlLine), "SQL before '%s'".formatted(marker.text()),
					"Move the statement below the marker, or turn it into a comment.");
		}
		if (marker.text().equals(UPGRADE)) {
			this.upgrade = marker;
		}
		else {
			this.downgrade = marker;
		}
	}

	/**
	 * The line of the first statement above {@code headerEnd}, or 0 when there is none.
	 * Lines that are all blank or {@code --} comments hold none; anything else is split
	 * as SQL to tell a block comment from a statement.
	 */
	private int firstSqlLine(int headerEnd) {
		if (!this.headerHasOtherLines) {
			return 0;
		}
		List<SqlStatement> statements = StatementSplitter.split(this.file,
				ScriptText.text(this.content, this.textStart, headerEnd), 1);
		return statements.isEmpty() ? 0 : statements.get(0).line();
	}

	/**
	 * Splits the section when its statements are first needed; until then only the file's
	 * bytes are kept, not decoded.
	 */
	private Supplier<List<SqlStatement>> section(@Nullable Marker section) {
		if (section == null) {
			return List::of;
		}
		byte[] bytes = this.content;
		int start = Math.min(section.next(), bytes.length);
		Marker other = (section == this.upgrade) ? this.downgrade : this.upgrade;
		int end = (other != null && other.start() > section.start()) ? other.start() : bytes.length;
		String file = this.file;
		int line = section.line() + 1;
		return () -> StatementSplitter.split(file, ScriptText.text(bytes, start, end), line);
	}

	private @Nullable Marker first() {
		if (this.upgrade == null || this.downgrade == null) {
			return (this.upgrade != null) ? this.upgrade : this.downgrade;
		}
		return (this.upgrade.start() < this.downgrade.start()) ? this.upgrade : this.downgrade;
	}

	/**
	 * A line that starts a section: its trimmed text, its number, where it starts in the
	 * file's bytes and where the line after it starts.
	 */
	private record Marker(String text, int line, int start, int next) {

	}

}
