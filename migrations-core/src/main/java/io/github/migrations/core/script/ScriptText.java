package io.github.migrations.core.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a revision file into text with {@code \n} line endings.
 */
final class ScriptText {

	private ScriptText() {
	}

	/**
	 * Decodes UTF-8, refusing bytes that are not UTF-8 rather than replacing them.
	 * @throws ScriptException naming the line of the first byte that is not UTF-8
	 */
	static String decode(String file, byte[] bytes) {
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
		return out.flip().toString();
	}

	/**
	 * The text without a byte order mark and with every {@code \r\n} or {@code \r} turned
	 * into {@code \n}.
	 */
	static String withLineFeeds(String text) {
		String withoutMark = text.startsWith("\uFEFF") ? text.substring(1) : text;
		if (withoutMark.indexOf('\r') < 0) {
			return withoutMark;
		}
		return withoutMark.replace("\r\n", "\n").replace('\r', '\n');
	}

	private static int lineOf(byte[] bytes, int position) {
		// a '\n' byte is never part of a multi-byte UTF-8 character
		int line = 1;
		for (int i = 0; i < position; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

}
