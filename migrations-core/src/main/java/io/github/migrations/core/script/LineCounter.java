package io.github.migrations.core.script;

/**
 * Turns positions into file lines. Positions are asked for in increasing order, so all
 * questions together read the text once.
 */
final class LineCounter {

	private final String text;

	private final int firstLine;

	private int position;

	private int newlines;

	LineCounter(String text, int firstLine) {
		this.text = text;
		this.firstLine = firstLine;
	}

	int lineAt(int target) {
		if (target < this.position) {
			this.position = 0;
			this.newlines = 0;
		}
		for (; this.position < target; this.position++) {
			if (this.text.charAt(this.position) == '\n') {
				this.newlines++;
			}
		}
		return this.firstLine + this.newlines;
	}

}
