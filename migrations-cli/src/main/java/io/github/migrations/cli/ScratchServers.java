package io.github.migrations.cli;

import java.util.function.Supplier;

import io.github.migrations.schema.scratch.ScratchDatabase;
import io.github.migrations.schema.scratch.ScratchServer;
import org.jspecify.annotations.Nullable;

/**
 * A scratch server made on first use, so that a command whose comparison needs none (the
 * configured database is at head, the desired schema is a database) starts no embedded
 * server and creates no database. Closing it drops what it made.
 */
final class ScratchServers implements AutoCloseable {

	private final Supplier<ScratchServer> make;

	private @Nullable ScratchServer server;

	ScratchServers(Supplier<ScratchServer> make) {
		this.make = make;
	}

	ScratchDatabase create() {
		if (this.server == null) {
			this.server = this.make.get();
		}
		return this.server.create();
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

}
