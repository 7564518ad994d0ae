package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.schema.DiffOptions;
import io.github.migrations.schema.DiffOptions.Rename;
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
			description = "Build new indexes on existing tables CONCURRENTLY (a revision is then written "
					+ "'transactional: false').")
	boolean concurrently;

	@Option(names = "--not-valid",
			description = "Add new foreign keys and checks on existing tables NOT VALID, then VALIDATE them in a "
					+ "statement of their own.")
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

	/**
	 * The options for the diff back (a downgrade): the renames undone. As in the forward
	 * diff, tables are renamed first and a column names its table as the target has it,
	 * so a renamed column names its table's old name.
	 */
	DiffOptions reversedOptions() {
		List<Rename> tables = new ArrayList<>();
		List<Rename> columns = new ArrayList<>();
		List<Rename> renames = options().renames();
		for (Rename rename : renames) {
			if (!rename.column()) {
				tables.add(0, new Rename(false, rename.schema(), rename.to(), rename.to(), rename.from()));
			}
		}
		for (Rename rename : renames) {
			if (rename.column()) {
				String table = rename.table();
				for (Rename renamed : renames) {
					if (!renamed.column() && renamed.to().equals(table)) {
						table = renamed.from();
					}
				}
				columns.add(new Rename(true, rename.schema(), table, rename.to(), rename.from()));
			}
		}
		tables.addAll(columns);
		return new DiffOptions(tables, this.concurrently, this.notValid);
	}

}
