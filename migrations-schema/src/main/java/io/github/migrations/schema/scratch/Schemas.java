package io.github.migrations.schema.scratch;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.SchemaFilter;
import io.github.migrations.schema.SchemaReader;

/**
 * Reads the schema of a database given by a data source, on a connection of its own.
 */
public final class Schemas {

	private Schemas() {
	}

	/**
	 * Reads the schema of the data source's database.
	 * @param what the database as the user knows it, for errors ({@code the desired
	 * database})
	 */
	public static DatabaseSchema read(DataSource dataSource, SchemaFilter filter, String what) {
		try (Connection connection = dataSource.getConnection()) {
			return SchemaReader.read(connection, filter);
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Could not read the schema of %s: %s".formatted(what,
							Secrets.mask(String.valueOf(ex.getMessage()))),
					"Check that the database exists and accepts " + "connections with these credentials.", ex);
		}
	}

}
