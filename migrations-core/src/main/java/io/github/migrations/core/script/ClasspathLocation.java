package io.github.migrations.core.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import io.github.migrations.core.api.MigrationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the {@code .sql} files under a folder of the class path, in every folder and jar
 * file that holds it ({@link ClassLoader#getResources}). A jar must list the folder
 * itself as an entry, as the {@code jar} tool, Maven and Gradle do. Where the folder is
 * in neither (a native image's resources), its {@link RevisionIndex} says which files it
 * holds.
 */
final class ClasspathLocation {

	private static final Logger logger = LoggerFactory.getLogger(ClasspathLocation.class);

	private ClasspathLocation() {
	}

	/**
	 * Lists a {@code classpath:} location; a folder that exists but holds no revision
	 * file gives an empty list.
	 * @param location the location as configured, for messages
	 * @param folder the folder's resource path, such as {@code db/revisions}
	 * @param classLoader where to look
	 * @param readJars whether to read the files of a jar while it is open (else they are
	 * opened one by one when read, and their sizes and CRC-32s come from the jar's
	 * directory)
	 * @throws MigrationException if the folder is nowhere on the class path, or can be
	 * neither listed nor read from its index
	 */
	static List<ScriptFile> list(String location, String folder, ClassLoader classLoader, boolean readJars) {
		Map<String, URL> roots = resources(location, folder, classLoader);
		Map<String, URL> indexes = resources(location, RevisionIndex.resourceName(folder), classLoader);
		if (roots.isEmpty() && indexes.isEmpty()) {
			throw notFound(location, folder);
		}
		List<ScriptFile> files = new ArrayList<>();
		List<URL> unlisted = new ArrayList<>();
		for (URL root : roots.values()) {
			try {
				List<ScriptFile> listed = listRoot(location, folder, root, readJars);
				if (listed != null) {
					files.addAll(listed);
					String inside = root.toString().replaceFirst("/+$", "") + "/";
					indexes.keySet().removeIf((index) -> index.startsWith(inside));
				}
				else {
					unlisted.add(root);
				}
			}
			catch (IOException | URISyntaxException ex) {
				throw cannotList(location, root.toString(), ex);
			}
		}
		if (!indexes.isEmpty()) {
			files.addAll(IndexedClasspathFiles.read(location, folder, indexes.values(), classLoader, files));
		}
		else if (!unlisted.isEmpty()) {
			if (files.isEmpty()) {
				throw IndexedClasspathFiles.missingIndex(location, folder, unlisted.get(0));
			}
			logger.warn("Skipping '{}' of revision location '{}': it can be neither listed nor read from a "
					+ "revision index", unlisted, location);
		}
		return files;
	}

	private static Map<String, URL> resources(String location, String name, ClassLoader classLoader) {
		Map<String, URL> found = new LinkedHashMap<>();
		try {
			for (URL url : Collections.list(classLoader.getResources(name))) {
				found.putIfAbsent(url.toString(), url);
			}
		}
		catch (IOException ex) {
			throw cannotList(location, name, ex);
		}
		return found;
	}

	/**
	 * The revision files of a folder or jar file; {@code null} for a root of another
	 * kind, which cannot be listed.
	 */
	private static @Nullable List<ScriptFile> listRoot(String location, String folder, URL root, boolean readJars)
			throws IOException, URISyntaxException {
		if (root.getProtocol().equals("file")) {
			return FilesystemLocation.walk(location, Path.of(root.toURI()), folder + "/");
		}
		URLConnection connection = root.openConnection();
		if (connection instanceof JarURLConnection jar) {
			return listJar(folder, jar, readJars);
		}
		return null;
	}

	/**
	 * The revision files of a jar, with the size and CRC-32 its directory holds for each.
	 * With {@code read}, their bytes are read while the jar is open (opening each entry
	 * through its own URL would open the jar again for every file); without, a file is
	 * opened through its URL when it is read.
	 */
	private static List<ScriptFile> listJar(String folder, JarURLConnection connection, boolean read)
			throws IOException {
		String root = connection.getURL().toString().replaceFirst("/+$", "") + "/";
		connection.setUseCaches(false);
		String entryName = connection.getEntryName();
		String prefix = (entryName == null || entryName.isEmpty() || entryName.endsWith("/")) ? entryName
				: entryName + "/";
		List<ScriptFile> files = new ArrayList<>();
		try (JarFile jar = connection.getJarFile()) {
			for (JarEntry entry : Collections.list(jar.entries())) {
				String name = entry.getName();
				if (name.startsWith(prefix) && !entry.isDirectory() && name.endsWith(".sql")) {
					String relative = name.substring(prefix.length());
					if (!isHidden(relative)) {
						ScriptFile.Opener opener;
						if (read) {
							byte[] content;
							try (InputStream in = jar.getInputStream(entry)) {
								content = in.readAllBytes();
							}
							opener = () -> new ByteArrayInputStream(content);
						}
						else {
							// the URL is made only if the file is read: most never are
							opener = () -> new URL(root + encodePath(relative)).openStream();
						}
						files.add(new ScriptFile(folder + "/" + relative, opener, entry.getSize(), entry.getCrc()));
					}
				}
			}
		}
		return files;
	}

	/**
	 * An entry's path as a URL path: {@code %}, {@code #}, spaces and the like escaped,
	 * so that the jar URL names the entry and nothing else.
	 */
	private static String encodePath(String relative) throws IOException {
		try {
			return new URI(null, null, relative, null).getRawPath();
		}
		catch (URISyntaxException ex) {
			throw new IOException("Cannot make a URL of the jar entry '%s'".formatted(relative), ex);
		}
	}

	private static boolean isHidden(String relative) {
		return relative.startsWith(".") || relative.contains("/.");
	}

	/**
	 * A folder that is nowhere on the class path is most likely a typo: listing it as
	 * empty would report a database as up to date with nothing.
	 */
	private static MigrationException notFound(String location, String folder) {
		String hint = "Check the locations for a typo, or create the folder (for example src/main/resources/%s)."
			.formatted(folder);
		return MigrationException.aboutSetting(
				"Revision location '%s' names no folder on the class path.".formatted(location), hint, "locations");
	}

	private static MigrationException cannotList(String location, String where, Exception ex) {
		String hint = "Check that the class path entries that hold it can be read.";
		String problem = "Could not list the revision files of location '%s' in '%s': %s.".formatted(location, where,
				ex);
		return new MigrationException(problem, hint, ex);
	}

}
