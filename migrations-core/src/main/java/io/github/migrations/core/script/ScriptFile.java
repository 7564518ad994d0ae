package io.github.migrations.core.script;

import java.io.IOException;
import java.io.InputStream;

import io.github.migrations.core.api.ScriptLocation;

/**
 * A revision file found by {@link ScriptSource}: its path as shown in messages, and how
 * to read it.
 *
 * @param path the file as the user knows it, such as
 * {@code db/revisions/a1b2c3d4e5f6_orders.sql}
 * @param opener opens the file's bytes
 */
public record ScriptFile(String path, Opener opener) {

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
