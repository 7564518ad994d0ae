package io.github.migrations.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.script.Script;

/**
 * The scripts of a run and the validated graph they form.
 */
record Catalog(RevisionGraph graph, Map<RevisionId, Script> scripts) {

	static Catalog of(List<? extends Script> scripts) {
		RevisionGraph graph = RevisionGraph.of(new ArrayList<>(scripts.stream().map(Script::revision).toList()));
		Map<RevisionId, Script> byId = new LinkedHashMap<>();
		scripts.forEach((script) -> byId.put(script.revision().id(), script));
		return new Catalog(graph, Map.copyOf(byId));
	}

}
