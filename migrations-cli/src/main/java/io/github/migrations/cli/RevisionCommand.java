package io.github.migrations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.revision.TargetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "revision", mixinStandardHelpOptions = true, description = "Create a new revision file.")
final class RevisionCommand extends CliCommand {

	static final String FILE_TEMPLATE = "app.migrations.file-template";

	@Option(names = { "-m", "--message" }, required = true, description = "What the revision does.")
	String message;

	@Option(names = "--head", defaultValue = "head", paramLabel = "REV",
			description = "The parent: head (default), base for a new root, a revision or <label>@head.")
	String head;

	@Option(names = "--branch-label", paramLabel = "LABEL",
			description = "A label for the branch this revision starts.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--depends-on", paramLabel = "REV", split = ",", description = "Revisions this one depends on.")
	List<String> dependsOn = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "The id to use instead of a generated one.")
	String revId;

	@Option(names = "--splice", description = "Allow a parent that is not a head (starts a new branch).")
	boolean splice;

	@Option(names = "--file-template", paramLabel = "PATTERN",
			description = "File name pattern with {timestamp}, {rev} and {slug} (default: "
					+ RevisionWriter.DEFAULT_FILE_NAME + ").")
	String fileTemplate;

	@Override
	int execute() throws Exception {
		String message = RevisionInputs.message("-m", this.message);
		RevisionInputs.reference("The parent", "--head", this.head);
		RevisionGraph graph = settings().offlineMigrator().graph();
		List<RevisionId> parents = parents(graph);
		RevisionId id = RevisionInputs.revisionId(this.revId, graph);
		List<String> labels = RevisionInputs.branchLabels(this.branchLabels, id, graph);
		List<String> dependsOn = RevisionInputs.dependsOn(this.dependsOn, graph);
		RevisionWriter writer = settings().revisionWriter(this.fileTemplate);
		Path file = writer.write(id, parents, message, labels, dependsOn, "\n", "\n");
		out().println("Generating " + file + " ... done");
		return 0;
	}

	private List<RevisionId> parents(RevisionGraph graph) {
		Target target = Target.parse(this.head);
		if (target instanceof Target.Base || graph.isEmpty()) {
			return List.of();
		}
		if (target instanceof Target.Head && graph.heads().size() > 1) {
			throw new CliException(
					"There are %d heads (%s), so the new revision's parent is ambiguous."
						.formatted(graph.heads().size(), RevisionFormat.ids(graph.heads())),
					"Pass --head with one of them, or merge them first with 'migrations merge -m \"merge heads\" heads'.");
		}
		List<RevisionId> parents = graph.headsOf(new TargetResolver(graph, Set.of()).toApply(target));
		for (RevisionId parent : parents) {
			if (!graph.isHead(parent) && !this.splice) {
				throw new CliException(
						"Revision '%s' is not a head: a new revision on it starts a branch.".formatted(parent),
						"Pass --splice to branch from it on purpose, or use --head head.");
			}
		}
		return parents;
	}

}
