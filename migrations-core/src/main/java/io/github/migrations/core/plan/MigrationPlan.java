package io.github.migrations.core.plan;

import java.util.List;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.revision.RevisionId;

/**
 * The ordered steps that take the database from one set of heads to another, without
 * running anything.
 *
 * @param direction upgrade or downgrade
 * @param from the heads before the first step
 * @param to the heads after the last step
 * @param steps the steps in the order they run
 */
public record MigrationPlan(Direction direction, List<RevisionId> from, List<RevisionId> to,
		List<MigrationStep> steps) {

	public MigrationPlan {
		from = List.copyOf(from);
		to = List.copyOf(to);
		steps = List.copyOf(steps);
	}

	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	public List<RevisionId> revisions() {
		return this.steps.stream().map((step) -> step.revision().id()).toList();
	}

	@Override
	public String toString() {
		if (this.steps.isEmpty()) {
			return "Nothing to %s: the database is at %s.".formatted(this.direction.label(), describe(this.from));
		}
		return "%s from %s to %s:%n%s".formatted(capitalized(this.direction.label()), describe(this.from),
				describe(this.to),
				this.steps.stream().map((step) -> "  " + step).collect(Collectors.joining(System.lineSeparator())));
	}

	private static String describe(List<RevisionId> heads) {
		return heads.isEmpty() ? "base" : heads.stream().map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
