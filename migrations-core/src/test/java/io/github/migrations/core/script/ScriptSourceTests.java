package io.github.migrations.core.script;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.migrations.core.api.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptSourceTests {

	private static final String FIX = "Create the folder, or fix the locations to name the folder that holds the "
			+ "revision files.";

	@TempDir
	Path temp;

	@Test
	void listsSqlFilesOfAClasspathFolderRecursivelyInOrder() {
		List<ScriptFile> files = source("classpath:script-source/revisions").list();
		assertThat(files).extracting(ScriptFile::path)
			.containsExactly("script-source/revisions/a1_first.sql", "script-source/revisions/sub/b2_second.sql");
		assertThat(new String(files.get(0).read(), StandardCharsets.UTF_8)).startsWith("-- revision: a1\n");
	}

	@Test
	void classpathLocationAcceptsSlashesAroundTheFolder() {
		assertThat(source("classpath:/script-source/revisions/").list()).extracting(ScriptFile::path)
			.containsExactly("script-source/revisions/a1_first.sql", "script-source/revisions/sub/b2_second.sql");
	}

	@Test
	void listsSqlFilesInsideAJarOnTheClasspath() throws IOException {
		Path jar = jar("revisions.jar", "db/revisions/c3_third.sql", "db/revisions/nested/d4 with space.sql",
				"db/revisions/readme.md", "db/other/e5_elsewhere.sql");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<ScriptFile> files = new ScriptSource(List.of("classpath:db/revisions"), classLoader).list();
			assertThat(files).extracting(ScriptFile::path)
				.containsExactly("db/revisions/c3_third.sql", "db/revisions/nested/d4 with space.sql");
			assertThat(files).extracting((file) -> new String(file.read(), StandardCharsets.UTF_8))
				.containsExactly("-- db/revisions/c3_third.sql\n", "-- db/revisions/nested/d4 with space.sql\n");
		}
	}

	@Test
	void aJarFileListedWithoutReadingItIsReadByItsEntryNameWhateverCharactersTheNameHolds() throws IOException {
		String[] names = { "db/revisions/a1 with space.sql", "db/revisions/b2_100%_done.sql", "db/revisions/c3_#3.sql",
				"db/revisions/d4_caf\u00e9.sql" };
		Path jar = jar("revisions.jar", names);
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			List<ScriptFile> files = ClasspathLocation.list("classpath:db/revisions", "db/revisions", classLoader,
					false);
			assertThat(files).extracting(ScriptFile::path).containsExactlyInAnyOrder(names);
			for (ScriptFile file : files) {
				assertThat(file.read()).asString(StandardCharsets.UTF_8).isEqualTo("-- " + file.path() + "\n");
			}
		}
	}

	@Test
	void listsAClasspathFolderFromFoldersAndJarsTogether() throws IOException {
		Path classes = this.temp.resolve("classes");
		write(classes.resolve("db/revisions/a1_first.sql"), "-- a1\n");
		write(classes.resolve("db/revisions/z9_last.sql"), "-- z9\n");
		Path jar = jar("revisions.jar", "db/revisions/c3_third.sql");
		URL[] urls = { classes.toUri().toURL(), jar.toUri().toURL() };
		try (URLClassLoader classLoader = new URLClassLoader(urls, null)) {
			List<ScriptFile> files = new ScriptSource(List.of("classpath:db/revisions"), classLoader).list();
			assertThat(files).extracting(ScriptFile::path)
				.containsExactly("db/revisions/a1_first.sql", "db/revisions/c3_third.sql", "db/revisions/z9_last.sql");
			assertThat(files.get(1).read()).asString(StandardCharsets.UTF_8)
				.isEqualTo("-- db/revisions/c3_third.sql\n");
		}
	}

	@Test
	void classpathFolderThatIsNowhereIsReportedAsATypoToFix() {
		String hint = "Check the locations for a typo, or create the folder (for example "
				+ "src/main/resources/db/revisionz).";
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> source("classpath:db/revisionz").list())
			.withMessage("Revision location 'classpath:db/revisionz' names no folder on the class path. " + hint
					+ " (setting 'locations')")
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo(hint))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("locations"));
	}

	@Test
	void classpathFolderWithoutRevisionFilesHasNoFiles() throws IOException {
		Path classes = this.temp.resolve("classes");
		Files.createDirectories(classes.resolve("db/revisions"));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
			assertThat(new ScriptSource(List.of("classpath:db/revisions"), classLoader).list()).isEmpty();
		}
	}

	@Test
	void listsSqlFilesOfAFilesystemFolderRecursivelyInOrder() throws IOException {
		write(this.temp.resolve("b2_second.sql"), "-- b2\n");
		write(this.temp.resolve("a/a1_first.sql"), "-- a1\n");
		write(this.temp.resolve("notes.txt"), "not a revision\n");
		write(this.temp.resolve(".#b2_second.sql"), "an editor's lock file\n");
		write(this.temp.resolve(".git/c3_hidden.sql"), "-- c3\n");
		List<ScriptFile> files = source("filesystem:" + this.temp).list();
		assertThat(files).extracting(ScriptFile::path)
			.containsExactly(this.temp + "/a/a1_first.sql", this.temp + "/b2_second.sql");
		assertThat(files.get(0).read()).asString(StandardCharsets.UTF_8).isEqualTo("-- a1\n");
	}

	@Test
	void symbolicLinksToFoldersAreFollowed() throws IOException {
		write(this.temp.resolve("shared/a1_first.sql"), "-- a1\n");
		Path revisions = Files.createDirectories(this.temp.resolve("revisions"));
		Files.createSymbolicLink(revisions.resolve("linked"), this.temp.resolve("shared"));
		assertThat(source("filesystem:" + revisions).list()).extracting(ScriptFile::path)
			.containsExactly(revisions + "/linked/a1_first.sql");
	}

	@Test
	void symbolicLinkLoopIsReportedInsteadOfListedForever() throws IOException {
		Path revisions = Files.createDirectories(this.temp.resolve("revisions/nested"));
		Files.createSymbolicLink(revisions.resolve("back"), this.temp.resolve("revisions"));
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> source("filesystem:" + this.temp.resolve("revisions")).list())
			.withMessageContaining("the folder '%s' leads back to the folder '%s' above it (a symbolic link loop)",
					revisions.resolve("back"), this.temp.resolve("revisions").toRealPath())
			.satisfies((ex) -> assertThat(ex.hint()).contains("no symbolic link that loops"));
	}

	@Test
	void relativeFilesystemFolderIsShownAsWritten() throws IOException {
		write(this.temp.resolve("revisions/a1_first.sql"), "-- a1\n");
		String relative = Path.of("").toAbsolutePath().relativize(this.temp.resolve("revisions")).toString();
		assertThat(source("filesystem:" + relative + "/").list()).extracting(ScriptFile::path)
			.containsExactly(relative + "/a1_first.sql");
	}

	@Test
	void locationWithoutPrefixIsAFilesystemFolder() throws IOException {
		write(this.temp.resolve("a1_first.sql"), "-- a1\n");
		assertThat(source(this.temp.toString()).list()).extracting(ScriptFile::path)
			.containsExactly(this.temp + "/a1_first.sql");
	}

	@Test
	void filesOfAllLocationsAreSortedTogether() throws IOException {
		write(this.temp.resolve("one/b2_second.sql"), "-- b2\n");
		write(this.temp.resolve("two/a1_first.sql"), "-- a1\n");
		ScriptSource source = ScriptSource.of(List.of(this.temp + "/two", this.temp + "/one"));
		assertThat(source.list()).extracting(ScriptFile::path)
			.containsExactly(this.temp + "/one/b2_second.sql", this.temp + "/two/a1_first.sql");
	}

	@Test
	void missingFilesystemFolderSaysHowToFixTheSetting() {
		Path missing = this.temp.resolve("missing");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> source("filesystem:" + missing).list())
			.withMessage("Revision location 'filesystem:%s' names the folder '%s', which does not exist. %s "
					+ "(setting 'locations')", missing, missing, FIX)
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo(FIX));
	}

	@Test
	void filesystemLocationThatIsAFileIsReported() throws IOException {
		Path file = write(this.temp.resolve("a1_first.sql"), "-- a1\n");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> source(file.toString()).list())
			.withMessage("Revision location '%s' names '%s', which is a file, not a folder. Name the folder that "
					+ "holds the revision files. (setting 'locations')", file, file);
	}

	@Test
	void unknownLocationPrefixIsReported() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> source("file:db/revisions").list())
			.withMessage("Revision location 'file:db/revisions' has an unknown prefix. Start it with 'classpath:' "
					+ "for a folder on the class path, or 'filesystem:' (or nothing) for a folder on disk. (setting 'locations')");
	}

	@Test
	void classpathLocationWithoutFolderIsReported() {
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> source("classpath:/").list())
			.withMessage("Revision location 'classpath:/' names no folder. "
					+ "Name a folder on the class path, for example 'classpath:db/revisions'. (setting 'locations')");
	}

	@Test
	void loadParsesEveryFileInOrder() {
		List<SqlScript> scripts = source("classpath:script-source/revisions").load();
		assertThat(scripts).extracting((script) -> script.revision().id().value()).containsExactly("a1", "b2");
		assertThat(scripts.get(1).source()).isEqualTo("script-source/revisions/sub/b2_second.sql");
		assertThat(scripts.get(1).upgrade()).containsExactly(new SqlStatement("CREATE TABLE b (id int)", 4));
	}

	@Test
	void loadReportsAFileThatCannotBeParsedByItsPath() throws IOException {
		write(this.temp.resolve("a1_first.sql"), "-- revision: a1\n-- down_revison: base\n");
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> source(this.temp.toString()).load())
			.withMessageStartingWith(this.temp + "/a1_first.sql:2: unknown header key 'down_revison'.");
	}

	@Test
	void loadOfManyFilesKeepsTheirOrder() throws IOException {
		for (int i = 1; i <= 300; i++) {
			write(this.temp.resolve("r%03d.sql".formatted(i)), revision(i));
		}
		assertThat(source(this.temp.toString()).load()).extracting((script) -> script.revision().id().value())
			.containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(1, 300).mapToObj("r%03d"::formatted).toList());
	}

	@Test
	void loadOfManyFilesWithSeveralBrokenOnesReportsTheFirstByPath() throws IOException {
		for (int i = 1; i <= 300; i++) {
			String text = (i == 17 || i == 280) ? revision(i).replace("down_revision", "down_revison") : revision(i);
			write(this.temp.resolve("r%03d.sql".formatted(i)), text);
		}
		assertThatExceptionOfType(ScriptException.class).isThrownBy(() -> source(this.temp.toString()).load())
			.withMessageStartingWith(this.temp + "/r017.sql:2: unknown header key 'down_revison'.");
	}

	@Test
	void fingerprintChangesWithAFilesContentAndNameButNotWithItsTime() throws IOException {
		Path file = write(this.temp.resolve("a1_first.sql"), revision(1));
		String first = source(this.temp.toString()).fingerprint();
		Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
		assertThat(source(this.temp.toString()).fingerprint()).isEqualTo(first);
		write(file, revision(1).replace("t1", "t2"));
		String edited = source(this.temp.toString()).fingerprint();
		assertThat(edited).isNotEqualTo(first);
		Files.move(file, this.temp.resolve("a1_renamed.sql"));
		assertThat(source(this.temp.toString()).fingerprint()).isNotEqualTo(edited);
	}

	private static String revision(int number) {
		String parent = (number == 1) ? "base" : "r%03d".formatted(number - 1);
		return "-- revision: r%03d\n-- down_revision: %s\n\n-- +upgrade\nCREATE TABLE t%d (id int);\n".formatted(number,
				parent, number);
	}

	@Test
	void unreadableFileIsReportedByItsPath() {
		ScriptFile file = new ScriptFile("db/revisions/a1_first.sql", () -> {
			throw new IOException("disk on fire");
		});
		assertThatExceptionOfType(ScriptException.class).isThrownBy(file::read)
			.withMessage("db/revisions/a1_first.sql: could not read the file: java.io.IOException: disk on fire. "
					+ "Check that the file exists and can be read, then try again.")
			.withCauseInstanceOf(IOException.class);
	}

	private ScriptSource source(String location) {
		return new ScriptSource(List.of(location), getClass().getClassLoader());
	}

	private Path jar(String name, String... files) throws IOException {
		Path jar = this.temp.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			List<String> written = new java.util.ArrayList<>();
			for (String file : files) {
				String[] segments = file.split("/");
				String directory = "";
				for (int i = 0; i < segments.length - 1; i++) {
					directory += segments[i] + "/";
					if (!written.contains(directory)) {
						out.putNextEntry(new JarEntry(directory));
						out.closeEntry();
						written.add(directory);
					}
				}
				out.putNextEntry(new JarEntry(file));
				out.write(("-- " + file + "\n").getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return jar;
	}

	private static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
		return file;
	}

}
