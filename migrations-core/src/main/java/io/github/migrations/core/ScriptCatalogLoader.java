package io.github.migrations.core;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.core.script.JavaScript;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.ScriptSource;

/**
 * Reads the revision files of the configured locations, adds the Java revisions, and builds the
 * validated graph.
 */
final class ScriptCatalogLoader {

	private final List<String> locations;

	private final List<JavaRevision> javaRevisions;

	private final ClassLoader classLoader;

	ScriptCatalogLoader(List<String> locations, List<JavaRevision> javaRevisions, ClassLoader classLoader) {
		this.locations = List.copyOf(locations);
		this.javaRevisions = List.copyOf(javaRevisions);
		this.classLoader = classLoader;
	}

	Catalog load() {
		List<Script> scripts = new ArrayList<>(new ScriptSource(this.locations, this.classLoader).load());
		this.javaRevisions.forEach((revision) -> scripts.add(JavaScript.of(revision)));
		return Catalog.of(scripts);
	}

}
