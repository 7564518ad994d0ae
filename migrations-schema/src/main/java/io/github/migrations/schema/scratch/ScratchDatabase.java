package io.github.migrations.schema.scratch;

import javax.sql.DataSource;

/**
 * One scratch database: its name and a data source for it. Closing it drops it.
 */
public final class ScratchDatabase implements AutoCloseable {

	private final String name;

	private final DataSource dataSource;

	private final Runnable drop;

	ScratchDatabase(String name, DataSource dataSource, Runnable drop) {
		this.name = name;
		this.dataSource = dataSource;
		this.drop = drop;
	}

	/**
	 * The database's name on its server.
	 */
	public String name() {
		return this.name;
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Drops the database, ending the connections still open to it.
	 */
	@Override
	public void close() {
		this.drop.run();
	}

}
