package io.github.migrations.core.run;

import java.util.List;
import java.util.Objects;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.ScriptLocation;
import org.jspecify.annotations.Nullable;

/**
 * A revision's SQL (or Java code) failed on the server. Says which revision, the
 * {@code file:line} of the statement, the SQLSTATE and the server's message, and what
 * became of the database.
 */
public final class MigrationFailedException extends MigrationException {

	private final @Nullable String sqlState;

	private final List<String> lockHolders;

	private final @Nullable Interrupted interrupted;

	public MigrationFailedException(String problem, String hint, String revision, ScriptLocation location,
			@Nullable String sqlState, @Nullable Throwable cause) {
		this(problem, hint, revision, location, sqlState, List.of(), cause);
	}

	/**
	 * @param lockHolders for a statement that gave way on its {@code lock_timeout}, the
	 * sessions that held the lock it waited for, one sentence each
	 */
	public MigrationFailedException(String problem, String hint, String revision, ScriptLocation location,
			@Nullable String sqlState, List<String> lockHolders, @Nullable Throwable cause) {
		this(problem, hint, revision, location, sqlState, lockHolders, null, cause);
	}

	/**
	 * @param interrupted for a revision outside a transaction, what ran and how to record
	 * the outcome
	 */
	public MigrationFailedException(String problem, String hint, String revision, ScriptLocation location,
			@Nullable String sqlState, List<String> lockHolders, @Nullable Interrupted interrupted,
			@Nullable Throwable cause) {
		super(problem, hint, revision, location, null, cause);
		this.sqlState = sqlState;
		this.lockHolders = List.copyOf(lockHolders);
		this.interrupted = interrupted;
	}

	@Override
	public String revision() {
		return Objects.requireNonNull(super.revision());
	}

	@Override
	public ScriptLocation location() {
		return Objects.requireNonNull(super.location());
	}

	/**
	 * The setting that bounds what ran out of time: {@code statement-timeout} for a
	 * statement cancelled by its timeout, {@code lock-timeout} for one that waited too
	 * long for a lock; {@code null} for other failures.
	 */
	@Override
	public @Nullable String setting() {
		if (FailureReport.isStatementTimeout(this.sqlState, problem())) {
			return "statement-timeout";
		}
		return "55P03".equals(this.sqlState) ? "lock-timeout" : null;
	}

	/**
	 * For a statement that gave way on its {@code lock_timeout}, the sessions that held,
	 * right after, a lock it waited for: "PostgreSQL backend 4242 ('nightly-report', user
	 * app) holds ACCESS SHARE on invoices, in a transaction open for 35 min, idle in
	 * transaction, last query: ..."; empty otherwise, or when none was found.
	 */
	public List<String> lockHolders() {
		return this.lockHolders;
	}

	/**
	 * The SQLSTATE the server reported, or {@code null} (for example for a Java
	 * revision's own exception).
	 */
	public @Nullable String sqlState() {
		return this.sqlState;
	}

	/**
	 * For a revision that runs outside a transaction ({@code transactional: false}), what
	 * the failure left: the statements that took effect, and the stamps that record the
	 * outcome once an operator has dealt with them; {@code null} for a revision that was
	 * rolled back.
	 */
	public @Nullable Interrupted interrupted() {
		return this.interrupted;
	}

	/**
	 * A revision left marked as interrupted: no run starts until a stamp records its
	 * outcome.
	 *
	 * @param ran where the statements before the failing one start: they took effect and
	 * stay
	 * @param stampIfFinished what to stamp once its work is finished by hand (the
	 * revision itself after an upgrade; what it builds on, or {@code base}, after a
	 * downgrade)
	 * @param stampIfUndone what to stamp once what ran is undone (the other way round)
	 */
	public record Interrupted(List<ScriptLocation> ran, List<String> stampIfFinished, List<String> stampIfUndone) {

		public Interrupted {
			ran = List.copyOf(ran);
			stampIfFinished = List.copyOf(stampIfFinished);
			stampIfUndone = List.copyOf(stampIfUndone);
		}

	}

}
