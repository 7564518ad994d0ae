package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.Migrator;
import io.github.migrations.schema.Change;
import io.github.migrations.schema.SchemaChanges;
import io.github.migrations.schema.scratch.Drift;
import io.github.migrations.schema.scratch.ScratchServer;
import picocli.CommandLine.Command;

/**
 * {@code drift}: the database's schema against the schema its applied revisions produce
 * (replayed on a scratch database on the same server), printed as the SQL that brings the
 * database back to what its revisions produce.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
		description = "Compare the database with the schema its applied revisions produce (replayed on a scratch "
				+ "database on the same server; the role needs CREATEDB) and print what was changed out of band, as "
				+ "the SQL that undoes it. Exit 1 when anything differs.")
final class DriftCommand extends CliCommand {

	@Override
	int execute() {
		Migrator migrator = databaseMigrator("'drift'");
		SchemaChanges changes;
		try (ScratchServer server = settings().scratchServer()) {
			changes = Drift.of(migrator, server, settings().ignoredObjects());
		}
		int applied = migrator.appliedRevisions().size();
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("drift", !changes.isEmpty());
			document.put("statements", changes.changes().stream().map(Change::sql).toList());
			document.put("review", review(changes));
			document.put("unsupported", changes.unsupported());
			printJson(document);
		}
		else if (changes.isEmpty()) {
			out().println("No drift: the database's schema is what its %s.".formatted(revisions(applied)));
		}
		else {
			out().println("-- Drift: the database differs from the schema its %s.".formatted(revisions(applied)));
			out().println("-- The statements below bring the database back to what the revisions produce;");
			out()
				.println("-- to keep the change instead, write it as a revision (migrations revision --autogenerate).");
			out().println();
			out().print(changes.script());
			if (applied == 0) {
				note(nothingRecorded());
			}
		}
		return changes.isEmpty() ? 0 : MigrationsCli.FAILURE;
	}

	/**
	 * Each {@code -- REVIEW:} note of the script with the statement it stands above.
	 */
	private static List<Map<String, String>> review(SchemaChanges changes) {
		List<Map<String, String>> review = new ArrayList<>();
		for (Change change : changes.changes()) {
			for (String note : change.reviewNotes()) {
				Map<String, String> entry = new LinkedHashMap<>();
				entry.put("statement", change.sql());
				entry.put("note", note);
				review.add(entry);
			}
		}
		return review;
	}

	/**
	 * A database whose version store holds no revision has everything as drift: more
	 * likely a version store looked for in the wrong schema, or a database built without
	 * the revisions, than objects to drop.
	 */
	private String nothingRecorded() {
		String schema = settings().settings().schema();
		String where = (schema != null) ? "schema '" + schema + "'" : "the connection's schema";
		return ("no revision is recorded in this database's version store (in %s), so everything in it counts as "
				+ "drift. If the revisions are recorded in another schema, pass --schema (app.migrations.schema); if "
				+ "the database was built without them, record where it stands with 'migrations stamp <revision>'.")
			.formatted(where);
	}

	private static String revisions(int applied) {
		return (applied == 1) ? "1 applied revision produces" : applied + " applied revisions produce";
	}

}
