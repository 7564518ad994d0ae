package io.github.migrations.core.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import io.github.migrations.core.api.MigrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the revision files ({@code *.sql}, in subfolders too) under a list of locations:
 * <ul>
 * <li>{@code classpath:db/revisions}: a folder on the class path, in folders and jar
 * files alike, which must exist somewhere on the class path;</li>
 * <li>{@code filesystem:/some/dir} or {@code filesystem:relative/dir}: a folder on disk,
 * which must exist;</li>
 * <li>a path without a prefix, which is a folder on disk.</li>
 * </ul>
 * Files are returned in the order of their paths, which are shown in messages: the
 * resource path for the class path ({@code db/revisions/a1_init.sql}), the location's
 * folder as written followed by the file's relative path for the file system.
 */
public final class ScriptSource {

	private static final Logger logger = LoggerFactory.getLogger(ScriptSource.class);

	static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	/**
	 * A prefix such as {@code file:}; a single letter is a Windows drive, as in
	 * {@code C:\dir}.
	 */
	private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

	private final List<String> locations;

	private final ClassLoader classLoader;

	/**
	 * A source over the given locations, which looks for {@code classpath:} locations
	 * with the given class loader.
	 */
	public ScriptSource(List<String> locations, ClassLoader classLoader) {
		this.locations = locations.stream().map(String::strip).distinct().toList();
		this.classLoader = classLoader;
	}

	/**
	 * A source over the given locations, which looks for {@code classpath:} locations
	 * with the thread's context class loader (or, without one, the class loader of this
	 * library).
	 */
	public static ScriptSource of(List<String> locations) {
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		return new ScriptSource(locations, (classLoader != null) ? classLoader : ScriptSource.class.getClassLoader());
	}

	/**
	 * The revision files of every location, sorted by path.
	 * @throws MigrationException if a location is malformed, names a folder that does not
	 * exist (on the class path or on disk), or cannot be read
	 */
	public List<ScriptFile> list() {
		return list(true);
	}

	private List<ScriptFile> list(boolean readJars) {
		List<ScriptFile> files = new ArrayList<>();
		for (String location : this.locations) {
			List<ScriptFile> found = list(location, readJars);
			logger.debug("Found {} revision files at '{}'", found.size(), location);
			files.addAll(found);
		}
		files.sort(Comparator.comparing(ScriptFile::path));
		return files;
	}

	/**
	 * A digest of the paths, sizes and CRC-32s of every revision file, which changes
	 * whenever a file is added, removed, renamed or edited. A file in a jar is not read:
	 * the jar's directory holds its size and CRC-32; other files are read, not parsed.
	 * @throws MigrationException if a location cannot be listed
	 * @throws ScriptException if a file cannot be read
	 */
	public String fingerprint() {
		MessageDigest digest = Checksums.newDigest();
		for (ScriptFile file : list(false)) {
			digest.update(file.stamp().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) '\n');
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Reads and parses every revision file, in the order of {@link #list()}. The files
	 * are parsed on the common fork-join pool as well as on the calling thread, so that a
	 * thread that has finished its own work (such as opening the first connection) helps
	 * with the rest; when several files are broken, the error is the first file's in that
	 * order, as if they had been parsed one after the other.
	 * @throws MigrationException if a location cannot be listed
	 * @throws ScriptException if a file cannot be read or parsed
	 */
	public List<SqlScript> load() {
		List<Object> parsed = list().parallelStream().map(ScriptSource::parseOrFailure).toList();
		List<SqlScript> scripts = new ArrayList<>(parsed.size());
		for (Object result : parsed) {
			if (result instanceof RuntimeException failure) {
				throw failure;
			}
			scripts.add((SqlScript) result);
		}
		return scripts;
	}

	/**
	 * The parsed file, or the exception that parsing it threw.
	 */
	private static Object parseOrFailure(ScriptFile file) {
		try {
			return file.parse();
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private List<ScriptFile> list(String location, boolean readJars) {
		if (location.startsWith(CLASSPATH)) {
			String folder = trimSlashes(location.substring(CLASSPATH.length()));
			if (folder.isEmpty()) {
				throw malformed(location, "names no folder",
						"Name a folder on the class path, for example " + "'classpath:db/revisions'.");
			}
			return ClasspathLocation.list(location, folder, this.classLoader, readJars);
		}
		String folder = location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location;
		if (folder.isEmpty()) {
			throw malformed(location, "names no folder",
					"Name a folder, for example 'filesystem:db/revisions' or 'classpath:db/revisions'.");
		}
		if (!location.startsWith(FILESYSTEM) && PREFIX.matcher(location).lookingAt()) {
			throw malformed(location, "has an unknown prefix",
					"Start it with 'classpath:' for a folder on the class path, or 'filesystem:' "
							+ "(or nothing) for a folder on disk.");
		}
		return FilesystemLocation.list(location, folder);
	}

	static String trimSlashes(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

	private static MigrationException malformed(String location, String problem, String hint) {
		return MigrationException.aboutSetting("Revision location '%s' %s.".formatted(location, problem), hint,
				"locations");
	}

}
