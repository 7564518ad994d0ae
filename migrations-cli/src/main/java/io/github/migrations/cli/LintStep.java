package io.github.migrations.cli;

import java.util.List;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.lint.Finding;
import io.github.migrations.core.plan.MigrationStep;

/**
 * The {@code lint} step of {@code check}: the pending revisions are the release about to
 * ship, linted in the context of those applied before them; each lock-safety finding is a
 * problem.
 */
final class LintStep {

	private LintStep() {
	}

	static List<Finding> findings(Migrator migrator, List<MigrationStep> pending) {
		if (pending.isEmpty()) {
			return List.of();
		}
		List<String> revisions = pending.stream().map((step) -> step.revision().id().value()).toList();
		return migrator.lint(revisions).errors();
	}

	static String problem(Finding finding) {
		return "%s: lint [%s] %s%s. %s".formatted(
				finding.location(), finding.rule().id(), finding.problem(), (finding.lock() != null)
						? " (takes " + finding.lock() + ", which blocks " + finding.blocks() + ")" : "",
				finding.rule().rewrite());
	}

}
