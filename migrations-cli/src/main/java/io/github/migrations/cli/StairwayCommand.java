package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.schema.scratch.ScratchDatabase;
import io.github.migrations.test.Stairway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stairway}: the test kit's stairway from the command line, for projects that have
 * no Java test to run it from. On a scratch database, every revision upgrades, downgrades
 * back to exactly the schema it started from and upgrades again to the same schema,
 * parents first; then base, the heads, base and the heads again must give the same
 * schemas.
 */
@Command(name = "stairway", mixinStandardHelpOptions = true,
		description = "Prove every revision's upgrade and downgrade on a scratch database (on the configured "
				+ "database's server, whose role needs CREATEDB, else on an embedded PostgreSQL): each revision, "
				+ "parents first, upgrades, downgrades back to exactly the schema it started from, and upgrades "
				+ "again to the same schema; then base, heads, base, heads. Exit 1 at the first that fails.")
final class StairwayCommand extends CliCommand {

	@Option(names = "--throwaway-server",
			description = "The configured database's server is disposable: run revisions that change roles, "
					+ "tablespaces or databases there too (refused otherwise, as their downgrades would change what "
					+ "the configured database uses).")
	boolean throwawayServer;

	@Override
	int execute() {
		List<String> climbed = new ArrayList<>();
		String failure = null;
		if (settings().hasDatabase() && !this.throwawayServer) {
			ServerWideStatements.refuse(settings().offlineMigrator().revisions());
		}
		try (ScratchServers scratch = new ScratchServers(settings()::scratchServer);
				ScratchDatabase database = scratch.create()) {
			Migrator offline = settings().offlineMigrator();
			// what a database was baselined or adopted at, the scratch database runs
			Migrator migrator = offline.on(database.dataSource(),
					offline.settings().toBuilder().baseline(null).adoptAlembicVersion(false).build());
			Stairway stairway = new Stairway(migrator, database.dataSource(), Stairway.DataHook.NONE);
			try {
				for (Revision revision : stairway.steps()) {
					stairway.climb(revision);
					climbed.add(revision.id().value());
					progress("%s%s: upgrade, downgrade, upgrade ... ok".formatted(revision.id(),
							(revision.message() != null) ? " (" + revision.message() + ")" : ""));
				}
				stairway.fullCycle();
				progress("base, heads, base, heads ... ok");
			}
			catch (AssertionError ex) {
				failure = ex.getMessage();
			}
		}
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("passed", failure == null);
			document.put("climbed", climbed);
			document.put("error", failure);
			printJson(document);
		}
		else if (failure != null) {
			this.root.err.println("error: " + failure);
		}
		else {
			out().printf("Stairway passed: %d revision%s upgrade, downgrade and upgrade again to the same schema.%n",
					climbed.size(), (climbed.size() == 1) ? "" : "s");
		}
		return (failure == null) ? 0 : MigrationsCli.FAILURE;
	}

	private void progress(String line) {
		if (!quiet() && !json()) {
			this.root.err.println(line);
		}
	}

}
