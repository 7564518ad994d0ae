package io.github.migrations.sample.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default database: its data and port survive a restart.
 */
class EmbeddedPostgresServerTests {

	@TempDir
	Path folder;

	private EmbeddedPostgresSettings settings() {
		return new EmbeddedPostgresSettings(this.folder.resolve("embedded-pg"), 0, "sample");
	}

	private static List<String> query(EmbeddedPostgresServer server, String sql) throws SQLException {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(server.jdbcUrl());
		dataSource.setUser(EmbeddedPostgresServer.USERNAME);
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			List<String> values = new ArrayList<>();
			if (statement.execute(sql)) {
				try (ResultSet rows = statement.getResultSet()) {
					while (rows.next()) {
						values.add(rows.getString(1));
					}
				}
			}
			return values;
		}
	}

	@Test
	void dataAndPortSurviveARestart() throws Exception {
		int port;
		try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings())) {
			port = first.port();
			assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/sample");
			query(first, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
		}
		assertThat(Files.readString(settings().portFile())).isEqualTo(Integer.toString(port));
		try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(settings())) {
			assertThat(second.port()).isEqualTo(port);
			assertThat(query(second, "SELECT body FROM notes")).containsExactly("kept");
		}
	}

	@Test
	void aTakenRememberedPortIsReplacedByAFreeOne() throws Exception {
		int taken;
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			taken = socket.getLocalPort();
			Files.createDirectories(this.folder);
			Files.writeString(settings().portFile(), Integer.toString(taken));
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings())) {
				assertThat(server.port()).isNotEqualTo(taken);
				assertThat(Files.readString(settings().portFile())).isEqualTo(Integer.toString(server.port()));
				assertThat(query(server, "SELECT current_database()")).containsExactly("sample");
			}
		}
	}

	@Test
	void aSecondContextInTheSameJvmGetsTheRunningServer() throws IOException {
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings())) {
			assertThat(EmbeddedPostgresServer.start(settings())).isSameAs(server);
		}
	}

}
