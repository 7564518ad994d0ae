package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.Target;
import picocli.CommandLine.Command;

@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Exit 1 and say why when the graph is invalid, there are several heads, a checksum differs, "
				+ "the database is not at the heads, or a pending revision takes a lock that lint flags.")
final class CheckCommand extends CliCommand {

	@Override
	int execute() {
		List<String> problems = new ArrayList<>();
		Migrator migrator = migrator();
		try {
			RevisionGraph graph = migrator.graph();
			if (graph.heads().size() > 1) {
				problems.add("There are %d heads (%s): merge them with 'migrations merge -m \"merge heads\" heads'."
					.formatted(graph.heads().size(), String.join(", ", values(graph.heads()))));
			}
			migrator.validate();
			MigrationStatus status = migrator.status(Target.heads());
			for (MigrationStep step : status.pending()) {
				problems.add("Revision '%s' (%s) is not applied: run 'migrations upgrade'."
					.formatted(step.revision().id(), step.script().source()));
			}
			status.unknown()
				.forEach((id) -> problems
					.add("The database has revision '%s', which no script declares.".formatted(id)));
			problems.addAll(LintStep.problems(migrator, status.pending()));
		}
		catch (HistoryMismatchException ex) {
			ex.problems().forEach((problem) -> problems.add(problem.toString()));
		}
		catch (MigrationException ex) {
			problems.add(ex.getMessage());
		}
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("ok", problems.isEmpty());
			document.put("problems", problems);
			printJson(document);
		}
		else if (problems.isEmpty()) {
			out().println("OK: one head, every checksum matches, and the database is at the head.");
		}
		else {
			problems.forEach((problem) -> this.root.err.println("problem: " + problem));
		}
		return problems.isEmpty() ? 0 : MigrationsCli.FAILURE;
	}

}
