package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.github.migrations.core.revision.RevisionId;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new revision file from the template, named by a pattern with
 * {@code {timestamp}} ({@code yyyyMMdd_HHmm}), {@code {rev}} and {@code {slug}}. The
 * pattern names a file inside the revisions folder (subfolders allowed) that the engine
 * reads: a {@code .sql} file, neither it nor its folders hidden. The header's values are
 * checked by {@link RevisionInputs} before they get here.
 */
final class RevisionWriter {

	static final String DEFAULT_FILE_NAME = "{timestamp}_{rev}_{slug}.sql";

	private final Path folder;

	private final String fileName;

	private final String setting;

	/**
	 * @param folder the revisions folder
	 * @param fileName the file name pattern, or {@code null} for the default
	 * @param setting how the pattern was given, for hints ({@code --file-template})
	 */
	RevisionWriter(Path folder, @Nullable String fileName, String setting) {
		this.folder = folder;
		this.fileName = (fileName != null) ? fileName : DEFAULT_FILE_NAME;
		this.setting = setting;
	}

	Path write(RevisionId id, List<RevisionId> parents, String message, List<String> branchLabels,
			List<String> dependsOn, String upgrade, String downgrade) throws IOException {
		return write(id, parents, message, branchLabels, dependsOn, true, upgrade, downgrade);
	}

	/**
	 * Writes the file; a revision that is not {@code transactional} says
	 * {@code transactional: false} in its header.
	 */
	Path write(RevisionId id, List<RevisionId> parents, String message, List<String> branchLabels,
			List<String> dependsOn, boolean transactional, String upgrade, String downgrade) throws IOException {
		Path file = file(id, message);
		StringBuilder text = new StringBuilder();
		text.append("-- revision: ").append(id).append('\n');
		text.append("-- down_revision: ").append(parents.isEmpty() ? "base" : RevisionFormat.ids(parents)).append('\n');
		text.append("-- message: ").append(message).append('\n');
		if (!branchLabels.isEmpty()) {
			text.append("-- branch_labels: ").append(String.join(", ", branchLabels)).append('\n');
		}
		if (!dependsOn.isEmpty()) {
			text.append("-- depends_on: ").append(String.join(", ", dependsOn)).append('\n');
		}
		if (!transactional) {
			text.append("-- transactional: false\n");
		}
		text.append('\n')
			.append("-- +upgrade\n")
			.append(upgrade)
			.append('\n')
			.append("-- +downgrade\n")
			.append(downgrade);
		Files.createDirectories(file.getParent());
		try {
			return Files.writeString(file, text, StandardOpenOption.CREATE_NEW);
		}
		catch (FileAlreadyExistsException ex) {
			throw new CliException("File '%s' already exists.".formatted(file), "Use another message or --rev-id.");
		}
	}

	/**
	 * The file to write: the pattern filled in, checked to name a file inside the folder
	 * that the engine will read.
	 */
	private Path file(RevisionId id, String message) {
		String template = RevisionInputs.shown(this.fileName);
		String example = "for example '" + DEFAULT_FILE_NAME + "' or 'archive/{rev}_{slug}.sql' (" + this.setting
				+ ").";
		int unprintable = RevisionInputs.firstUnprintable(this.fileName);
		if (unprintable >= 0) {
			throw new CliException(
					"File template %s holds %s, which a file name should not hold.".formatted(template,
							RevisionInputs.describe(this.fileName.codePointAt(unprintable))),
					"Write the pattern on one line of printable characters, " + example);
		}
		String name = fileName(id, message);
		Path folder = this.folder.toAbsolutePath().normalize();
		String relativeHint = "Give a file name relative to the revisions folder, " + example
				+ " To write to another folder, name it with --locations.";
		if (Path.of(name).isAbsolute()) {
			throw new CliException(
					"File template %s is an absolute path; a new revision is written inside the ".formatted(template)
							+ "revisions folder '%s'.".formatted(folder),
					relativeHint);
		}
		Path file = folder.resolve(name).normalize();
		if (file.equals(folder)) {
			throw new CliException("File template %s names the revisions folder '%s' itself, not a file in it."
				.formatted(template, folder), relativeHint);
		}
		if (!file.startsWith(folder)) {
			throw new CliException("File template %s names '%s', which is outside the revisions folder '%s'."
				.formatted(template, file, folder), relativeHint);
		}
		Path relative = folder.relativize(file);
		String shownName = RevisionInputs.shown(relative.toString());
		if (!relative.getFileName().toString().endsWith(".sql")) {
			throw new CliException(
					"File template %s gives the name %s, which does not end in '.sql': the engine ".formatted(template,
							shownName) + "reads only '.sql' files, so it would never see the revision.",
					"End the pattern with '.sql', " + example);
		}
		for (int i = 0; i < relative.getNameCount(); i++) {
			String part = relative.getName(i).toString();
			if (part.startsWith(".")) {
				throw new CliException(
						"File template %s gives the name %s, %s starts with '.': the engine skips ".formatted(template,
								shownName, (i == 0) ? "which" : "whose part '" + part + "'")
								+ "hidden files and folders, so it would never see the revision.",
						"Start each part of the pattern with another character, " + example);
			}
		}
		return this.folder.resolve(relative);
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
