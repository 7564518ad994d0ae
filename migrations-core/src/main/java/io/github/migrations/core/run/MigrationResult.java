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
 */
public record MigrationResult(Direction direction, List<RevisionId> from, List<RevisionId> to, List<StepResult> steps,
		Duration duration) {

	public MigrationResult {
		from = List.copyOf(from);
		to = List.copyOf(to);
		steps = List.copyOf(steps);
	}

	public List<RevisionId> revisions() {
		return this.steps.stream().map((step) -> step.step().revision().id()).toList();
	}

	/**
	 * One line for the log: "Upgraded from 'a1' to 'c3' (2 revisions) in 41 ms" or
	 * "Database is up to date at 'c3'".
	 */
	public String summary() {
		if (this.steps.isEmpty()) {
			return "Database is up to date at %s (checked in %d ms)".formatted(describe(this.to),
					this.duration.toMillis());
		}
		String verb = (this.direction == Direction.UPGRADE) ? "Upgraded" : "Downgraded";
		return "%s from %s to %s (%d revision%s) in %d ms".formatted(verb, describe(this.from), describe(this.to),
				this.steps.size(), (this.steps.size() == 1) ? "" : "s", this.duration.toMillis());
	}

	static String describe(List<RevisionId> heads) {
		return heads.isEmpty() ? "base" : heads.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

}
