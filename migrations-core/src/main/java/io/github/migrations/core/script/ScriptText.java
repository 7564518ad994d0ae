package io.github.migrations.core.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.github.migrations.core.api.ScriptLocation;

/**
 * The bytes of a revision file as text: UTF-8, with or without a byte order mark, with
 * lines ending in {@code \n}, {@code \r\n} or {@code \r}. Files are kept as bytes and
 * only the parts that are needed are decoded.
 */
final class ScriptText {

	private ScriptText() {
	}

	/**
	 * Checks that the bytes are UTF-8 text without NUL bytes. A file of ASCII only, the
	 * common case, is checked in one pass over its bytes; any other file is decoded,
	 * refusing what is not UTF-8 rather than replacing it.
	 * @throws ScriptException naming the line of the first NUL byte or byte that is not
	 * UTF-8
	 */
	static void checkUtf8(String file, byte[] bytes) {
		boolean ascii = true;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				throw new ScriptException(ScriptLocation.at(file, lineOf(bytes, i)),
						"the file holds a NUL byte (0x00), which PostgreSQL can neither store nor run",
						"Remove it: a NUL byte usually comes from a file saved as UTF-16 or from a binary paste.");
			}
			ascii &= bytes[i] >= 0;
		}
		if (!ascii) {
			decodeStrictly(file, bytes);
		}
	}

	private static void decodeStrictly(String file, byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		// UTF-8 never takes fewer bytes than UTF-16 takes chars
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int position = in.position();
			throw new ScriptException(ScriptLocation.at(file, lineOf(bytes, position)),
					"the file is not valid UTF-8 (byte 0x%02X on this line)".formatted(bytes[position] & 0xFF),
					"Save the file with UTF-8 encoding.");
		}
	}

	/**
	 * Where the text starts: after the byte order mark, if the file has one.
	 */
	static int textStart(byte[] bytes) {
		boolean mark = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
				&& bytes[2] == (byte) 0xBF;
		return mark ? 3 : 0;
	}

	/**
	 * The end of the line that starts at {@code from}: the position of its line ending,
	 * or the end of the file.
	 */
	static int lineEnd(byte[] bytes, int from) {
		int end = from;
		while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
			end++;
		}
		return end;
	}

	/**
	 * Where the line after the one ending at {@code lineEnd} starts; past the end of the
	 * file ({@code bytes.length + 1}) when there is none.
	 */
	static int nextLineStart(byte[] bytes, int lineEnd) {
		if (lineEnd >= bytes.length) {
			return bytes.length + 1;
		}
		boolean crlf = bytes[lineEnd] == '\r' && lineEnd + 1 < bytes.length && bytes[lineEnd + 1] == '\n';
		return lineEnd + (crlf ? 2 : 1);
	}

	/**
	 * The text of {@code bytes[from, to)}, already checked to be UTF-8, with every
	 * {@code \r\n} or {@code \r} turned into {@code \n}.
	 */
	static String text(byte[] bytes, int from, int to) {
		String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
		if (text.indexOf('\r') < 0) {
			return text;
		}
		return text.replace("\r\n", "\n").replace('\r', '\n');
	}

	private static int lineOf(byte[] bytes, int position) {
		// a line ending byte is never part of a multi-byte UTF-8 character
		int line = 1;
		for (int i = nextLineStart(bytes, lineEnd(bytes, 0)); i <= position; i = nextLineStart(bytes,
				lineEnd(bytes, i))) {
			line++;
		}
		return line;
	}

}
