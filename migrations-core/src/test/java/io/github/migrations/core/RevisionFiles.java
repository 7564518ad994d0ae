package io.github.migrations.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes revision files into a test's folder.
 */
final class RevisionFiles {

	private final Path folder;

	RevisionFiles(Path folder) {
		this.folder = folder;
	}

	String location() {
		return "filesystem:" + this.folder;
	}

	Path write(String name, String content) {
		try {
			return Files.writeString(this.folder.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A revision that creates one table and drops it on downgrade.
	 */
	Path table(String id, String parents, String table) {
		return write(id + "_" + table + ".sql", """
				-- revision: %s
				-- down_revision: %s
				-- message: create %s

				-- +upgrade
				CREATE TABLE %s (id bigint PRIMARY KEY);

				-- +downgrade
				DROP TABLE %s;
				""".formatted(id, parents, table, table, table));
	}

}
