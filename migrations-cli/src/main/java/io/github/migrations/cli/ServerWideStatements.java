package io.github.migrations.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.migrations.core.revision.Revision;
import org.jspecify.annotations.Nullable;

/**
 * Statements that change what belongs to the whole server rather than to one database:
 * roles, tablespaces, databases, {@code ALTER SYSTEM}. A scratch database on the
 * configured database's server does not contain them: a stairway that runs such a
 * revision's downgrade there drops the role (with its password, settings and connection
 * limit) that the configured database uses.
 */
final class ServerWideStatements {

	// a user mapping belongs to one database
	private static final Pattern STATEMENT = Pattern
		.compile("(?i)\\b(?:(?:CREATE|DROP|ALTER)\\s+(?:ROLE|GROUP|TABLESPACE"
				+ "|DATABASE|USER(?!\\s+MAPPING))|ALTER\\s+SYSTEM|REASSIGN\\s+OWNED)\\b");

	private ServerWideStatements() {
	}

	/**
	 * Refuses the revisions when a revision file holds such a statement (in SQL or in a
	 * {@code DO} block; a comment counts too, as a warning is cheaper than a lost role).
	 * @throws CliException naming the first one's file and line
	 */
	static void refuse(List<Revision> revisions) {
		for (Revision revision : revisions) {
			String text = read(revision.source());
			Matcher statement = (text != null) ? STATEMENT.matcher(text) : null;
			if (statement != null && statement.find()) {
				long line = text.substring(0, statement.start()).chars().filter((c) -> c == '\n').count() + 1;
				throw new CliException(("%s:%d: revision '%s' runs %s, which changes the whole server, not the "
						+ "scratch database: the stairway would run it and its downgrade on the configured database's "
						+ "server, where they change what the configured database uses (a dropped and re-created role "
						+ "loses its settings and grants).")
					.formatted(revision.source(), line, revision.id(),
							statement.group().replaceAll("\\s+", " ").toUpperCase()),
						"Run the stairway on a server of its own: give --url of a disposable PostgreSQL (a local "
								+ "container) with --throwaway-server, or configure no database, for the embedded one.");
			}
		}
	}

	private static @Nullable String read(String source) {
		try {
			Path file = Path.of(source);
			return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

}
