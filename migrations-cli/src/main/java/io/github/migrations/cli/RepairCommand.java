package io.github.migrations.cli;

import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;

@Command(name = "repair", mixinStandardHelpOptions = true,
		description = "Re-record the checksums of applied revisions whose files were deliberately edited.")
final class RepairCommand extends CliCommand {

	@Override
	int execute() {
		List<String> repaired = migrator().repair();
		if (json()) {
			printJson(Map.of("repaired", repaired));
		}
		else if (repaired.isEmpty()) {
			out().println("Nothing to repair: every applied revision matches its file.");
		}
		else {
			repaired.forEach((revision) -> out().println("Re-recorded the checksum of " + revision));
		}
		return 0;
	}

}
