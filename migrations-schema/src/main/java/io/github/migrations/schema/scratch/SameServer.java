package io.github.migrations.schema.scratch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;

/**
 * Scratch databases made with {@code CREATE DATABASE} on the server of a configured
 * database, and dropped when closed (those still open when the server is closed, too).
 */
final class SameServer implements ScratchServer {

	/** PostgreSQL's {@code insufficient_privilege}. */
	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private final DataSource server;

	private final Function<String, DataSource> connectTo;

	private final List<ScratchDatabase> open = new ArrayList<>();

	SameServer(DataSource server, Function<String, DataSource> connectTo) {
		this.server = server;
		this.connectTo = connectTo;
	}

	@Override
	public synchronized ScratchDatabase create() {
		String name = ScratchNames.next();
		String role = "the configured user";
		try (Connection connection = this.server.getConnection(); Statement statement = connection.createStatement()) {
			role = "'" + connection.getMetaData().getUserName() + "'";
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			if (INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())) {
				throw new MigrationException(
						"Could not create a scratch database: role %s may not create databases (%s)".formatted(role,
								Secrets.mask(String.valueOf(ex.getMessage()))),
						"A scratch database holds the schema the revisions produce, on the configured database's "
								+ "server. Grant the role CREATEDB ('ALTER ROLE %s CREATEDB') or connect as a role "
									.formatted(role.replace("'", "\""))
								+ "that has it.",
						ex);
			}
			throw new MigrationException(
					"Could not create a scratch database '%s': %s".formatted(name,
							Secrets.mask(String.valueOf(ex.getMessage()))),
					"Check that the server accepts connections.", ex);
		}
		ScratchDatabase[] made = new ScratchDatabase[1];
		made[0] = new ScratchDatabase(name, this.connectTo.apply(name), () -> drop(made[0]));
		this.open.add(made[0]);
		return made[0];
	}

	private synchronized void drop(ScratchDatabase database) {
		if (!this.open.remove(database)) {
			return;
		}
		try (Connection connection = this.server.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
					+ database.name() + "' AND pid <> pg_backend_pid()");
			statement.execute("DROP DATABASE IF EXISTS " + database.name());
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Could not drop scratch database '%s': %s".formatted(database.name(),
							Secrets.mask(String.valueOf(ex.getMessage()))),
					"Drop it by hand with 'DROP DATABASE %s'.".formatted(database.name()), ex);
		}
	}

	@Override
	public synchronized void close() {
		for (ScratchDatabase database : List.copyOf(this.open)) {
			database.close();
		}
	}

}
