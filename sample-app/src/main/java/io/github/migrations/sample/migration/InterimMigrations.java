package io.github.migrations.sample.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the configured {@code app.migrations.mode} when its bean is created.
 */
final class InterimMigrations implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(InterimMigrations.class);

	private final Migrator migrator;

	private final Mode mode;

	private final String target;

	InterimMigrations(Migrator migrator, Mode mode, String target) {
		this.migrator = migrator;
		this.mode = mode;
		this.target = target;
	}

	@Override
	public void afterPropertiesSet() {
		switch (this.mode) {
			case UPGRADE -> this.migrator.upgrade(Target.parse(this.target));
			case VALIDATE -> validate();
			case NONE -> logger.info("app.migrations.mode is 'none': the schema is left as it is");
		}
	}

	private void validate() {
		MigrationStatus status = this.migrator.status(Target.parse(this.target));
		if (!status.isUpToDate()) {
			List<String> problems = new ArrayList<>();
			if (!status.pending().isEmpty()) {
				Stream<String> pending = status.pending().stream().map((step) -> step.revision().id().value());
				problems.add("revisions " + quoted(pending) + " are pending");
			}
			if (!status.unknown().isEmpty()) {
				problems.add("it has revisions " + quoted(status.unknown().stream()) + " that no script declares");
			}
			throw new IllegalStateException(("The database is not at '%s': %s. Migrate it (with the migrations CLI, "
					+ "or by starting once with app.migrations.mode=upgrade) before starting with "
					+ "app.migrations.mode=validate.").formatted(this.target, String.join(", and ", problems)));
		}
		logger.info("Database is up to date at {}", status.current());
	}

	private static String quoted(Stream<String> ids) {
		return ids.map((id) -> "'" + id + "'").collect(Collectors.joining(", "));
	}

	enum Mode {

		UPGRADE, VALIDATE, NONE

	}

}
