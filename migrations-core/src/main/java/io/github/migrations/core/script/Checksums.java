package io.github.migrations.core.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of revision files. A file is normalised before it is hashed, so that a byte
 * order mark, line endings, trailing whitespace and trailing blank lines never change its
 * checksum, while any other edit does.
 */
final class Checksums {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private Checksums() {
	}

	/**
	 * The SHA-256 of the normalised text, in lowercase hex.
	 */
	static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(normalise(text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform supports SHA-256", ex);
		}
	}

	/**
	 * The text without a byte order mark, with {@code \n} line endings, without trailing
	 * whitespace on any line and without trailing blank lines (nor a final line ending).
	 */
	static String normalise(String text) {
		int start = (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? 1 : 0;
		StringBuilder normalised = new StringBuilder(text.length());
		int contentEnd = 0;
		int lineStart = start;
		while (lineStart <= text.length()) {
			int lineEnd = lineEnd(text, lineStart);
			int trimmedEnd = lineEnd;
			while (trimmedEnd > lineStart && Character.isWhitespace(text.charAt(trimmedEnd - 1))) {
				trimmedEnd--;
			}
			if (lineStart > start) {
				normalised.append('\n');
			}
			normalised.append(text, lineStart, trimmedEnd);
			if (trimmedEnd > lineStart) {
				contentEnd = normalised.length();
			}
			lineStart = nextLineStart(text, lineEnd);
		}
		normalised.setLength(contentEnd);
		return normalised.toString();
	}

	private static int lineEnd(String text, int from) {
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return i;
			}
		}
		return text.length();
	}

	private static int nextLineStart(String text, int lineEnd) {
		if (lineEnd >= text.length()) {
			return text.length() + 1;
		}
		boolean crlf = text.charAt(lineEnd) == '\r' && lineEnd + 1 < text.length() && text.charAt(lineEnd + 1) == '\n';
		return lineEnd + (crlf ? 2 : 1);
	}

}
