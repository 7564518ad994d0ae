package io.github.migrations.core.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetResolver;
import io.github.migrations.core.script.Script;

/**
 * A pure function from (graph, applied set, target) to a {@link MigrationPlan}.
 */
public final class Planner {

	private final RevisionGraph graph;

	private final Map<RevisionId, Script> scripts;

	public Planner(RevisionGraph graph, Map<RevisionId, Script> scripts) {
		this.graph = graph;
		this.scripts = scripts;
	}

	public MigrationPlan upgrade(Set<RevisionId> applied, Target target) {
		Set<RevisionId> pending = new TargetResolver(this.graph, applied).toApply(target);
		List<RevisionId> order = this.graph.inOrder(pending);
		Set<RevisionId> after = new HashSet<>(applied);
		after.addAll(order);
		return plan(Direction.UPGRADE, applied, after, order);
	}

	public MigrationPlan downgrade(Set<RevisionId> applied, Target target) {
		Set<RevisionId> removed = new TargetResolver(this.graph, applied).toRemove(target);
		List<RevisionId> order = new ArrayList<>(this.graph.inOrder(removed));
		Collections.reverse(order);
		Set<RevisionId> after = new HashSet<>(applied);
		after.removeAll(removed);
		return plan(Direction.DOWNGRADE, applied, after, order);
	}

	/**
	 * Removes exactly one applied revision that no applied revision builds on.
	 */
	public MigrationPlan revert(Set<RevisionId> applied, RevisionId revision) {
		new TargetResolver(this.graph, applied).checkRevertible(revision);
		Set<RevisionId> after = new HashSet<>(applied);
		after.remove(revision);
		return plan(Direction.DOWNGRADE, applied, after, List.of(revision));
	}

	private MigrationPlan plan(Direction direction, Set<RevisionId> before, Set<RevisionId> after,
			List<RevisionId> order) {
		List<MigrationStep> steps = order.stream()
			.map((id) -> new MigrationStep(this.scripts.get(id), direction))
			.toList();
		List<RevisionId> from = this.graph.headsOf(before);
		List<RevisionId> to = order.isEmpty() ? from : this.graph.headsOf(after);
		return new MigrationPlan(direction, from, to, steps);
	}

}
