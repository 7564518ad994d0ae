package io.github.migrations.cli;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.migrations.core.MigrationStatus;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.plan.HistoryMismatchException;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.schema.DiffOptions;
import io.github.migrations.schema.SchemaChanges;
import io.github.migrations.schema.SchemaDiffer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Exit 1 and say why when the graph is invalid, there are several heads (but one per branch label), "
				+ "a checksum differs, "
				+ "the database is not at the heads, a pending revision takes a lock that lint flags, or the desired "
				+ "schema (--desired or app.migrations.desired-schema) differs from head.")
final class CheckCommand extends CliCommand {

	@Option(names = "--desired", paramLabel = "URL|PATH",
			description = "Also fail when this schema (a database URL, a .sql file or a folder of them) differs from "
					+ "head (default: app.migrations.desired-schema of --config).")
	String desired;

	@Override
	int execute() {
		List<Problem> problems = new ArrayList<>();
		Migrator migrator = migrator();
		boolean noRevisions = false;
		Map<RevisionId, String> branchHeads = Map.of();
		try {
			RevisionGraph graph = migrator.graph();
			noRevisions = graph.heads().isEmpty();
			branchHeads = branchHeads(graph);
			if (graph.heads().size() > 1 && branchHeads.size() < graph.heads().size()) {
				problems.add(new Problem("heads", null, null, ("There are %d heads (%s): merge them with 'migrations "
						+ "merge -m \"merge heads\" heads', or, for branches meant to stay apart (expand and contract), "
						+ "give each a branch label of its own.")
					.formatted(graph.heads().size(), String.join(", ", values(graph.heads())))));
			}
			migrator.validate();
			MigrationStatus status = migrator.status(Target.heads());
			boolean unmerged = graph.heads().size() > 1 && branchHeads.size() < graph.heads().size();
			String upgrade = unmerged ? "'migrations upgrade heads' (or merge the heads first)"
					: (graph.heads().size() > 1) ? "'migrations upgrade heads'" : "'migrations upgrade'";
			for (MigrationStep step : status.pending()) {
				problems.add(new Problem("pending", step.revision().id().value(),
						ScriptLocation.at(step.script().source(), 0), "Revision '%s' (%s) is not applied: run %s."
							.formatted(step.revision().id(), step.script().source(), upgrade)));
			}
			status.unknown()
				.forEach((id) -> problems.add(new Problem("unknown", id, null,
						"The database has revision '%s', which no script declares.".formatted(id))));
			LintStep.findings(migrator, status.pending())
				.forEach((finding) -> problems
					.add(new Problem("lint", finding.revision(), finding.location(), LintStep.problem(finding))));
		}
		catch (HistoryMismatchException ex) {
			ex.problems()
				.forEach((problem) -> problems.add(new Problem("history", problem.revision(),
						source(migrator, problem.revision()), problem.toString())));
		}
		catch (MigrationException ex) {
			if (couldNotConnect(ex)) {
				// nothing was checked: reported as every command reports it, with the
				// host and port when the server is out of reach
				throw ex;
			}
			problems.add(new Problem("error", ex.revision(), ex.location(), ex.getMessage()));
		}
		String desiredDiff = desiredDiff(problems);
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("ok", problems.isEmpty());
			document.put("problems", problems.stream().map(Problem::json).toList());
			if (desiredDiff != null) {
				document.put("desiredSchemaDiff", desiredDiff);
			}
			printJson(document);
		}
		else if (problems.isEmpty() && noRevisions) {
			out().println("OK: there are no revisions yet, and none is applied.");
		}
		else if (problems.isEmpty() && branchHeads.size() > 1) {
			List<String> heads = branchHeads.entrySet()
				.stream()
				.map((head) -> head.getValue() + ": " + head.getKey())
				.sorted()
				.toList();
			out().println("OK: one head per branch (%s), every checksum matches, and the database is at the heads"
				.formatted(String.join(", ", heads))
					+ ((settings().desiredSchema(this.desired) != null) ? ", which are the desired schema." : "."));
		}
		else if (problems.isEmpty()) {
			out().println("OK: one head, every checksum matches, and the database is at the head"
					+ ((settings().desiredSchema(this.desired) != null) ? ", which is the desired schema." : "."));
		}
		else {
			problems.forEach((problem) -> this.root.err.println("problem: " + problem.message()));
			if (desiredDiff != null) {
				this.root.err.println();
				this.root.err.print(desiredDiff);
			}
		}
		return problems.isEmpty() ? 0 : MigrationsCli.FAILURE;
	}

	/**
	 * Whether the database could not be reached or logged into (SQLSTATE classes 08 and
	 * 28, a database that does not exist), rather than checked.
	 */
	private static boolean couldNotConnect(MigrationException ex) {
		if (!(ex.getCause() instanceof SQLException sql) || sql.getSQLState() == null) {
			return false;
		}
		String state = sql.getSQLState();
		return state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
	}

	/**
	 * The heads that are the only head of a labelled branch, each with that label: kept
	 * apart on purpose, as the expand and contract branches of an OpenStack-style history
	 * are, rather than waiting for a merge. A label's branch is its lineage, as targets
	 * read it.
	 */
	private static Map<RevisionId, String> branchHeads(RevisionGraph graph) {
		Map<RevisionId, String> branchHeads = new LinkedHashMap<>();
		for (String label : graph.labels().stream().sorted().toList()) {
			RevisionId labelled = graph.labelled(label);
			Set<RevisionId> lineage = (labelled != null) ? graph.lineage(labelled) : Set.of();
			List<RevisionId> heads = graph.heads().stream().filter(lineage::contains).toList();
			if (heads.size() == 1) {
				branchHeads.putIfAbsent(heads.get(0), label);
			}
		}
		return branchHeads;
	}

	/**
	 * Compares head with the desired schema, when one is configured, as Alembic's
	 * {@code check} compares the models with the database: adds a problem and returns the
	 * SQL from head to the desired schema when they differ.
	 */
	private @Nullable String desiredDiff(List<Problem> problems) {
		String source = settings().desiredSchema(this.desired);
		if (source == null) {
			return null;
		}
		try (ScratchServers scratch = new ScratchServers(settings()::scratchServer)) {
			SchemaSources sources = new SchemaSources(settings(), scratch, this.root.workingDirectory);
			SchemaChanges changes = SchemaDiffer.diff(sources.head(source), sources.desired(source),
					DiffOptions.defaults());
			if (changes.isEmpty()) {
				return null;
			}
			int written = changes.changes().size();
			int unsupported = changes.unsupported().size();
			List<String> counts = new ArrayList<>();
			if (written > 0) {
				counts.add("%d change%s".formatted(written, (written == 1) ? "" : "s"));
			}
			if (unsupported > 0) {
				counts.add("%d difference%s the differ cannot write (-- UNSUPPORTED:)".formatted(unsupported,
						(unsupported == 1) ? "" : "s"));
			}
			String action = (written == 0) ? "write them by hand in a revision"
					: (unsupported == 0)
							? "write them as a revision with 'migrations revision --autogenerate -m \"...\"'"
							: "write them as a revision with 'migrations revision --autogenerate -m \"...\"', "
									+ "completed by hand";
			problems.add(new Problem("desired-schema", null, null, "The desired schema '%s' differs from head by %s "
				.formatted(Secrets.mask(source), String.join(" and ", counts)) + "(below): %s.".formatted(action)));
			return changes.script();
		}
		catch (MigrationException ex) {
			if (!(ex.getCause() instanceof SQLException)) {
				// the desired schema named wrong: an input to fix, not a finding of the
				// check
				throw ex;
			}
			problems.add(new Problem("desired-schema", null, null,
					"Could not compare head with the desired schema: " + Secrets.mask(ex.getMessage())));
			return null;
		}
	}

	/**
	 * The file of a revision that the files declare, or {@code null}.
	 */
	private static @Nullable ScriptLocation source(Migrator migrator, String revision) {
		return migrator.revisions()
			.stream()
			.filter((declared) -> declared.id().value().equals(revision))
			.findFirst()
			.map((declared) -> ScriptLocation.at(declared.source(), 0))
			.orElse(null);
	}

	/**
	 * One thing the check found: what kind ({@code heads}, {@code pending},
	 * {@code unknown}, {@code history}, {@code lint}, {@code desired-schema},
	 * {@code error}), the revision and file it is about when it is about one (the line
	 * when known, else 0), and the message the text output prints.
	 */
	record Problem(String kind, @Nullable String revision, @Nullable ScriptLocation location, String message) {

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("kind", this.kind);
			json.put("revision", this.revision);
			json.put("file", (this.location != null) ? this.location.file() : null);
			json.put("line", (this.location != null && this.location.line() > 0) ? this.location.line() : null);
			json.put("message", this.message);
			return json;
		}

	}

}
