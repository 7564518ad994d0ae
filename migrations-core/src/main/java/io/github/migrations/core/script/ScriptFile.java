package io.github.migrations.core.script;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;

import io.github.migrations.core.api.ScriptLocation;

/**
 * A revision file found by {@link ScriptSource}: its path as shown in messages, and how
 * to read it.
 *
 * @param path the file as the user knows it, such as
 * {@code db/revisions/a1b2c3d4e5f6_orders.sql}
 * @param opener opens the file's bytes
 * @param size the file's size in bytes, or {@code -1} when it is known only by reading it
 * @param crc the CRC-32 of the file's bytes, or {@code -1} when it is known only by
 * reading it (a jar's directory holds both for every entry)
 */
public record ScriptFile(String path, Opener opener, long size, long crc) {

	/**
	 * A file whose size and CRC-32 are known only by reading it.
	 */
	public ScriptFile(String path, Opener opener) {
		this(path, opener, -1, -1);
	}

	/**
	 * Reads the whole file.
	 * @throws ScriptException if the file cannot be read
	 */
	public byte[] read() {
		try (InputStream content = this.opener.open()) {
			return content.readAllBytes();
		}
		catch (IOException ex) {
			throw new ScriptException(ScriptLocation.at(this.path, 0), "could not read the file: " + ex,
					"Check that the file exists and can be read, then try again.", ex);
		}
	}

	/**
	 * The file's path, size and CRC-32 on one line: read from the jar's directory for a
	 * file in a jar, without reading the file, else from its bytes.
	 * @throws ScriptException if the file has to be read and cannot be
	 */
	String stamp() {
		if (this.crc >= 0) {
			return this.path + '\t' + this.size + '\t' + this.crc;
		}
		byte[] content = read();
		CRC32 crc32 = new CRC32();
		crc32.update(content);
		return this.path + '\t' + content.length + '\t' + crc32.getValue();
	}

	/**
	 * Parses the file.
	 * @throws ScriptException if the file cannot be read or parsed
	 */
	public SqlScript parse() {
		return ScriptParser.parse(this.path, read());
	}

	/**
	 * Opens a file's bytes; the caller closes the stream.
	 */
	@FunctionalInterface
	public interface Opener {

		InputStream open() throws IOException;

	}

}
