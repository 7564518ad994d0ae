package io.github.migrations.core.script;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.api.MigrationException;

/**
 * Lists the {@code .sql} files under a folder of the file system, recursively. Symbolic
 * links are followed; hidden files and folders (whose names start with a dot) are
 * skipped.
 */
final class FilesystemLocation {

	private static final String FIX_SETTING = "Create the folder, or fix the locations to name the folder that "
			+ "holds the revision files.";

	private static final String READABLE = "Check that the folder and its subfolders can be read "
			+ "and contain no symbolic link that loops.";

	private FilesystemLocation() {
	}

	/**
	 * Lists a {@code filesystem:} location, or a location without a prefix.
	 * @param location the location as configured, for messages
	 * @param folder the folder, absolute or relative to the working directory
	 * @throws MigrationException if the folder does not exist or cannot be read
	 */
	static List<ScriptFile> list(String location, String folder) {
		Path root = Path.of(folder);
		if (!Files.exists(root)) {
			throw MigrationException.aboutSetting("Revision location '%s' names the folder '%s', which does not exist."
				.formatted(location, root.toAbsolutePath()), FIX_SETTING, "locations");
		}
		if (!Files.isDirectory(root)) {
			throw MigrationException.aboutSetting("Revision location '%s' names '%s', which is a file, not a folder."
				.formatted(location, root.toAbsolutePath()), "Name the folder that holds the revision files.",
					"locations");
		}
		boolean separatorAtEnd = folder.endsWith("/") || folder.endsWith(File.separator);
		return walk(location, root, separatorAtEnd ? folder : folder + "/");
	}

	/**
	 * The {@code .sql} files under {@code root}, each shown as {@code prefix} followed by
	 * its path relative to {@code root}. Only names are listed; a file's type is asked
	 * for only when its name could be a revision file or a folder, so a folder of a
	 * thousand revisions costs one directory read and a thousand {@code stat} calls, with
	 * no attribute objects made.
	 */
	static List<ScriptFile> walk(String location, Path root, String prefix) {
		List<ScriptFile> files = new ArrayList<>();
		walk(location, root.toFile(), prefix, new ArrayList<>(), files);
		return files;
	}

	private static void walk(String location, File folder, String prefix, List<String> ancestors,
			List<ScriptFile> files) {
		String[] names = folder.list();
		String canonical = canonicalPath(location, folder);
		if (names == null) {
			throw new MigrationException("Could not list the revision files of location '%s' in '%s'."
				.formatted(location, folder.getAbsolutePath()), READABLE);
		}
		if (ancestors.contains(canonical)) {
			String message = "Could not list the revision files of location '%s': the folder '%s' leads back to the "
					+ "folder '%s' above it (a symbolic link loop), which would be listed forever.";
			throw new MigrationException(message.formatted(location, folder.getAbsolutePath(), canonical), READABLE);
		}
		ancestors.add(canonical);
		for (String name : names) {
			if (name.startsWith(".")) {
				continue;
			}
			File entry = new File(folder, name);
			if (name.endsWith(".sql") && !entry.exists()) {
				// only a symbolic link can be listed and not exist: its target is gone
				throw new MigrationException(
						"Revision file '%s' of location '%s' is a symbolic link whose target ".formatted(prefix + name,
								location) + "does not exist.",
						"Restore the file it points to, or remove the link; a revision cannot be skipped.");
			}
			if (name.endsWith(".sql") && entry.isFile()) {
				files.add(new ScriptFile(prefix + name, () -> new FileInputStream(entry)));
			}
			else if (entry.isDirectory()) {
				walk(location, entry, prefix + name + "/", ancestors, files);
			}
		}
		ancestors.remove(ancestors.size() - 1);
	}

	private static String canonicalPath(String location, File folder) {
		try {
			return folder.getCanonicalPath();
		}
		catch (IOException ex) {
			throw new MigrationException("Could not list the revision files of location '%s' in '%s': %s."
				.formatted(location, folder.getAbsolutePath(), ex), READABLE, ex);
		}
	}

}
