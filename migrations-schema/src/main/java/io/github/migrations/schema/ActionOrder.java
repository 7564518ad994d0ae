package io.github.migrations.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Orders actions (a drop, a create or an alteration, each a few statements) so that every
 * "before" edge holds; among actions free to run, drops come first (dependents first:
 * highest rank first), then creates and alterations in rising rank, then by key.
 */
final class ActionOrder {

	private static final Comparator<Action> PRIORITY = Comparator.comparingInt(Action::phase)
		.thenComparingInt(Action::rank)
		.thenComparing(Action::key)
		.thenComparingInt(Action::id);

	private final List<Action> actions = new ArrayList<>();

	Action add(int phase, int rank, String key, List<Change> changes) {
		Action action = new Action(this.actions.size(), phase, rank, key, new ArrayList<>(changes));
		this.actions.add(action);
		return action;
	}

	void edge(@Nullable Action before, @Nullable Action after) {
		if (before != null && after != null && before != after) {
			if (before.next.add(after)) {
				after.waiting++;
			}
		}
	}

	/**
	 * The actions in order. When a cycle leaves actions waiting on each other, the first
	 * by priority runs anyway and a note says so.
	 */
	List<Action> sorted(List<String> notes) {
		PriorityQueue<Action> ready = new PriorityQueue<>(PRIORITY);
		for (Action action : this.actions) {
			if (action.waiting == 0) {
				ready.add(action);
			}
		}
		List<Action> sorted = new ArrayList<>();
		Set<Action> done = new LinkedHashSet<>();
		while (sorted.size() < this.actions.size()) {
			Action next = ready.poll();
			if (next == null) {
				next = this.actions.stream().filter((action) -> !done.contains(action)).min(PRIORITY).orElseThrow();
				notes.add("the statements for %s wait on each other (a dependency cycle); review their order"
					.formatted(next.key()));
				next.waiting = 0;
			}
			if (!done.add(next)) {
				continue;
			}
			sorted.add(next);
			for (Action after : next.next) {
				after.waiting--;
				if (after.waiting == 0 && !done.contains(after)) {
					ready.add(after);
				}
			}
		}
		return sorted;
	}

	/**
	 * Statements that run together, for one unit.
	 */
	static final class Action {

		private final int id;

		private final int phase;

		private final int rank;

		private final String key;

		private final List<Change> changes;

		private final Set<Action> next = new LinkedHashSet<>();

		private int waiting;

		Action(int id, int phase, int rank, String key, List<Change> changes) {
			this.id = id;
			this.phase = phase;
			this.rank = rank;
			this.key = key;
			this.changes = changes;
		}

		int id() {
			return this.id;
		}

		int phase() {
			return this.phase;
		}

		int rank() {
			return this.rank;
		}

		String key() {
			return this.key;
		}

		List<Change> changes() {
			return this.changes;
		}

		void review(String note) {
			if (!this.changes.isEmpty()) {
				this.changes.set(0, this.changes.get(0).withReview(note));
			}
		}

	}

}
