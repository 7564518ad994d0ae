package io.github.migrations.cli;

import io.github.migrations.core.api.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = "Upgrade to a later version: head (default), heads, a revision, +N, <rev>+N, <label>@head, <label>@heads, <label>@+N.")
final class UpgradeCommand extends MigrateCommand {

	@Parameters(index = "0", arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
			description = "Where to go (default: head); with --sql also FROM:TO, e.g. base:head.")
	String target;

	@Override
	Direction direction() {
		return Direction.UPGRADE;
	}

	@Override
	String target() {
		return this.target;
	}

}
