package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.schema.DiffOptions;
import picocli.CommandLine.Option;

/**
 * The differ's options that {@code diff} and {@code revision --autogenerate} share:
 * rename hints and the safe forms.
 */
final class DiffFlags {

	@Option(names = "--rename", paramLabel = "KIND:OLD=NEW",
			description = "A rename instead of a drop and an add: table:old=new or column:table.old=table.new, "
					+ "the table named as the target has it (repeatable).")
	List<String> renames = new ArrayList<>();

	@Option(names = "--concurrently",
			description = "Build new indexes on existing tables, and drop theirs, CONCURRENTLY; with --autogenerate, in "
					+ "revisions of their own ('transactional: false'): the drops before the rest, the builds after it, "
					+ "so that the rest keeps its transaction.")
	boolean concurrently;

	@Option(names = "--not-valid",
			description = "Add new foreign keys and checks on existing tables, and checks on existing domains, NOT "
					+ "VALID, and VALIDATE them after the ADD committed (with --autogenerate, in a revision of their own; "
					+ "diff prints them after the rest); attach an existing "
					+ "table as a partition after a CHECK of its bounds is validated, so nothing is scanned under "
					+ "the attach's lock.")
	boolean notValid;

	/**
	 * The options for the forward diff.
	 */
	DiffOptions options() {
		DiffOptions options = DiffOptions.defaults()
			.withConcurrentIndexes(this.concurrently)
			.withNotValidConstraints(this.notValid);
		// tables first: a renamed column names its table as the target has it
		for (String rename : this.renames) {
			if (!rename.strip().startsWith("column:")) {
				options = options.withRename(rename);
			}
		}
		for (String rename : this.renames) {
			if (rename.strip().startsWith("column:")) {
				options = options.withRename(rename);
			}
		}
		return options;
	}

}
