package io.github.migrations.autoconfigure;

import io.github.migrations.autoconfigure.MigrationsProperties.Mode;
import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.revision.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strategies that {@code app.migrations.mode} selects when the application defines no
 * {@link MigrationStrategy}.
 */
final class DefaultMigrationStrategies {

	private static final Logger logger = LoggerFactory.getLogger(DefaultMigrationStrategies.class);

	private DefaultMigrationStrategies() {
	}

	static MigrationStrategy forMode(Mode mode, Target target) {
		return switch (mode) {
			case UPGRADE -> (migrator) -> migrator.upgrade(target);
			case VALIDATE -> (migrator) -> validate(migrator.status(target), target);
			case NONE -> (migrator) -> {
			};
		};
	}

	private static void validate(MigrationStatus status, Target target) {
		if (!status.pending().isEmpty()) {
			throw new PendingRevisionsException(target, status.pending());
		}
		logger.info("Database is at target '{}' at {} (validated only: 'app.migrations.mode' is 'validate')", target,
				status.current());
	}

}
