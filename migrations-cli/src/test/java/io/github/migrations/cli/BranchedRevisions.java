package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two labelled branches and their merge, as a user's trial had them: '001_initial'
 * (base); '002' (label 'statements') and '003' (label 'meetings') on it; '004', the merge
 * of both; '005' on '004', depending on '003'.
 */
final class BranchedRevisions {

	private BranchedRevisions() {
	}

	/**
	 * Writes the five files into {@code revisions}.
	 */
	static void write(Path revisions) throws IOException {
		Files.writeString(revisions.resolve("001_initial.sql"),
				CliRun.tableRevision("001_initial", "base", "customers"));
		Files.writeString(revisions.resolve("002_statements.sql"),
				CliRun.tableRevision("002", "001_initial", "statements", "-- branch_labels: statements\n"));
		Files.writeString(revisions.resolve("003_meetings.sql"),
				CliRun.tableRevision("003", "001_initial", "meetings", "-- branch_labels: meetings\n"));
		Files.writeString(revisions.resolve("004_merge.sql"), """
				-- revision: 004
				-- down_revision: 002, 003
				-- message: merge
				-- +upgrade
				-- +downgrade
				""");
		Files.writeString(revisions.resolve("005_rooms.sql"),
				CliRun.tableRevision("005", "004", "rooms", "-- depends_on: 003\n"));
	}

}
