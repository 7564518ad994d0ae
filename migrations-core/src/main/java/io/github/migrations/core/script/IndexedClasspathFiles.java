package io.github.migrations.core.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.MigrationException;

/**
 * The revision files of a class-path folder as its {@link RevisionIndex} lists them, for
 * class path entries that cannot be listed, such as a native image's resources.
 */
final class IndexedClasspathFiles {

	private IndexedClasspathFiles() {
	}

	/**
	 * The files the given indexes list, less those already listed.
	 * @param location the location as configured, for messages
	 * @param folder the folder's resource path, such as {@code db/revisions}
	 * @param indexes the index resources of the folder
	 * @param classLoader where to read the files
	 * @param listed the files found by listing folders and jars
	 * @throws MigrationException if an index cannot be read, or names a file that is not
	 * on the class path
	 */
	static List<ScriptFile> read(String location, String folder, Collection<URL> indexes, ClassLoader classLoader,
			List<ScriptFile> listed) {
		Set<String> seen = new HashSet<>();
		listed.forEach((file) -> seen.add(file.path()));
		List<ScriptFile> files = new ArrayList<>();
		for (URL index : indexes) {
			for (String relative : paths(location, folder, index)) {
				String path = folder + "/" + relative;
				if (seen.add(path)) {
					URL file = classLoader.getResource(path);
					if (file == null) {
						throw new MigrationException(
								"The revision index '%s' of location '%s' lists '%s', which is not on the class path."
									.formatted(index, location, path),
								"Build the application again, so that the index and the revision files come from "
										+ "the same build.");
					}
					files.add(new ScriptFile(path, file::openStream));
				}
			}
		}
		return files;
	}

	/**
	 * The folder is in a class path entry that can be listed neither as a folder nor as a
	 * jar, and no index says what it holds.
	 */
	static MigrationException missingIndex(String location, String folder, URL root) {
		return MigrationException.aboutSetting(
				"Revision location '%s' is in '%s', which cannot be listed, and has no revision index '%s'."
					.formatted(location, root, RevisionIndex.resourceName(folder)),
				"In a native image, build with Spring Boot's AOT processing (the 'process-aot' goal), which writes "
						+ "the index; elsewhere, write it at build time with RevisionIndex.write.",
				"locations");
	}

	private static List<String> paths(String location, String folder, URL index) {
		try (InputStream content = index.openStream()) {
			return RevisionIndex.read(RevisionIndex.resourceName(folder), content);
		}
		catch (IOException ex) {
			throw new MigrationException(
					"Could not read the revision index '%s' of location '%s': %s.".formatted(index, location, ex),
					"Check that the class path entry that holds it can be read.", ex);
		}
	}

}
