package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;

/**
 * {@code migrations init}, as {@code alembic init} starts a project: makes the folder
 * that {@code revision} writes to. It writes no configuration: the starter reads
 * {@code classpath:db/revisions} by default, which is the folder made when nothing is
 * configured.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Create the revisions folder that 'revision' writes to: the first folder of --locations, else "
				+ "of the configuration's app.migrations.locations (a classpath: location is the folder beside the "
				+ "configuration file), else src/main/resources/db/revisions. Does nothing when it exists.")
final class InitCommand extends CliCommand {

	@Override
	String textOnly() {
		return "'migrations init' makes a folder and prints its name";
	}

	@Override
	int execute() throws IOException {
		Path folder = settings().newRevisionFolder();
		if (Files.isDirectory(folder)) {
			out().printf("The revisions folder '%s' exists already; nothing to do.%n", folder);
			return 0;
		}
		if (Files.exists(folder)) {
			throw new CliException("The revisions folder '%s' is a file, not a folder.".formatted(folder),
					"Move the file away, or name another folder with --locations or app.migrations.locations.");
		}
		Files.createDirectories(folder);
		out().printf("Created the revisions folder '%s'.%n", folder);
		note(nextStep());
		return 0;
	}

	/**
	 * The command that writes the first revision, as it works when pasted: with the
	 * {@code --locations} that named the folder, which no configuration records.
	 */
	private String nextStep() {
		String locations = settings().locationsOption();
		if (locations == null) {
			return "next, 'migrations revision -m \"<message>\"' writes the first revision file there.";
		}
		String word = locations.matches("[A-Za-z0-9_./:,@+=-]+") ? locations : "\"" + locations + "\"";
		return "next, 'migrations revision -m \"<message>\" --locations %s' writes the first revision file there%s."
			.formatted(word,
					settings().hasConfigurationFile() ? ""
							: "; to leave out --locations in every command, write 'app.migrations.locations=%s' in a "
								.formatted(locations) + "migrations.properties file in this folder");
	}

}
