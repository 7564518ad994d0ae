package io.github.migrations.core.plan;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.script.Script;

/**
 * One revision applied or removed.
 */
public record MigrationStep(Script script, Direction direction) {

	public Revision revision() {
		return this.script.revision();
	}

	@Override
	public String toString() {
		String message = revision().message();
		return "%s %s%s (%s)".formatted(this.direction.label(), revision().id(),
				(message != null) ? ", " + message : "", this.script.source());
	}

}
