package io.github.migrations.cli;

import io.github.migrations.core.api.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = "Revert to a previous version: -N, base, a revision, <rev>-N, <label>@base, <label>@-N.")
final class DowngradeCommand extends MigrateCommand {

	@Parameters(index = "0", paramLabel = "TARGET",
			description = "Where to go, e.g. -1, base or a revision; " + "with --sql also FROM:TO, e.g. c3:a1.")
	String target;

	@Override
	Direction direction() {
		return Direction.DOWNGRADE;
	}

	@Override
	String target() {
		return this.target;
	}

}
