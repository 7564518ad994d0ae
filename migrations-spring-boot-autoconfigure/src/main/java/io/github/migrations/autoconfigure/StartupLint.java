package io.github.migrations.autoconfigure;

import java.util.List;

import io.github.migrations.autoconfigure.MigrationsProperties.Lint;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.lint.Finding;
import io.github.migrations.core.lint.LintReport;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app.migrations.lint}: lints the revisions pending for the target (one release,
 * in the context of those applied before them) before the strategy runs, and logs the
 * findings or fails startup.
 */
final class StartupLint {

	private static final Logger logger = LoggerFactory.getLogger(StartupLint.class);

	private StartupLint() {
	}

	static MigrationStrategy around(MigrationStrategy strategy, Lint lint, Target target) {
		if (lint == Lint.OFF) {
			return strategy;
		}
		return (migrator) -> {
			check(migrator, lint, target);
			strategy.migrate(migrator);
		};
	}

	private static void check(Migrator migrator, Lint lint, Target target) {
		List<MigrationStep> pending = migrator.status(target).pending();
		if (pending.isEmpty()) {
			return;
		}
		LintReport report = migrator.lint(pending.stream().map((step) -> step.revision().id().value()).toList());
		for (Finding finding : report.findings()) {
			if (lint == Lint.WARN || !finding.rule().lockSafety()) {
				logger.warn("Lint: {}", finding.describe(StartupLint::propertyAdvice));
			}
		}
		if (lint == Lint.FAIL && !report.errors().isEmpty()) {
			Finding first = report.errors().get(0);
			throw MigrationException.of(
					"Lint found %d statement%s in the pending revisions that take locks which "
						.formatted(report.errors().size(), (report.errors().size() == 1) ? "" : "s")
							+ "stall the application; nothing was run. The first: "
							+ first.describe(StartupLint::propertyAdvice).replace("\n  ", " "),
					"Rewrite the statements as each finding says, or opt one out with '-- lint: allow <rule> (<reason>)'"
							+ ", or set 'app.migrations.lint' to 'warn'.");
		}
	}

	private static String propertyAdvice(String setting) {
		return "Property: 'app.migrations.%s'.".formatted(setting);
	}

}
