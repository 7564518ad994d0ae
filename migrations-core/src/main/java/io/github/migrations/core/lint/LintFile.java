package io.github.migrations.core.lint;

import java.nio.charset.StandardCharsets;

import io.github.migrations.core.script.ScriptFile;
import io.github.migrations.core.script.ScriptParser;
import io.github.migrations.core.script.SqlScript;

/**
 * A parsed revision file with its text, whose comments carry the {@code -- lint: allow}
 * opt-outs.
 */
public record LintFile(SqlScript script, String text) {

	/**
	 * Reads and parses a file.
	 * @throws io.github.migrations.core.script.ScriptException if it cannot be read or
	 * parsed
	 */
	public static LintFile of(ScriptFile file) {
		byte[] content = file.read();
		return of(file.path(), content);
	}

	/**
	 * Parses a file's bytes.
	 */
	public static LintFile of(String path, byte[] content) {
		SqlScript script = ScriptParser.parse(path, content);
		String text = new String(content, StandardCharsets.UTF_8);
		return new LintFile(script, text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

}
