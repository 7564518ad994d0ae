package io.github.migrations.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of revision files that a test writes.
 */
final class RevisionFolder {

	private final Path folder;

	RevisionFolder(Path folder) {
		try {
			this.folder = Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path path() {
		return this.folder;
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
	 * A revision with the given upgrade statements and an empty downgrade section.
	 */
	Path revision(String id, String parent, String upgrade) {
		return write(id + ".sql", """
				-- revision: %s
				-- down_revision: %s
				-- message: %s

				-- +upgrade
				%s

				-- +downgrade
				""".formatted(id, parent, "revision " + id, upgrade));
	}

	/**
	 * Like {@link #revision}, run outside a transaction.
	 */
	Path nonTransactional(String id, String parent, String upgrade) {
		return write(id + ".sql", """
				-- revision: %s
				-- down_revision: %s
				-- message: %s
				-- transactional: false

				-- +upgrade
				%s

				-- +downgrade
				""".formatted(id, parent, "revision " + id, upgrade));
	}

	/**
	 * The id of the {@code n}th revision of a numbered line, starting at 1: {@code r001}.
	 */
	static String id(int n) {
		return "r%03d".formatted(n);
	}

	static String parent(int n) {
		return (n == 1) ? "base" : id(n - 1);
	}

}
