package io.github.migrations.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import io.github.migrations.core.revision.Spelling;
import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.Schema;
import io.github.migrations.schema.SchemaChanges;
import io.github.migrations.schema.SchemaDiffer;
import io.github.migrations.schema.SchemaFilter;
import io.github.migrations.schema.scratch.Schemas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code diff --from URL --to URL}: the SQL that turns one database's schema into
 * another's, runnable with {@code psql -v ON_ERROR_STOP=1}; nothing when they are equal.
 * Its own {@code --schema} restricts the comparison. Of the options given before the
 * command it takes those about credentials ({@code --config}, {@code --username},
 * {@code --password}) and refuses the others, which name things a diff never reads.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Print the SQL that turns the --from database's schema into the --to database's (nothing when "
				+ "they are equal). The version store's tables and Alembic's version table are never part of it.")
final class DiffCommand implements Callable<Integer> {

	@ParentCommand
	MigrationsCli root;

	@Option(names = "--from", required = true, paramLabel = "URL",
			description = "The database to change: jdbc:postgresql://host/db or postgresql://user:password@host/db.")
	String from;

	@Option(names = "--to", required = true, paramLabel = "URL", description = "The database whose schema is wanted.")
	String to;

	@Option(names = "--schema", paramLabel = "SCHEMA",
			description = "Compare only this schema (repeatable; default: every user schema).")
	List<String> schemas = new ArrayList<>();

	@Mixin
	DiffFlags flags = new DiffFlags();

	@Override
	public Integer call() {
		// as CliCommand.call: the driver logs through SLF4J (DriverLogging)
		BackgroundPreinitializer.awaitLogging();
		refuseUnusedOptions(this.root.options);
		CliSettings settings = new CliSettings(this.root.options, this.root.environment, this.root.workingDirectory,
				this.root.passwordPrompt);
		SchemaFilter filter = new SchemaFilter(this.schemas, settings.settings().tablePrefix(),
				settings.settings().alembicVersionTable(), settings.ignoredObjects());
		DatabaseSchema from = Schemas.read(settings.otherDatabase(this.from), filter, "--from");
		DatabaseSchema to = Schemas.read(settings.otherDatabase(this.to), filter, "--to");
		for (String schema : this.schemas) {
			refuseUnknown(schema, settings, from, to);
		}
		SchemaChanges changes = SchemaDiffer.diff(from, to, this.flags.options());
		if (!changes.isEmpty()) {
			this.root.out.print(script(from, to, changes));
			this.root.out.flush();
		}
		return 0;
	}

	/**
	 * The script; with {@code --not-valid}, the constraints added {@code NOT VALID} first
	 * and their validation after them (psql commits each statement on its own, so each
	 * {@code VALIDATE} runs after its {@code ADD} committed).
	 */
	private String script(DatabaseSchema from, DatabaseSchema to, SchemaChanges changes) {
		DatabaseSchema pending = this.flags.notValid ? SchemaDiffer.withConstraintsNotValid(from, to) : null;
		if (pending == null) {
			return changes.script();
		}
		return SchemaDiffer.diff(from, pending, this.flags.options()).script()
				+ SchemaDiffer.validation(pending, to).script();
	}

	/**
	 * A {@code --schema} that neither database has would make an empty diff that reads as
	 * "equal": a typo must not pass for that.
	 */
	private void refuseUnknown(String schema, CliSettings settings, DatabaseSchema from, DatabaseSchema to) {
		String key = "schema " + schema;
		if (from.object(key) != null || to.object(key) != null) {
			return;
		}
		SchemaFilter every = SchemaFilter.allSchemas().withTablePrefix(settings.settings().tablePrefix());
		Set<String> known = new TreeSet<>();
		for (DatabaseSchema side : List.of(Schemas.read(settings.otherDatabase(this.from), every, "--from"),
				Schemas.read(settings.otherDatabase(this.to), every, "--to"))) {
			side.all(Schema.class).forEach((found) -> known.add(found.name()));
		}
		List<String> closest = Spelling.closest(schema, known);
		String guess = closest.isEmpty() ? "" : "Did you mean %s? "
			.formatted(String.join(" or ", closest.stream().map((name) -> "'" + name + "'").toList()));
		throw new CliException("Schema '%s' exists in neither the --from nor the --to database.".formatted(schema),
				"%sThe schemas they have: %s. Give --schema a schema of either, or leave it out to compare every schema."
					.formatted(guess, String.join(", ", known)));
	}

	/**
	 * The options before {@code diff} that name what a diff never reads: given, they
	 * would be ignored.
	 */
	private static void refuseUnusedOptions(GlobalOptions options) {
		if (options.url != null) {
			throw unused("--url", "The databases a diff compares are its --from and --to.");
		}
		if (options.locations != null) {
			throw unused("--locations", "A diff compares two databases and reads no revision file.");
		}
		if (options.schema != null) {
			throw unused("--schema", "Before 'diff' it names the version store's schema, which a diff never reads; "
					+ "put --schema after 'diff' to compare only that schema.");
		}
		if (options.json) {
			throw unused("--json", "A diff prints SQL only; leave --json out.");
		}
	}

	private static CliException unused(String option, String hint) {
		return new CliException("'migrations diff' does not take %s.".formatted(option), hint);
	}

}
