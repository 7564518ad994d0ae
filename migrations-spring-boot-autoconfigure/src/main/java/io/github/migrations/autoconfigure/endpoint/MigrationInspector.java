package io.github.migrations.autoconfigure.endpoint;

import java.util.List;

import io.github.migrations.autoconfigure.MigrationStatuses.Reading;
import io.github.migrations.autoconfigure.MigrationsProperties;
import io.github.migrations.autoconfigure.MigrationsProperties.Mode;
import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.database.LogEntry;
import org.jspecify.annotations.Nullable;

/**
 * Turns what was read about a {@link Migrator}'s database into a {@link MigrationState},
 * for the endpoint and the health indicator. Changes nothing and takes no lock.
 */
final class MigrationInspector {

	private final MigrationsProperties properties;

	MigrationInspector(MigrationsProperties properties) {
		this.properties = properties;
	}

	/**
	 * Reads the migrator now.
	 */
	Inspection inspect(Migrator migrator) {
		return inspect(Reading.of(migrator, this.properties.getTarget()));
	}

	Inspection inspect(Reading reading) {
		MigrationStatus status = reading.status();
		String error = reading.error();
		if (error == null && status != null) {
			error = Secrets.maskNullable(lastAttemptFailed(reading.lastLogEntry(), status));
		}
		return new Inspection(state(status, error, reading.migrating()), this.properties.getTarget(), status,
				reading.current(), error);
	}

	private MigrationState state(@Nullable MigrationStatus status, @Nullable String error, boolean migrating) {
		if (this.properties.getMode() == Mode.NONE) {
			return MigrationState.DISABLED;
		}
		if (migrating) {
			return MigrationState.MIGRATING;
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
	private static @Nullable String lastAttemptFailed(@Nullable LogEntry last, MigrationStatus status) {
		if (last == null) {
			return null;
		}
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
	 * @param current the revisions the version store records as current, or {@code null}
	 * when they could not be read
	 * @param error what failed (for {@code MIGRATING}, what runs and who runs it), with
	 * credentials masked, or {@code null}
	 */
	record Inspection(MigrationState state, String target, @Nullable MigrationStatus status,
			@Nullable List<String> current, @Nullable String error) {

		/**
		 * The revisions an upgrade to the target would apply, or {@code null} when the
		 * status could not be read (not known, which is not the same as none).
		 */
		@Nullable List<String> pending() {
			return (this.status != null)
					? this.status.pending().stream().map((step) -> step.revision().id().value()).toList() : null;
		}

	}

}
