package io.github.migrations.core.run;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.revision.RevisionId;

/**
 * The outcome of a run: what ran, how long it took, and where the database stands now.
 *
 * @param direction upgrade or downgrade
 * @param from the heads before the run
 * @param to the heads after it
 * @param steps the steps that ran, in order
 * @param duration the whole run, lock wait included
 * @param current where the database stands after it, as {@code current} says: the ids of
 * {@code to}, unless applied revisions that no revision file declares stand above them
 * (an older build against a newer database)
 */
public record MigrationResult(Direction direction, List<RevisionId> from, List<RevisionId> to, List<StepResult> steps,
		Duration duration, List<String> current) {

	public MigrationResult {
		from = List.copyOf(from);
		to = List.copyOf(to);
		steps = List.copyOf(steps);
		current = List.copyOf(current);
	}

	/**
	 * A run on a database that stands at {@code to}.
	 */
	public MigrationResult(Direction direction, List<RevisionId> from, List<RevisionId> to, List<StepResult> steps,
			Duration duration) {
		this(direction, from, to, steps, duration, to.stream().map(RevisionId::value).toList());
	}

	public List<RevisionId> revisions() {
		return this.steps.stream().map((step) -> step.step().revision().id()).toList();
	}

	/**
	 * The revisions the database stands at that no revision file declares.
	 */
	public List<String> unknown() {
		List<String> known = this.to.stream().map(RevisionId::value).toList();
		return this.current.stream().filter((id) -> !known.contains(id)).toList();
	}

	/**
	 * One line for the log: "Upgraded from 'a1' to 'c3' (2 revisions) in 41 ms",
	 * "Database is up to date at 'c3'", or, when nothing ran on a database ahead of the
	 * files, "Database is at 'd4', which no revision file declares (ahead of these files'
	 * head 'c3'); nothing to upgrade".
	 */
	public String summary() {
		List<String> unknown = unknown();
		if (this.steps.isEmpty() && !unknown.isEmpty()) {
			return "Database is at %s%s (ahead of %s); nothing to %s (checked in %d ms)".formatted(quoted(this.current),
					(unknown.size() == this.current.size()) ? ", which no revision file declares"
							: "; no revision file declares " + quoted(unknown),
					this.to.isEmpty() ? "these files, none of which is applied"
							: "these files' " + ((this.to.size() == 1) ? "head " : "heads ") + describe(this.to),
					(this.direction == Direction.UPGRADE) ? "upgrade" : "downgrade", this.duration.toMillis());
		}
		if (this.steps.isEmpty()) {
			return "Database is up to date at %s (checked in %d ms)".formatted(describe(this.to),
					this.duration.toMillis());
		}
		String verb = (this.direction == Direction.UPGRADE) ? "Upgraded" : "Downgraded";
		return "%s from %s to %s (%d revision%s) in %d ms".formatted(verb, describe(this.from), describe(this.to),
				this.steps.size(), (this.steps.size() == 1) ? "" : "s", this.duration.toMillis());
	}

	private static String quoted(List<String> ids) {
		return ids.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

	static String describe(List<RevisionId> heads) {
		return heads.isEmpty() ? "base" : heads.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

}
