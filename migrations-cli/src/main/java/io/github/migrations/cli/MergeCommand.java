package io.github.migrations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.revision.TargetResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Write a revision that merges two or more heads.")
final class MergeCommand extends CliCommand {

	@Option(names = { "-m", "--message" }, required = true, description = "What the merge is for.")
	String message;

	@Parameters(arity = "1..*", paramLabel = "REV", description = "The revisions to merge, or 'heads' for every head.")
	List<String> revisions;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "A label for the merged branch.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID", description = "The id to use instead of a generated one.")
	String revId;

	@Option(names = "--file-template", paramLabel = "PATTERN",
			description = "File name pattern with {timestamp}, {rev} and {slug} (default: "
					+ RevisionWriter.DEFAULT_FILE_NAME + ").")
	String fileTemplate;

	@Override
	String textOnly() {
		return "'migrations merge' writes a file and prints its name";
	}

	@Override
	int execute() throws Exception {
		String message = RevisionInputs.message("-m", this.message);
		this.revisions.forEach((revision) -> RevisionInputs.reference("Revision", "REV", revision));
		RevisionGraph graph = settings().offlineMigrator().graph();
		TargetResolver resolver = new TargetResolver(graph, Set.of());
		Set<RevisionId> parents = new LinkedHashSet<>();
		for (String revision : this.revisions) {
			if (revision.equals("heads")) {
				parents.addAll(graph.heads());
			}
			else {
				parents.add(resolver.revision(revision));
			}
		}
		if (parents.size() < 2 && this.revisions.contains("heads")) {
			throw new CliException(
					"There is %s: nothing to merge.".formatted(graph.heads().isEmpty() ? "no revision"
							: "only one head (%s)".formatted(RevisionFormat.ids(graph.heads()))),
					"A merge joins two or more heads; 'migrations heads' lists them.");
		}
		if (parents.size() < 2) {
			throw new CliException(
					"A merge needs two or more revisions; got %s.".formatted(RevisionFormat.ids(List.copyOf(parents))),
					"Name the heads to merge, or pass 'heads'.");
		}
		RevisionId id = RevisionInputs.revisionId(this.revId, graph);
		List<String> labels = RevisionInputs.branchLabels(this.branchLabels, id, graph);
		RevisionWriter writer = settings().revisionWriter(this.fileTemplate);
		Path file = writer.write(id, graph.inOrder(parents), message, labels, List.of(), "\n", "\n");
		out().println("Generating " + file + " ... done");
		return 0;
	}

}
