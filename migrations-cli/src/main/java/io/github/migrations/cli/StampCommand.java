package io.github.migrations.cli;

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

	@Parameters(arity = "1..*", paramLabel = "TARGET", description = "Revisions to stamp: head, heads, base, ids.")
	List<String> targets;

	@Option(names = "--purge", description = "Replace everything recorded with exactly these revisions.")
	boolean purge;

	@Override
	int execute() {
		MigrationResult result = migrator().stamp(this.targets.stream().map(Target::parse).toList(), this.purge);
		if (json()) {
			printJson(Map.of("current", values(result.to())));
		}
		else {
			out().println("Stamped: the database is recorded at "
					+ (result.to().isEmpty() ? "base" : String.join(", ", values(result.to()))) + "; nothing ran.");
		}
		return 0;
	}

}
