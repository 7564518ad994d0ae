package io.github.migrations.core.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;

/**
 * The scripts of a run and the validated graph they form.
 */
public record Catalog(RevisionGraph graph, Map<RevisionId, Script> scripts) {

	/**
	 * The catalog of the scripts; {@link #scripts()} keeps their order (the files'
	 * order), so that whatever walks them, such as validation, reports the same file
	 * first every time.
	 */
	public static Catalog of(List<? extends Script> scripts) {
		List<Revision> revisions = new ArrayList<>(scripts.size());
		Map<RevisionId, Script> byId = new LinkedHashMap<>();
		for (Script script : scripts) {
			revisions.add(script.revision());
			byId.put(script.revision().id(), script);
		}
		return new Catalog(RevisionGraph.of(revisions), Collections.unmodifiableMap(byId));
	}

}
