package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.AdoptedAlembicVersion;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = "Record revisions as applied (or not) without running anything, e.g. for a database created by init.sql.")
final class StampCommand extends CliCommand {

	@Parameters(arity = "0..*", paramLabel = "TARGET", description = "Revisions to stamp: head, heads, base, ids.")
	List<String> targets = new ArrayList<>();

	@Option(names = "--purge", description = "Replace everything recorded with exactly these revisions.")
	boolean purge;

	@Option(names = "--sql",
			description = "Print the SQL that records the stamp instead of running it (from what the database has "
					+ "recorded, or from base when no database is configured), as alembic stamp --sql.")
	boolean sql;

	@Option(names = "--from-alembic",
			description = "Record exactly the revisions in Alembic's alembic_version table, which stays as it is.")
	boolean fromAlembic;

	@Option(names = "--alembic-version-table", paramLabel = "[SCHEMA.]NAME",
			description = "With --from-alembic: Alembic's version table, as env.py's version_table (and "
					+ "version_table_schema) name it; default alembic_version, on the search path.")
	String alembicVersionTable;

	@Override
	@Nullable String textOnly() {
		return this.sql ? "'migrations stamp --sql' prints a SQL script" : null;
	}

	@Override
	int execute() {
		if (this.alembicVersionTable != null) {
			if (!this.fromAlembic) {
				throw new CliException("--alembic-version-table names the table that --from-alembic reads.",
						"Run 'migrations stamp --from-alembic --alembic-version-table %s'."
							.formatted(this.alembicVersionTable));
			}
			settings().alembicVersionTable(this.alembicVersionTable);
		}
		if (this.fromAlembic != this.targets.isEmpty() || (this.fromAlembic && this.purge)) {
			throw new CliException("Stamp either the revisions named as TARGET, or --from-alembic alone.",
					"Run 'migrations stamp head', or 'migrations stamp --from-alembic' to adopt a database Alembic "
							+ "migrated.");
		}
		if (this.sql) {
			if (this.fromAlembic) {
				throw new CliException("--sql prints the records of a stamp of named revisions, not of --from-alembic.",
						"Run 'migrations upgrade --sql' with adopt-alembic-version set to see the adoption an upgrade "
								+ "writes, or 'migrations stamp --from-alembic' to record it.");
			}
			boolean fromBase = !settings().hasDatabase();
			if (fromBase) {
				note("no database is configured, so the script stamps from base (an empty version store), as "
						+ "'alembic stamp --sql' does; pass --url to start from what a database has recorded.");
			}
			Migrator migrator = fromBase ? settings().offlineMigrator() : migrator();
			out().print(migrator.stampSql(this.targets.stream().map(Target::parse).toList(), this.purge, fromBase));
			out().flush();
			return 0;
		}
		if (this.fromAlembic) {
			AdoptedAlembicVersion adopted = migrator().adoptAlembicVersion();
			// the table as found (other.alembic_version on the search path), as the
			// engine's messages name it
			printStamped(adopted.heads(), ", and %s is left as it was.".formatted(adopted.table()));
		}
		else {
			MigrationResult result = migrator().stamp(this.targets.stream().map(Target::parse).toList(), this.purge);
			printStamped(result.to(), ".");
		}
		return 0;
	}

	private void printStamped(List<RevisionId> current, String end) {
		if (json()) {
			printJson(Map.of("current", values(current)));
		}
		else {
			out().println("Stamped: the database is recorded at "
					+ (current.isEmpty() ? "base" : String.join(", ", values(current))) + "; nothing ran" + end);
		}
	}

}
