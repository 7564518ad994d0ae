package io.github.migrations.core.script;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

import io.github.migrations.core.api.JavaRevision;
import org.jspecify.annotations.Nullable;

/**
 * Reads the revision files of the configured locations, adds the Java revisions, and
 * builds the validated graph. When every location is on the class path, whose content
 * cannot change while the application runs, the result is kept: the endpoint and the
 * health indicator then read the database only. File-system locations are read again each
 * time, as files may be edited or added between two commands.
 */
public final class CatalogLoader {

	private final List<String> locations;

	private final List<JavaRevision> javaRevisions;

	private final ClassLoader classLoader;

	private final boolean cacheable;

	private volatile @Nullable Catalog cached;

	public CatalogLoader(List<String> locations, List<JavaRevision> javaRevisions, ClassLoader classLoader) {
		this.locations = List.copyOf(locations);
		this.javaRevisions = List.copyOf(javaRevisions);
		this.classLoader = classLoader;
		this.cacheable = this.locations.stream().allMatch((location) -> location.startsWith("classpath:"));
	}

	public Catalog load() {
		Catalog catalog = this.cached;
		if (catalog == null) {
			catalog = read();
			if (this.cacheable) {
				this.cached = catalog;
			}
		}
		return catalog;
	}

	/**
	 * A digest of everything {@link #load()} builds the catalog from, taken without
	 * parsing: the revision files' {@link ScriptSource#fingerprint() fingerprint}, and
	 * each Java revision's class, identity, parents, labels, dependencies, checksum and
	 * transaction mode. Equal fingerprints give equal catalogs.
	 * @throws io.github.migrations.core.api.MigrationException if a location cannot be
	 * listed
	 * @throws ScriptException if a file cannot be read
	 */
	public String fingerprint() {
		StringBuilder text = new StringBuilder(new ScriptSource(this.locations, this.classLoader).fingerprint());
		for (JavaRevision revision : this.javaRevisions) {
			text.append('\n')
				.append(String.join("\t", revision.getClass().getName(), revision.id(),
						String.valueOf(revision.downRevisions()),
						String.valueOf(new TreeSet<>(revision.branchLabels())), String.valueOf(revision.dependsOn()),
						String.valueOf(revision.checksum()), String.valueOf(revision.transactional())));
		}
		return HexFormat.of().formatHex(Checksums.newDigest().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
	}

	private Catalog read() {
		List<Script> scripts = new ArrayList<>(new ScriptSource(this.locations, this.classLoader).load());
		this.javaRevisions.forEach((revision) -> scripts.add(JavaRevisionScript.of(revision)));
		return Catalog.of(scripts);
	}

}
