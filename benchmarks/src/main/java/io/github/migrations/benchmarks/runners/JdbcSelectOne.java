package io.github.migrations.benchmarks.runners;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The floor of a no-op run for any JVM tool: start a JVM, load the PostgreSQL driver,
 * connect, run {@code SELECT 1}, exit.
 */
public final class JdbcSelectOne {

	private JdbcSelectOne() {
	}

	public static void main(String[] args) throws SQLException {
		RunnerArgs arguments = RunnerArgs.parse(args, "JdbcSelectOne <jdbc-url> <user> <ignored>");
		long start = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(arguments.url(), arguments.user(),
				arguments.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT 1")) {
			rows.next();
			if (rows.getInt(1) != 1) {
				throw new IllegalStateException("SELECT 1 did not return 1");
			}
		}
		RunnerArgs.report(start);
	}

}
