package io.github.migrations.core.api;

/**
 * A place in a revision file: the file as the user knows it (a location-relative path
 * such as {@code db/revisions/7c41e0a9b2d3_add_orders.sql}) and a 1-based line.
 */
public record ScriptLocation(String file, int line) {

	public static ScriptLocation at(String file, int line) {
		return new ScriptLocation(file, line);
	}

	@Override
	public String toString() {
		return (this.line > 0) ? this.file + ":" + this.line : this.file;
	}

}
