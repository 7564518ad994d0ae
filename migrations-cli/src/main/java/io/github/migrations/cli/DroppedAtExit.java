package io.github.migrations.cli;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.schema.scratch.ScratchDatabase;
import io.github.migrations.schema.scratch.ScratchServer;

/**
 * Scratch databases on the configured server that are dropped also when the process is
 * stopped midway (Ctrl-C, {@code kill}: SIGINT or SIGTERM), as when the command ends:
 * without it, a stairway, drift or autogenerate stopped by the operator left its
 * {@code migrations_scratch_} database on the server.
 */
final class DroppedAtExit implements ScratchServer {

	private final ScratchServer server;

	private final Thread hook;

	DroppedAtExit(ScratchServer server) {
		this.server = server;
		this.hook = new Thread(this::dropAtExit, "migrations-scratch-databases");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	@Override
	public ScratchDatabase create() {
		return this.server.create();
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException shuttingDown) {
			// the hook drops them
		}
		this.server.close();
	}

	private void dropAtExit() {
		try {
			this.server.close();
		}
		catch (MigrationException ex) {
			// the process is ending: standard error is all there is to tell it on
			System.err.println("error: " + ex.getMessage());
		}
	}

}
