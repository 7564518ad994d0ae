package io.github.migrations.benchmarks.startup;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the database while it is created, so every variant opens the pool's first
 * connection at startup: the migration tool's run in the variants that have one, this
 * query in the baseline. Through {@link JdbcClient}, so Boot creates it after the
 * migrations.
 */
public final class FirstQuery {

	private final long tables;

	FirstQuery(JdbcClient jdbc) {
		this.tables = jdbc.sql("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'")
			.query(Long.class)
			.single();
	}

	/**
	 * How many tables the public schema held at startup.
	 */
	public long tables() {
		return this.tables;
	}

}
