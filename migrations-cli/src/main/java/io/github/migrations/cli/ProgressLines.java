package io.github.migrations.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Standard error with a progress line on it ({@code Upgrading to c3 ... done in 12 ms}):
 * whatever else is written while that line is open (a warning logged meanwhile, by any
 * thread, or an error) starts on a line of its own, and the progress line is then
 * finished on a new line that says again what it was about.
 */
final class ProgressLines extends PrintStream {

	private final LineEnds ends;

	private ProgressLines(LineEnds ends) {
		super(ends, true, StandardCharsets.UTF_8);
		this.ends = ends;
	}

	/**
	 * Writes through to {@code err}.
	 */
	static ProgressLines over(PrintStream err) {
		return (err instanceof ProgressLines lines) ? lines : new ProgressLines(new LineEnds(err));
	}

	/**
	 * Opens a progress line: {@code Upgrading to c3 ... }.
	 */
	synchronized void start(String text) {
		this.ends.own = true;
		try {
			print(text);
			flush();
		}
		finally {
			this.ends.own = false;
		}
		this.ends.open = text;
		this.ends.interrupted = false;
	}

	/**
	 * Finishes the open progress line with {@code text}, on a new line that repeats its
	 * start when something else was written meanwhile.
	 */
	synchronized void finish(String text) {
		String open = this.ends.open;
		this.ends.open = null;
		this.ends.own = true;
		try {
			println((open != null && this.ends.interrupted) ? open + text : text);
		}
		finally {
			this.ends.own = false;
		}
	}

	/**
	 * Ends the open progress line before other text.
	 */
	private static final class LineEnds extends FilterOutputStream {

		private @Nullable String open;

		private boolean interrupted;

		private boolean own;

		LineEnds(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			breakLine();
			this.out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			breakLine();
			this.out.write(bytes, offset, length);
		}

		private void breakLine() throws IOException {
			if (this.open != null && !this.own && !this.interrupted) {
				this.out.write('\n');
				this.interrupted = true;
			}
		}

	}

}
