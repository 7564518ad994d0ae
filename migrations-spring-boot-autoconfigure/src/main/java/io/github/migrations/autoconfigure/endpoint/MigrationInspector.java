package io.github.migrations.autoconfigure.endpoint;

import java.util.List;

import io.github.migrations.autoconfigure.MigrationsProperties.Mode;
import io.github.migrations.autoconfigure.MigrationsProperties;
import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.LogEntry;
import io.github.migrations.core.revision.Target;
import org.jspecify.annotations.Nullable;

/**
 * Reads where a {@link Migrator}'s database stands and turns it into a
 * {@link MigrationState}, for the endpoint and the health indicator. Changes nothing and
 * takes no lock.
 */
final class MigrationInspector {

	private final MigrationsProperties properties;

	MigrationInspector(MigrationsProperties properties) {
		this.properties = properties;
	}

	Inspection inspect(Migrator migrator) {
		MigrationStatus status = null;
		String error = null;
		try {
			status = migrator.status(Target.parse(this.properties.getTarget()));
		}
		catch (RuntimeException ex) {
			error = ex.getMessage();
		}
		List<LogEntry> history = List.of();
		try {
			history = migrator.history();
		}
		catch (RuntimeException ex) {
			error = (error != null) ? error : ex.getMessage();
		}
		if (error == null && status != null) {
			error = lastAttemptFailed(history, status);
		}
		error = Secrets.maskNullable(error);
		return new Inspection(state(status, error), this.properties.getTarget(), status, history, error);
	}

	private MigrationState state(@Nullable MigrationStatus status, @Nullable String error) {
		if (this.properties.getMode() == Mode.NONE) {
			return MigrationState.DISABLED;
		}
		if (error != null || status == null) {
			return MigrationState.FAILED;
		}
		if (!status.pending().isEmpty()) {
			return MigrationState.PENDING;
		}
		return status.unknown().isEmpty() ? MigrationState.UP_TO_DATE : MigrationState.AHEAD;
	}

	/**
	 * The failure, when the newest log entry is a failed upgrade of a revision that is
	 * still pending: the last startup migration failed.
	 */
	private static @Nullable String lastAttemptFailed(List<LogEntry> history, MigrationStatus status) {
		if (history.isEmpty()) {
			return null;
		}
		LogEntry last = history.get(history.size() - 1);
		boolean pending = status.pending()
			.stream()
			.anyMatch((step) -> step.revision().id().value().equals(last.revision()));
		if (last.success() || !"upgrade".equals(last.action()) || !pending) {
			return null;
		}
		return "The last attempt to upgrade revision '%s' failed (%s, by '%s'): %s".formatted(last.revision(),
				last.performedAt(), last.performedBy(), last.error());
	}

	/**
	 * What an inspection found.
	 *
	 * @param state the state
	 * @param target the configured target
	 * @param status the status, or {@code null} when it could not be read
	 * @param history the log, oldest first; empty when it could not be read
	 * @param error what failed, with credentials masked, or {@code null}
	 */
	record Inspection(MigrationState state, String target, @Nullable MigrationStatus status, List<LogEntry> history,
			@Nullable String error) {

		List<String> current() {
			return (this.status != null) ? this.status.current() : List.of();
		}

		List<String> pending() {
			return (this.status != null)
					? this.status.pending().stream().map((step) -> step.revision().id().value()).toList() : List.of();
		}

	}

}
