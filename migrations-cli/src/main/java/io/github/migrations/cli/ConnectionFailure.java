package io.github.migrations.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * A database server that cannot be reached, said with the host and port the CLI tried
 * (never the credentials): the driver names them when a connection is refused, but not
 * when the host is unknown or does not answer.
 *
 * @param problem what went wrong, with the host and port
 * @param hint what to check
 */
record ConnectionFailure(String problem, String hint) {

	/**
	 * The failure to reach {@code server} that {@code ex} was caused by, or {@code null}
	 * when it was caused by something else.
	 * @param server the {@code host:port} list of the URL, without credentials
	 */
	static @Nullable ConnectionFailure of(Throwable ex, @Nullable String server) {
		if (server == null) {
			return null;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			String why = (cause instanceof UnknownHostException) ? "the host is unknown"
					: (cause instanceof ConnectException) ? "the connection was refused"
							: (cause instanceof NoRouteToHostException) ? "there is no route to the host"
									: (cause instanceof SocketTimeoutException) ? "the connection timed out" : null;
			if (why != null) {
				return new ConnectionFailure("Could not connect to the database at %s: %s.".formatted(server, why),
						"Check the host and port of the URL (--url, DATABASE_URL or the configuration file), and "
								+ "that PostgreSQL is running and accepts connections there.");
			}
		}
		return null;
	}

}
