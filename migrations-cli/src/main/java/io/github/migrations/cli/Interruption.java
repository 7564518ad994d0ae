package io.github.migrations.cli;

import java.time.Duration;
import java.util.List;

import io.github.migrations.core.api.Direction;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.lint.Leftovers;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.RevisionId;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.core.run.MigrationResult;
import io.github.migrations.core.script.SqlScript;
import org.jspecify.annotations.Nullable;

/**
 * What an operator who stops a run (Ctrl-C, {@code kill}: SIGINT or SIGTERM) is told as
 * the process exits: which revision was running, what became of it, and what to do. The
 * process does not wait for the server: a transactional revision is rolled back by
 * PostgreSQL as the session ends, and a {@code transactional: false} one stays marked
 * interrupted, as after any other failure. Without this, the process ended on an open
 * progress line ({@code Upgrading to 002 ... }) and said nothing.
 */
final class Interruption implements MigrationListener {

	private final MigrationsCli root;

	private final TransactionMode mode;

	private volatile @Nullable MigrationStep running;

	private volatile @Nullable Thread hook;

	Interruption(MigrationsCli root, TransactionMode mode) {
		this.root = root;
		this.mode = mode;
	}

	@Override
	public void beforeStep(MigrationStep step) {
		this.running = step;
		if (this.hook == null) {
			Thread thread = new Thread(this::told, "migrations-interrupted");
			try {
				Runtime.getRuntime().addShutdownHook(thread);
				this.hook = thread;
			}
			catch (IllegalStateException shuttingDown) {
				// already stopping: nothing more to register
			}
		}
	}

	@Override
	public void afterStep(MigrationStep step, Duration duration) {
		this.running = null;
	}

	@Override
	public void afterRun(MigrationResult result) {
		done();
	}

	@Override
	public void afterFailure(Direction direction, RuntimeException failure) {
		done();
	}

	private void done() {
		this.running = null;
		Thread thread = this.hook;
		this.hook = null;
		if (thread != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(thread);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook runs, and finds no step running
			}
		}
	}

	private void told() {
		MigrationStep step = this.running;
		if (step != null) {
			this.root.error(problem(step), hint(step, this.mode));
		}
	}

	static String problem(MigrationStep step) {
		return "Stopped (SIGINT or SIGTERM) while %s revision '%s' (%s).".formatted(
				(step.direction() == Direction.UPGRADE) ? "upgrading to" : "downgrading", step.revision().id(),
				step.script().source());
	}

	static String hint(MigrationStep step, TransactionMode mode) {
		boolean upgrade = step.direction() == Direction.UPGRADE;
		if (mode == TransactionMode.ALL) {
			return "The whole run was one transaction (transaction mode 'all'): PostgreSQL rolls it back as the session "
					+ "ends, so "
					+ (upgrade ? "nothing it ran is recorded as applied"
							: "every revision it was to " + "downgrade is still applied")
					+ "; 'migrations current' shows where the database stands. Run again when ready.";
		}
		if (step.script().transactional()) {
			return ("The revision was not committed: PostgreSQL rolls it back as the session ends, so %s; the revisions "
					+ "this run reported done are applied ('migrations current' shows where the database stands). Run "
					+ "again when ready.")
				.formatted(upgrade ? "it is not recorded as applied"
						: "revision '%s' is still applied".formatted(step.revision().id()));
		}
		List<String> below = step.revision().downRevisions().isEmpty() ? List.of("base")
				: step.revision().downRevisions().stream().map(RevisionId::value).toList();
		String itself = step.revision().id().value();
		String finished = upgrade ? itself : String.join(" ", below);
		String undone = upgrade ? String.join(" ", below) : itself;
		List<String> leftovers = (step.script() instanceof SqlScript sql)
				? Leftovers.of(step.script().source(), sql.statements(step.direction())) : List.of();
		return ("The revision runs outside a transaction (transactional: false), so the statements that ran took effect "
				+ "and stay, and it stays marked interrupted: no run starts until a stamp records its outcome. Check "
				+ "what ran.%s Then, finished by hand: run 'migrations stamp %s'; undone: run 'migrations stamp %s'.")
			.formatted(leftovers.isEmpty() ? "" : " " + String.join(" ", leftovers), finished, undone);
	}

}
