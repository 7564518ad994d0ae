package io.github.migrations.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.Target;

/**
 * In validate mode, the database is not at the target: revisions are pending and this
 * application may not apply them.
 */
final class PendingRevisionsException extends MigrationException {

	private final String revision;

	private final String source;

	PendingRevisionsException(Target target, List<MigrationStep> pending) {
		super(message(target, pending), HINT);
		this.revision = pending.get(0).revision().id().value();
		this.source = pending.get(0).script().source();
	}

	private static final String HINT = "Apply them with a database user that may change the schema (an instance "
			+ "with 'app.migrations.mode=upgrade', or 'migrations upgrade' from the command line), then start again.";

	private static String message(Target target, List<MigrationStep> pending) {
		String revisions = pending.stream()
			.map((step) -> "'%s' (%s)".formatted(step.revision().id(), step.script().source()))
			.collect(Collectors.joining(", "));
		return ("The database is not at target '%s': %d revision%s pending: %s. Nothing was changed, because "
				+ "'app.migrations.mode' is 'validate'.")
			.formatted(target, pending.size(), (pending.size() == 1) ? " is" : "s are", revisions);
	}

	@Override
	public String revision() {
		return this.revision;
	}

	/**
	 * The file of the first pending revision.
	 */
	String source() {
		return this.source;
	}

}
