package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.github.migrations.core.revision.RevisionGraph;
import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new revision file from the template, named by a pattern with
 * {@code {timestamp}} ({@code yyyyMMdd_HHmm}), {@code {rev}} and {@code {slug}}.
 */
final class RevisionWriter {

	static final String DEFAULT_FILE_NAME = "{timestamp}_{rev}_{slug}.sql";

	private final Path folder;

	private final String fileName;

	RevisionWriter(Path folder, @Nullable String fileName) {
		this.folder = folder;
		this.fileName = (fileName != null) ? fileName : DEFAULT_FILE_NAME;
	}

	/**
	 * The id to use: the given one, checked to be valid and new, or a generated one.
	 */
	static RevisionId id(@Nullable String requested, RevisionGraph graph) {
		if (requested == null) {
			RevisionId id = RevisionId.generate();
			return graph.contains(id) ? id(null, graph) : id;
		}
		if (!RevisionId.isValid(requested)) {
			throw new CliException("'%s' is not a valid revision id.".formatted(requested),
					"Use letters, digits and '_' only, and not 'head', 'heads' or 'base'.");
		}
		RevisionId id = RevisionId.of(requested);
		if (graph.contains(id)) {
			throw new CliException("Revision '%s' already exists (%s).".formatted(id, graph.get(id).source()),
					"Choose another --rev-id, or leave it out to generate one.");
		}
		return id;
	}

	Path write(RevisionId id, List<RevisionId> parents, String message, List<String> branchLabels,
			List<String> dependsOn, String upgrade, String downgrade) throws IOException {
		StringBuilder text = new StringBuilder();
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision: ").append(parents.isEmpty() ? "base" : RevisionFormat.ids(parents)).append('\n');
		text.append("-- message: ").append(message.replace('\n', ' ')).append('\n');
		if (!branchLabels.isEmpty()) {
			text.append("-- branch_labels: ").append(String.join(", ", branchLabels)).append('\n');
		}
		if (!dependsOn.isEmpty()) {
			text.append("-- depends_on: ").append(String.join(", ", dependsOn)).append('\n');
		}
		text.append('\n')
			.append("-- +upgrade\n")
			.append(upgrade)
			.append('\n')
			.append("-- +downgrade\n")
			.append(downgrade);
		Files.createDirectories(this.folder);
		Path file = this.folder.resolve(fileName(id, message));
		try {
			return Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW);
		}
		catch (FileAlreadyExistsException ex) {
			throw new CliException("File '%s' already exists.".formatted(file), "Use another message or --rev-id.");
		}
	}

	private String fileName(RevisionId id, String message) {
		String timestamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmm"));
		return this.fileName.replace("{timestamp}", timestamp)
			.replace("{rev}", id.value())
			.replace("{slug}", slug(message));
	}

	static String slug(String message) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("_+$", "");
		}
		return slug.isEmpty() ? "revision" : slug;
	}

}
