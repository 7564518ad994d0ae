package io.github.migrations.core.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.migrations.core.api.MigrationException;

/**
 * The list of the revision files under a class-path folder, written at build time into
 * that folder as {@value #FILE_NAME}: one path per line, relative to the folder.
 * <p>
 * Where the class path cannot be listed, as in a GraalVM native image, this index is how
 * the revision files of a {@code classpath:} location are found. Folders on disk and jar
 * files are always listed instead, so an index left over from an earlier build never
 * hides a newer file. The Spring Boot starter writes it during AOT processing; any build
 * step may write it with {@link #write(List)}.
 */
public final class RevisionIndex {

	/**
	 * The index's file name inside the folder it lists. Its name starts with a dot, so
	 * listing a folder never takes it for a revision.
	 */
	public static final String FILE_NAME = ".migrations-index";

	private static final String HEADER = "# revision files of this folder, written at build time by migrations";

	private RevisionIndex() {
	}

	/**
	 * The resource name of the index of a class-path folder, such as
	 * {@code db/revisions/.migrations-index} for {@code db/revisions}.
	 */
	public static String resourceName(String folder) {
		return folder + "/" + FILE_NAME;
	}

	/**
	 * The index's content for the given file paths, relative to the folder (such as
	 * {@code 0001_init.sql} or {@code orders/0002_orders.sql}), sorted and without
	 * duplicates.
	 */
	public static byte[] write(List<String> relativePaths) {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		new TreeSet<>(relativePaths).forEach((path) -> text.append(path).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The revision files of each {@code classpath:} location among the given ones, as an
	 * index of that location's folder lists them: what a build step writes. Other
	 * locations are left out.
	 * @param locations the configured locations, such as {@code classpath:db/revisions}
	 * @param classLoader the class path to list, at build time
	 * @return each folder (such as {@code db/revisions}) with its files' paths relative
	 * to it, in the locations' order
	 * @throws MigrationException if a location is malformed or names a folder that is
	 * nowhere on the class path
	 */
	public static Map<String, List<String>> of(List<String> locations, ClassLoader classLoader) {
		Map<String, List<String>> folders = new LinkedHashMap<>();
		for (String location : locations) {
			String stripped = location.strip();
			if (stripped.startsWith(ScriptSource.CLASSPATH)) {
				String folder = ScriptSource.trimSlashes(stripped.substring(ScriptSource.CLASSPATH.length()));
				List<String> files = new ArrayList<>();
				for (ScriptFile file : new ScriptSource(List.of(stripped), classLoader).list()) {
					files.add(file.path().substring(folder.length() + 1));
				}
				folders.merge(folder, files, (first, second) -> first);
			}
		}
		return folders;
	}

	/**
	 * The paths an index lists, relative to its folder.
	 * @param where the index's resource name, for messages
	 * @param content the index's bytes
	 * @throws MigrationException if a line is not the relative path of a {@code .sql}
	 * file inside the folder
	 */
	static List<String> read(String where, InputStream content) throws IOException {
		String[] lines = new String(content.readAllBytes(), StandardCharsets.UTF_8).split("\n");
		List<String> paths = new ArrayList<>(lines.length);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (!line.endsWith(".sql") || line.startsWith("/") || line.contains("\\") || ("/" + line).contains("/..")) {
				throw new MigrationException(
						"Revision index '%s' line %d: '%s' is not the path of a .sql file inside its folder."
							.formatted(where, i + 1, line),
						"Build the application again so that the index is written afresh, or delete it.");
			}
			paths.add(line);
		}
		return paths;
	}

}
