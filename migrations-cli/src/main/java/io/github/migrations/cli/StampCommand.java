package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationResult;
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

	@Option(names = "--from-alembic",
			description = "Record exactly the revisions in Alembic's alembic_version table, which stays as it is.")
	boolean fromAlembic;

	@Override
	int execute() {
		if (this.fromAlembic != this.targets.isEmpty() || (this.fromAlembic && this.purge)) {
			throw new CliException("Stamp either the revisions named as TARGET, or --from-alembic alone.",
					"Run 'migrations stamp head', or 'migrations stamp --from-alembic' to adopt a database Alembic "
							+ "migrated.");
		}
		MigrationResult result = this.fromAlembic ? migrator().adoptAlembicVersion()
				: migrator().stamp(this.targets.stream().map(Target::parse).toList(), this.purge);
		if (json()) {
			printJson(Map.of("current", values(result.to())));
		}
		else {
			out().println("Stamped: the database is recorded at "
					+ (result.to().isEmpty() ? "base" : String.join(", ", values(result.to()))) + "; nothing ran"
					+ (this.fromAlembic ? ", and alembic_version is left as it was." : "."));
		}
		return 0;
	}

}
