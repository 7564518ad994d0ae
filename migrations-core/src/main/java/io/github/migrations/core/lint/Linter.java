package io.github.migrations.core.lint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * Lints revisions in the context of the revisions before them. Give it every revision
 * file, parents first: each one is read into the schema model, and those selected are
 * checked against the rules as they come.
 */
public final class Linter {

	private final @Nullable Duration lockTimeout;

	private final boolean defaultLockTimeout;

	private Linter(@Nullable Duration lockTimeout, boolean defaultLockTimeout) {
		this.lockTimeout = lockTimeout;
		this.defaultLockTimeout = defaultLockTimeout;
	}

	/**
	 * A linter that knows only the {@code lock_timeout} the files set (their headers and
	 * {@code SET lock_timeout} statements), as a reader of the files alone sees them.
	 */
	public static Linter forFiles() {
		return new Linter(null, false);
	}

	/**
	 * A linter that also knows the {@code lock_timeout} the migrator sets for revisions
	 * whose header sets none, as {@code RunCommands} decides it: the settings' (zero
	 * turns it off), else {@link MigratorSettings#DEFAULT_LOCK_TIMEOUT} for transactional
	 * revisions run one per transaction.
	 */
	public static Linter of(MigratorSettings settings) {
		return new Linter(settings.lockTimeout(), settings.transactionMode() == TransactionMode.PER_REVISION);
	}

	/**
	 * Whether a revision runs with a {@code lock_timeout} before its first statement.
	 */
	boolean hasLockTimeout(SqlScript script) {
		String header = script.lockTimeout();
		if (header != null) {
			return RevisionSession.isSet(header);
		}
		if (this.lockTimeout != null) {
			return !this.lockTimeout.isZero();
		}
		return this.defaultLockTimeout && script.transactional();
	}

	/**
	 * Lints the selected revisions.
	 * @param files every revision file, parents first
	 * @param selected the ids of the revisions to lint; empty for all
	 * @param release the ids of the revisions that ship together: what one of them drops
	 * or renames, another one of them may have added; empty when each revision is its own
	 * release
	 */
	public LintReport lint(List<LintFile> files, Set<String> selected, Set<String> release) {
		SchemaModel model = new SchemaModel();
		List<Finding> findings = new ArrayList<>();
		List<String> linted = new ArrayList<>();
		for (LintFile file : files) {
			String id = file.script().revision().id().value();
			boolean check = selected.isEmpty() || selected.contains(id);
			Set<String> together = (release.isEmpty() || !release.contains(id)) ? Set.of(id) : release;
			RevisionLinter linter = new RevisionLinter(file, model, together, hasLockTimeout(file.script()));
			List<SqlStatement> statements = file.script().upgrade();
			for (int i = 0; i < statements.size(); i++) {
				Shape shape = ShapeReader.read(statements.get(i));
				if (check) {
					linter.check(shape, i, findings);
				}
				model.apply(shape, id);
			}
			if (check) {
				linter.invalidDirectives(findings);
				linted.add(id);
			}
		}
		return new LintReport(findings, linted, List.of());
	}

	/**
	 * The locks a statement takes on tables, strongest first, as {@code --sql} shows
	 * them; empty when it takes none that matter (a new table, a function) or is not
	 * recognised.
	 */
	public static List<LockOn> locks(SqlStatement statement) {
		return ShapeReader.read(statement).locks((index) -> null);
	}

}
