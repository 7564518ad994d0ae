package io.github.migrations.core.lint;

import io.github.migrations.core.api.ScriptLocation;
import org.jspecify.annotations.Nullable;

/**
 * One rule that fired on one statement.
 *
 * @param rule the rule
 * @param revision the revision's id
 * @param location the statement's file and first line
 * @param statement the statement's first line, for the report
 * @param lock the lock the statement takes, or {@code null} for a style rule
 * @param problem what is wrong with this statement
 */
public record Finding(Rule rule, String revision, ScriptLocation location, String statement, @Nullable LockOn lock,
		String problem) {

	/**
	 * What blocks while the lock is held or waited for, or {@code null}.
	 */
	public @Nullable String blocks() {
		return (this.lock != null) ? this.lock.lock().blocks() : null;
	}

	/**
	 * The finding as one report paragraph: where, what, the lock and what it blocks, the
	 * rewrite.
	 */
	public String describe() {
		StringBuilder text = new StringBuilder();
		text.append(this.location)
			.append(": ")
			.append(this.rule.lockSafety() ? "error" : "warning")
			.append(" [")
			.append(this.rule.id())
			.append("] ")
			.append(this.problem)
			.append('.');
		if (this.lock != null) {
			text.append(" Takes ").append(this.lock).append(", which blocks ").append(blocks()).append('.');
		}
		text.append("\n  ").append(this.statement);
		text.append("\n  fix: ").append(this.rule.rewrite());
		return text.toString();
	}

}
