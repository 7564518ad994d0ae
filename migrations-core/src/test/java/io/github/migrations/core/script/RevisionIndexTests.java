package io.github.migrations.core.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.api.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionIndexTests {

	private static final String FIRST = "-- revision: a1\n-- down_revision: base\n-- +upgrade\nSELECT 1;\n";

	private static final String SECOND = "-- revision: b2\n-- down_revision: a1\n-- +upgrade\nSELECT 2;\n";

	@TempDir
	Path temp;

	@Test
	void aFolderThatCannotBeListedIsReadFromItsIndex() {
		ResourceOnlyClassLoader classLoader = new ResourceOnlyClassLoader().withFolder("db/revisions")
			.with("db/revisions/a1_first.sql", FIRST)
			.with("db/revisions/sub/b2_second.sql", SECOND)
			.withIndex("db/revisions", "sub/b2_second.sql", "a1_first.sql");
		List<ScriptFile> files = new ScriptSource(List.of("classpath:db/revisions"), classLoader).list();
		assertThat(files).extracting(ScriptFile::path)
			.containsExactly("db/revisions/a1_first.sql", "db/revisions/sub/b2_second.sql");
		assertThat(files.get(1).parse().revision().id().value()).isEqualTo("b2");
	}

	@Test
	void anIndexIsEnoughWhenTheFolderItselfIsNoResource() {
		ResourceOnlyClassLoader classLoader = new ResourceOnlyClassLoader().with("db/revisions/a1_first.sql", FIRST)
			.withIndex("db/revisions", "a1_first.sql");
		assertThat(new ScriptSource(List.of("classpath:db/revisions"), classLoader).list()).extracting(ScriptFile::path)
			.containsExactly("db/revisions/a1_first.sql");
	}

	@Test
	void aFolderThatCannotBeListedAndHasNoIndexIsAnErrorThatSaysHowToWriteOne() {
		ResourceOnlyClassLoader classLoader = new ResourceOnlyClassLoader().withFolder("db/revisions")
			.with("db/revisions/a1_first.sql", FIRST);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new ScriptSource(List.of("classpath:db/revisions"), classLoader).list())
			.withMessageContaining("Revision location 'classpath:db/revisions' is in 'resource:/db/revisions', "
					+ "which cannot be listed, and has no revision index 'db/revisions/.migrations-index'.")
			.withMessageContaining("'process-aot'");
	}

	@Test
	void anIndexInAFolderOnDiskIsIgnoredSoThatAFileAddedSinceIsNeverHidden() throws IOException {
		Path folder = this.temp.resolve("db/revisions");
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("a1_first.sql"), FIRST);
		Files.writeString(folder.resolve("b2_second.sql"), SECOND);
		Files.write(folder.resolve(RevisionIndex.FILE_NAME), RevisionIndex.write(List.of("a1_first.sql")));
		try (var classLoader = new java.net.URLClassLoader(new java.net.URL[] { this.temp.toUri().toURL() }, null)) {
			assertThat(new ScriptSource(List.of("classpath:db/revisions"), classLoader).list())
				.extracting(ScriptFile::path)
				.containsExactly("db/revisions/a1_first.sql", "db/revisions/b2_second.sql");
		}
	}

	@Test
	void anIndexNamingAFileThatIsNotOnTheClassPathSaysToBuildAgain() {
		ResourceOnlyClassLoader classLoader = new ResourceOnlyClassLoader().withFolder("db/revisions")
			.with("db/revisions/a1_first.sql", FIRST)
			.withIndex("db/revisions", "a1_first.sql", "b2_gone.sql");
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> new ScriptSource(List.of("classpath:db/revisions"), classLoader).list())
			.withMessageContaining("lists 'db/revisions/b2_gone.sql', which is not on the class path")
			.withMessageContaining("Build the application again");
	}

	@Test
	void anIndexLineOutsideItsFolderIsRefusedNamingTheLine() {
		byte[] index = "# written by hand\na1_first.sql\n../secrets.sql\n".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> RevisionIndex.read("db/revisions/.migrations-index", new ByteArrayInputStream(index)))
			.withMessageContaining(
					"Revision index 'db/revisions/.migrations-index' line 3: '../secrets.sql' is not the path of a .sql file inside its folder.");
	}

	@Test
	void theBuildTimeIndexListsEveryFileOfEachClasspathLocationRelativeToItsFolder() throws IOException {
		Map<String, List<String>> indexes = RevisionIndex
			.of(List.of("classpath:/script-source/revisions/", "filesystem:" + this.temp), getClass().getClassLoader());
		assertThat(indexes).containsOnlyKeys("script-source/revisions");
		List<String> files = indexes.get("script-source/revisions");
		assertThat(files).containsExactly("a1_first.sql", "sub/b2_second.sql");
		byte[] written = RevisionIndex.write(files);
		assertThat(RevisionIndex.read("index", new ByteArrayInputStream(written))).isEqualTo(files);
	}

}
