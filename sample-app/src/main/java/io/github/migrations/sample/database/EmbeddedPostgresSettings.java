package io.github.migrations.sample.database;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How to run the embedded PostgreSQL server.
 *
 * @param dataDirectory where the server keeps its data between runs
 * @param port the port to listen on; {@code 0} for the port of the previous run, or a
 * free one
 * @param database the database to create (if missing) and connect to
 */
record EmbeddedPostgresSettings(Path dataDirectory, int port, String database) {

	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	EmbeddedPostgresSettings {
		dataDirectory = dataDirectory.toAbsolutePath().normalize();
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("sample.embedded-postgres.port must be between 0 and 65535, not " + port
					+ ". Use 0 to keep the port of the previous run.");
		}
		if (!DATABASE_NAME.matcher(database).matches()) {
			throw new IllegalArgumentException(("sample.embedded-postgres.database '%s' is not a plain PostgreSQL "
					+ "name. Use lower-case letters, digits and '_' (for example 'sample').")
				.formatted(database));
		}
	}

	/**
	 * The file that remembers the port between runs, beside the data directory.
	 */
	Path portFile() {
		return this.dataDirectory.resolveSibling(this.dataDirectory.getFileName() + ".port");
	}

}
