package io.github.migrations.core.run;

import java.util.List;
import java.util.stream.Collectors;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.database.CompletedRevision;
import io.github.migrations.core.database.Session;
import io.github.migrations.core.database.VersionStore;
import io.github.migrations.core.plan.MigrationPlan;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.script.JavaRevisionScript;
import io.github.migrations.core.script.Script;
import org.jspecify.annotations.Nullable;

/**
 * Prints a plan as one SQL script for review or for {@code psql}: the {@link RunCommands}
 * the {@link Runner} would execute, in the same order, with the same transaction
 * boundaries, timeouts and version-store writes. Only what a run does to its own session
 * and changes no result is left out (the client liveness check and skipped WAL flushes).
 * Above each statement of a revision, a {@code -- locks:} comment names the locks it
 * takes on tables ({@link LockComment}). Comments carry ids, file names and table names
 * with any line break or control character replaced, so nothing in them can become a
 * statement.
 */
public final class ScriptRenderer {

	private final MigratorSettings settings;

	private final VersionStore store;

	private final RunCommands commands;

	public ScriptRenderer(MigratorSettings settings, VersionStore store) {
		this.settings = settings;
		this.store = store;
		this.commands = new RunCommands(settings, store);
	}

	public String render(MigrationPlan plan) {
		return render(plan, List.of(), null);
	}

	/**
	 * A plan that starts once revisions are recorded as applied without running, as an
	 * upgrade that adopts Alembic's version table or stamps a baseline does first.
	 * @param recordedFirst the revisions recorded first, parents first
	 * @param why what records them, for the comment above
	 */
	public String render(MigrationPlan plan, List<Script> recordedFirst, @Nullable String why) {
		refuseJavaRevisions(plan);
		StringBuilder sql = new StringBuilder();
		sql.append("-- ").append(comment(plan.toString().lines().findFirst().orElse(""))).append('\n');
		sql.append("-- Rendered by migrations; run with: psql -v ON_ERROR_STOP=1 -f <file>\n\n");
		if (this.settings.schema() != null) {
			sql.append(Session.searchPathSql(this.settings.schema())).append(";\n\n");
		}
		for (String statement : this.store.ensureSql()) {
			sql.append(statement).append(";\n");
		}
		sql.append('\n');
		if (!recordedFirst.isEmpty()) {
			sql.append("-- The upgrade first ")
				.append(comment(String.valueOf(why)))
				.append(", recording ")
				.append(recordedFirst.size())
				.append(" revision(s) as applied without running them\n");
			sql.append("BEGIN;\n");
			for (String statement : this.store.stampSql(recordedFirst)) {
				sql.append(statement).append(";\n");
			}
			sql.append("COMMIT;\n\n");
		}
		append(sql, this.commands.opening(), this.settings.schema());
		List<List<Command>> steps = this.commands.steps(plan);
		List<MigrationStep> planned = plan.steps();
		for (int i = 0; i < planned.size(); i++) {
			MigrationStep step = planned.get(i);
			String message = step.revision().message();
			sql.append("-- ")
				.append((step.direction() == Direction.UPGRADE) ? "Upgrade " : "Downgrade ")
				.append(step.revision().id())
				.append(comment((message != null) ? ": " + message : ""))
				.append(" (")
				.append(comment(step.script().source()))
				.append(")\n");
			append(sql, steps.get(i), this.settings.schema());
			sql.append('\n');
		}
		// a script records no execution times: they are known only when it has run
		append(sql,
				this.commands.closing(plan.direction(),
						planned.stream().map((step) -> new CompletedRevision(step.script(), 0, 0)).toList()),
				this.settings.schema());
		return sql.toString();
	}

	/**
	 * A Java revision's work is code, not SQL: a script that went past it would record it
	 * as applied without doing it, so none is rendered.
	 * @throws MigrationException naming the first Java revision of the plan, with the
	 * ranges to render around it
	 */
	private static void refuseJavaRevisions(MigrationPlan plan) {
		for (MigrationStep step : plan.steps()) {
			if (step.script() instanceof JavaRevisionScript java) {
				String id = step.revision().id().value();
				String parents = step.revision()
					.downRevisions()
					.stream()
					.map((parent) -> "'" + parent + "'")
					.collect(Collectors.joining(", "));
				String apply = "apply '%s' with the migrator (Migrator.upgrade, or the application's startup), then "
						+ "render from '%s' on.";
				String hint;
				if (step.direction() == Direction.DOWNGRADE) {
					hint = "Render the script only down to '%s', downgrade '%s' with the migrator (Migrator.revert)%s."
						.formatted(id, id, parents.isEmpty() ? "" : ", then render from %s down".formatted(parents));
				}
				else if (parents.isEmpty()) {
					hint = "Start by applying it: " + apply.formatted(id, id);
				}
				else {
					hint = ("Render the script only up to %s, " + apply).formatted(parents, id, id);
				}
				throw new MigrationException(("Revision '%s' (%s) is written in Java: its work cannot be rendered as "
						+ "SQL, and a script that went past it would record it as applied without running it. Nothing "
						+ "was rendered.")
					.formatted(id, comment(java.source())), hint, id, null, null, null);
			}
		}
	}

	private static void append(StringBuilder sql, List<Command> commands, @Nullable String schema) {
		LockComment lockComment = new LockComment(schema);
		for (Command command : commands) {
			if (command instanceof Command.Statement statement) {
				String text = statement.sql();
				String locks = lockComment.next(text);
				if (locks != null) {
					sql.append(locks).append('\n');
				}
				// a line comment at the end of a statement would swallow its semicolon
				boolean endsInComment = text.lastIndexOf("--") > text.lastIndexOf('\n');
				sql.append(text).append(endsInComment ? "\n;\n" : ";\n");
			}
			else if (command instanceof Command.Own own) {
				sql.append(own.sql()).append(";\n");
			}
			else if (command instanceof Command.Begin) {
				sql.append("BEGIN;\n");
			}
			else if (command instanceof Command.Commit) {
				sql.append("COMMIT;\n");
			}
			else if (command instanceof Command.Java) {
				// refused before rendering: refuseJavaRevisions
				throw new IllegalStateException("A Java revision cannot be rendered as SQL");
			}
		}
	}

	/**
	 * Text for a comment line: line breaks and other control characters become spaces.
	 */
	static String comment(String text) {
		StringBuilder safe = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			safe.append((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') ? ' ' : c);
		}
		return safe.toString();
	}

}
