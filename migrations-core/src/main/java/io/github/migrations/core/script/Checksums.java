package io.github.migrations.core.script;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checksums of revision files. A file is normalised before it is hashed, so that a byte
 * order mark, line endings, trailing whitespace and trailing blank lines never change its
 * checksum, while any other edit does. The work is done on the file's UTF-8 bytes, in one
 * pass, without decoding them: a run that finds nothing to do hashes every file, often in
 * a JVM that has only just started.
 */
public final class Checksums {

	private static final MessageDigest SHA_256 = sha256();

	private Checksums() {
	}

	/**
	 * The SHA-256 of the normalised file, in lowercase hex.
	 * @param content the file's bytes, valid UTF-8
	 */
	static String sha256(byte[] content) {
		return HexFormat.of().formatHex(newDigest().digest(normalise(content)));
	}

	/**
	 * A fresh SHA-256 digest, cloned: looking one up among the security providers for
	 * each file costs more than hashing a small file.
	 */
	public static MessageDigest newDigest() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			return sha256();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform supports SHA-256", ex);
		}
	}

	/**
	 * The file without a byte order mark, with {@code \n} line endings, without trailing
	 * whitespace ({@link Character#isWhitespace}) on any line and without trailing blank
	 * lines (nor a final line ending).
	 * @param content the file's bytes, valid UTF-8
	 */
	static byte[] normalise(byte[] content) {
		byte[] normalised = new byte[content.length];
		int length = 0;
		int contentEnd = 0;
		int start = ScriptText.textStart(content);
		for (int lineStart = start; lineStart <= content.length;) {
			int lineEnd = ScriptText.lineEnd(content, lineStart);
			int trimmedEnd = lineEnd;
			int whitespace;
			while ((whitespace = trailingWhitespace(content, lineStart, trimmedEnd)) > 0) {
				trimmedEnd -= whitespace;
			}
			if (lineStart > start) {
				normalised[length++] = '\n';
			}
			System.arraycopy(content, lineStart, normalised, length, trimmedEnd - lineStart);
			length += trimmedEnd - lineStart;
			if (trimmedEnd > lineStart) {
				contentEnd = length;
			}
			lineStart = ScriptText.nextLineStart(content, lineEnd);
		}
		return Arrays.copyOf(normalised, contentEnd);
	}

	/**
	 * The number of bytes of the whitespace character that ends
	 * {@code content[from, to)}, or 0 when it does not end with whitespace.
	 */
	private static int trailingWhitespace(byte[] content, int from, int to) {
		if (to <= from) {
			return 0;
		}
		byte last = content[to - 1];
		if (last >= 0) {
			return Character.isWhitespace(last) ? 1 : 0;
		}
		// the last character takes two or more bytes: find its first byte and decode it
		int first = to - 1;
		while (first > from && (content[first] & 0xC0) == 0x80) {
			first--;
		}
		int codePoint = switch (to - first) {
			case 2 -> ((content[first] & 0x1F) << 6) | (content[first + 1] & 0x3F);
			case 3 ->
				((content[first] & 0x0F) << 12) | ((content[first + 1] & 0x3F) << 6) | (content[first + 2] & 0x3F);
			default -> -1; // outside the Basic Multilingual Plane, where no character is
							// whitespace
		};
		return (codePoint >= 0 && Character.isWhitespace(codePoint)) ? to - first : 0;
	}

}
