package io.github.migrations.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.migrations.test.database.TestDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A TCP proxy in front of a test database that counts round trips: each time a client
 * sends after the server has answered, it is waiting on the server once more. Sessions
 * opened through {@link #dataSource()} are counted.
 */
final class RoundTripCounter implements AutoCloseable {

	private final TestDatabase.Database database;

	private final InetSocketAddress server;

	private final ServerSocket listener;

	private final AtomicInteger roundTrips = new AtomicInteger();

	RoundTripCounter(TestDatabase.Database database) {
		this.database = database;
		URI uri = URI.create(database.url().substring("jdbc:".length()));
		this.server = new InetSocketAddress(uri.getHost(), uri.getPort());
		try {
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon(this::accept);
	}

	/**
	 * A data source whose sessions pass through the proxy, without TLS so that the
	 * traffic stays the same whatever the server offers.
	 */
	DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setServerNames(new String[] { "127.0.0.1" });
		dataSource.setPortNumbers(new int[] { this.listener.getLocalPort() });
		dataSource.setDatabaseName(this.database.name());
		dataSource.setUser(this.database.username());
		dataSource.setPassword(this.database.password());
		dataSource.setSslMode("disable");
		dataSource.setGssEncMode("disable");
		return dataSource;
	}

	/**
	 * The round trips of every session since the last call, and starts counting again.
	 */
	int take() {
		return this.roundTrips.getAndSet(0);
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				Socket upstream = new Socket(this.server.getAddress(), this.server.getPort());
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				Direction last = new Direction();
				daemon(() -> pump(client, upstream, last, true));
				daemon(() -> pump(upstream, client, last, false));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "round-trip-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	private void pump(Socket from, Socket to, Direction last, boolean fromClient) {
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) > 0) {
				synchronized (last) {
					if (fromClient && !last.clientSentLast) {
						this.roundTrips.incrementAndGet();
					}
					last.clientSentLast = fromClient;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// a session ended
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
	}

	/** Who sent last on one session. */
	private static final class Direction {

		boolean clientSentLast;

	}

}
