package io.github.migrations.core.plan;

import java.util.List;

import io.github.migrations.core.api.MigrationException;
import org.jspecify.annotations.Nullable;

/**
 * What the database has recorded does not match the scripts: an applied file was edited,
 * an applied revision has no script, or a non-transactional revision was interrupted, or
 * is being run right now by another session ({@link #inProgress()}). Found before
 * anything runs.
 */
public final class HistoryMismatchException extends MigrationException {

	private final List<Problem> problems;

	public HistoryMismatchException(List<Problem> problems) {
		super(message(problems), hint(problems), problems.get(0).revision(), null,
				(problems.size() == 1) ? problems.get(0).setting() : null, null);
		this.problems = List.copyOf(problems);
	}

	private static String message(List<Problem> problems) {
		if (problems.size() == 1) {
			return problems.get(0).description();
		}
		StringBuilder message = new StringBuilder(problems.size() + " problems with the recorded revisions:");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(" - ").append(problem));
		return message.toString();
	}

	private static @Nullable String hint(List<Problem> problems) {
		return problems.size() == 1 ? problems.get(0).hint() : "Deal with each problem as it says.";
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * Whether every problem is a revision that another session is running right now
	 * ({@link Problem#inProgress()}): nothing to repair, a run to wait for, after which
	 * the history matches or that run reports its own failure.
	 */
	public boolean inProgress() {
		return this.problems.stream().allMatch(Problem::inProgress);
	}

	/**
	 * One mismatch: the revision, what is wrong, what to do, the setting that can change
	 * the verdict, if one can, and whether it is a revision marked as running
	 * ({@code transactional: false}) whose run holds the migration lock right now, so in
	 * progress rather than interrupted.
	 */
	public record Problem(String revision, String description, String hint, @Nullable String setting,
			boolean inProgress) {

		public Problem(String revision, String description, String hint) {
			this(revision, description, hint, null, false);
		}

		public Problem(String revision, String description, String hint, @Nullable String setting) {
			this(revision, description, hint, setting, false);
		}

		@Override
		public String toString() {
			return this.description + " " + this.hint;
		}

	}

}
