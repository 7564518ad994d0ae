package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrations init}: the revisions folder of a new project, so that the first
 * {@code revision} has somewhere to go.
 */
class InitCommandTests {

	@RegisterExtension
	final CliFixture cli = CliFixture.withoutDatabase();

	@Test
	void initInANewProjectMakesTheDefaultFolderThatRevisionThenWritesTo() {
		Path revisions = this.cli.folder().resolve("src/main/resources/db/revisions");
		CliRun before = this.cli.runExactly("--locations", revisions.toString(), "revision", "-m", "first");
		assertThat(before.code()).as("no folder yet").isEqualTo(2);
		assertThat(before.err()).isEqualTo("""
				error: The revisions folder '%s' does not exist.
				hint: Run 'migrations init' to create it, or name the folder that holds the revision files with \
				--locations (or app.migrations.locations).
				""".formatted(revisions));
		CliRun init = this.cli.runInFolder("init");
		assertThat(init.code()).as(init.err()).isZero();
		assertThat(revisions).isDirectory();
		assertThat(init.out()).isEqualTo("Created the revisions folder '%s'.%n".formatted(revisions));
		assertThat(init.err())
			.isEqualTo("note: next, 'migrations revision -m \"<message>\"' writes the first revision file there.\n");
		CliRun revision = this.cli.runExactly("--locations", revisions.toString(), "revision", "-m", "first",
				"--rev-id", "a1");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(this.cli.runExactly("--locations", revisions.toString(), "heads").out()).startsWith("a1 ");
	}

	@Test
	void initOfAFolderGivenWithLocationsInAProjectWithoutConfigurationSaysTheNextCommandWithIt() throws IOException {
		// a Python or Go service: no application.yml, its revisions in a folder of its
		// own
		// (absolute here: an in-process run resolves a relative location against the
		// JVM's working directory)
		Path versions = this.cli.folder().resolve("migrations/versions");
		CliRun init = this.cli.runInFolder("init", "--locations", versions.toString());
		assertThat(init.code()).as(init.err()).isZero();
		assertThat(versions).isDirectory();
		assertThat(init.err()).isEqualTo(("note: next, 'migrations revision -m \"<message>\" --locations %s' writes "
				+ "the first revision file there; to leave out --locations in every command, write "
				+ "'app.migrations.locations=%s' in a migrations.properties file in this folder.\n")
			.formatted(versions, versions));
		CliRun pasted = this.cli.runInFolder("revision", "-m", "first", "--locations", versions.toString(), "--rev-id",
				"a1");
		assertThat(pasted.code()).as(pasted.err()).isZero();
		Files.writeString(this.cli.folder().resolve("migrations.properties"),
				"app.migrations.locations=" + versions + "\n");
		CliRun configured = this.cli.runInFolder("revision", "-m", "second", "--rev-id", "b2");
		assertThat(configured.code()).as(configured.err()).isZero();
		assertThat(versions).isDirectoryContaining("glob:**b2*.sql");
	}

	@Test
	void initOfAFolderGivenWithLocationsBesideAConfigurationFileSaysOnlyTheNextCommand() throws IOException {
		Files.writeString(this.cli.folder().resolve("application.properties"), "app.migrations.schema=billing\n");
		Path other = this.cli.folder().resolve("db/other revisions");
		CliRun init = this.cli.runInFolder("init", "--locations", other.toString());
		assertThat(init.code()).as(init.err()).isZero();
		assertThat(other).isDirectory();
		assertThat(init.err()).isEqualTo(("note: next, 'migrations revision -m \"<message>\" --locations \"%s\"' "
				+ "writes the first revision file there.\n")
			.formatted(other));
	}

	@Test
	void aClasspathLocationOfTheConfigurationIsMadeBesideTheConfigurationFile() throws IOException {
		Path resources = Files.createDirectories(this.cli.folder().resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.properties"),
				"app.migrations.locations=classpath:db/changes\n");
		CliRun init = this.cli.runInFolder("init", "-q");
		assertThat(init.code()).as(init.err()).isZero();
		assertThat(resources.resolve("db/changes")).isDirectory();
		assertThat(init.err()).as("quiet: no note").isEmpty();
		CliRun revision = this.cli.runInFolder("revision", "-m", "first", "--rev-id", "a1");
		assertThat(revision.code()).as(revision.err()).isZero();
		assertThat(resources.resolve("db/changes")).isDirectoryContaining("glob:**a1*.sql");
	}

	@Test
	void initOfAFolderThatExistsChangesNothing() throws IOException {
		this.cli.write("a1_first.sql", CliRun.tableRevision("a1", "base", "customers"));
		CliRun init = this.cli.run("init");
		assertThat(init.code()).isZero();
		assertThat(init.out())
			.isEqualTo("The revisions folder '%s' exists already; nothing to do.%n".formatted(this.cli.revisions()));
		assertThat(this.cli.revisions()).isDirectoryContaining("glob:**a1_first.sql");
	}

	@Test
	void aFileWhereTheFolderShouldBeIsAConfigurationError() throws IOException {
		Path file = Files.writeString(this.cli.folder().resolve("revisions"), "not a folder");
		CliRun init = this.cli.runExactly("--locations", file.toString(), "init");
		assertThat(init.code()).isEqualTo(2);
		assertThat(init.err()).contains("error: The revisions folder '%s' is a file, not a folder.".formatted(file))
			.contains("hint: Move the file away, or name another folder with --locations");
	}

	@Test
	void initPrintsTextOnly() {
		CliRun init = this.cli.run("init", "--json");
		assertThat(init.code()).isEqualTo(2);
		assertThat(init.out()).contains("'migrations init' makes a folder and prints its name");
	}

}
