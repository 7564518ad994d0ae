package io.github.migrations.schema.scratch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * A schema written as plain SQL (a file, or a folder of {@code .sql} files applied in
 * name order, such as JPA's schema-generation script), applied to a scratch database
 * statement by statement, as {@code psql} would run it.
 */
public final class DeclarativeSchema {

	/**
	 * The SQLSTATEs of a {@code CREATE} whose object exists: duplicate schema, table,
	 * object (type, constraint, cast, ...), function, column.
	 */
	private static final Set<String> DUPLICATES = Set.of("42P06", "42P07", "42710", "42723", "42701");

	private static final String CREATED_TWICE = "The desired schema creates it twice. Hibernate appends its "
			+ "schema-generation script to the file of the run before: set "
			+ "hibernate.hbm2ddl.schema-generation.script.append=false, or delete the file before generating it.";

	private DeclarativeSchema() {
	}

	/**
	 * Whether {@code text} names a file or folder rather than a database URL.
	 */
	public static boolean isPath(String text) {
		String lower = text.strip().toLowerCase(Locale.ROOT);
		return !(lower.startsWith("jdbc:") || lower.startsWith("postgres:") || lower.startsWith("postgresql:")
				|| lower.startsWith("postgres://") || lower.startsWith("postgresql://")
				|| lower.startsWith("postgresql+"));
	}

	/**
	 * Runs the file, or every {@code .sql} file of the folder, on the scratch database,
	 * with {@code schema} first on the {@code search_path} as the revisions run (an
	 * unqualified name lands where a revision's would).
	 * @param schema the migrator's schema, or {@code null} for the connection's
	 * @throws MigrationException naming {@code file:line} of a statement that fails
	 */
	public static void apply(Path source, ScratchDatabase scratch, @Nullable String schema) {
		List<Path> files = files(source);
		try (Connection connection = scratch.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			if (schema != null) {
				try (PreparedStatement searchPath = connection.prepareStatement(
						"SELECT set_config('search_path', quote_ident(?) || ', ' || current_setting('search_path'), false)")) {
					searchPath.setString(1, schema);
					searchPath.execute();
				}
			}
			for (Path file : files) {
				for (SqlStatement sql : SqlStatement.split(file.toString(), read(file))) {
					try {
						statement.execute(sql.sql());
					}
					catch (SQLException ex) {
						throw new MigrationException(
								"The desired schema's statement failed: %s (SQLSTATE %s)"
									.formatted(Secrets.mask(String.valueOf(ex.getMessage())), ex.getSQLState()),
								DUPLICATES.contains(ex.getSQLState()) ? CREATED_TWICE
										: "Fix the statement; the desired schema is applied to an empty database, so it "
												+ "must create everything it uses.",
								null, ScriptLocation.at(file.toString(), sql.line()), null, ex);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Could not connect to the scratch database '%s': %s".formatted(scratch.name(),
							Secrets.mask(String.valueOf(ex.getMessage()))),
					"Check that the server accepts connections.", ex);
		}
	}

	private static List<Path> files(Path source) {
		if (Files.isRegularFile(source)) {
			return List.of(source);
		}
		if (!Files.isDirectory(source)) {
			throw new MigrationException("The desired schema '%s' is neither a file nor a folder".formatted(source),
					"Give a .sql file, a folder of .sql files, or a database URL.");
		}
		try (Stream<Path> listed = Files.walk(source)) {
			List<Path> files = listed.filter(Files::isRegularFile)
				.filter((file) -> file.getFileName().toString().endsWith(".sql"))
				.sorted()
				.toList();
			if (files.isEmpty()) {
				throw new MigrationException("The desired schema folder '%s' holds no .sql file".formatted(source),
						"Give a folder of .sql files, a .sql file, or a database URL.");
			}
			return files;
		}
		catch (IOException ex) {
			throw new MigrationException(
					"Could not read the desired schema folder '%s': %s".formatted(source, ex.getMessage()),
					"Check that it exists and is readable.", ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrationException(
					"Could not read the desired schema file '%s': %s".formatted(file, ex.getMessage()),
					"Check that it exists and is readable.", ex);
		}
	}

}
