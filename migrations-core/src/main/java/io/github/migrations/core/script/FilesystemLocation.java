package io.github.migrations.core.script;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.github.migrations.core.MigrationException;

/**
 * Lists the {@code .sql} files under a folder of the file system, recursively. Symbolic
 * links are followed; hidden files and folders (whose names start with a dot) are
 * skipped.
 */
final class FilesystemLocation {

	private static final String FIX_SETTING = "Create the folder, or fix the 'locations' setting "
			+ "('app.migrations.locations' in Spring Boot) to name the folder that holds the revision files.";

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
			throw new MigrationException("Revision location '%s' names the folder '%s', which does not exist. %s"
				.formatted(location, root.toAbsolutePath(), FIX_SETTING), FIX_SETTING);
		}
		if (!Files.isDirectory(root)) {
			String hint = "Name the folder that holds the revision files in the 'locations' setting "
					+ "('app.migrations.locations' in Spring Boot).";
			throw new MigrationException("Revision location '%s' names '%s', which is a file, not a folder. %s"
				.formatted(location, root.toAbsolutePath(), hint), hint);
		}
		boolean separatorAtEnd = folder.endsWith("/") || folder.endsWith(File.separator);
		return walk(location, root, separatorAtEnd ? folder : folder + "/");
	}

	/**
	 * The {@code .sql} files under {@code root}, each shown as {@code prefix} followed by
	 * its path relative to {@code root}.
	 */
	static List<ScriptFile> walk(String location, Path root, String prefix) {
		List<ScriptFile> files = new ArrayList<>();
		try {
			Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
					new SimpleFileVisitor<>() {

						@Override
						public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
							return (!dir.equals(root) && isHidden(dir)) ? FileVisitResult.SKIP_SUBTREE
									: FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
							if (attributes.isRegularFile() && !isHidden(file) && file.toString().endsWith(".sql")) {
								String relative = root.relativize(file).toString().replace(File.separatorChar, '/');
								files.add(new ScriptFile(prefix + relative, () -> Files.newInputStream(file)));
							}
							return FileVisitResult.CONTINUE;
						}

					});
		}
		catch (IOException ex) {
			throw new MigrationException("Could not list the revision files of location '%s' in '%s': %s. %s"
				.formatted(location, root.toAbsolutePath(), ex, READABLE), READABLE, ex);
		}
		return files;
	}

	private static boolean isHidden(Path path) {
		Path name = path.getFileName();
		return name != null && name.toString().startsWith(".");
	}

}
