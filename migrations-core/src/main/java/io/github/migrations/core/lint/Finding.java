package io.github.migrations.core.lint;

import java.util.function.Function;

import io.github.migrations.core.api.ScriptLocation;
import org.jspecify.annotations.Nullable;

/**
 * One rule that fired on one statement.
 *
 * @param rule the rule
 * @param revision the revision's id
 * @param location where the finding points: the line of the column it is about (a
 * column's definition, in a {@code CREATE TABLE} or {@code ADD COLUMN}) or of the
 * {@code ALTER TABLE} action it is about ({@code ALTER COLUMN}, {@code ADD CONSTRAINT},
 * {@code DROP COLUMN}, {@code RENAME}, ...), else the statement's first line
 * @param statementLocation the statement's file and first line (what a
 * {@code -- lint: allow} comment and the labelled corpora refer to)
 * @param statement the statement's first line, for the report
 * @param lock the lock the statement takes, or {@code null} for a style rule
 * @param problem what is wrong with this statement
 */
public record Finding(Rule rule, String revision, ScriptLocation location, ScriptLocation statementLocation,
		String statement, @Nullable LockOn lock, String problem) {

	/**
	 * What blocks while the lock is held or waited for, or {@code null}.
	 */
	public @Nullable String blocks() {
		return (this.lock != null) ? this.lock.lock().blocks() : null;
	}

	/**
	 * The finding as one report paragraph: where, what, the lock and what it blocks, the
	 * rewrite, in the engine's words.
	 */
	public String describe() {
		return describe((setting) -> null);
	}

	/**
	 * The finding as {@link #describe()} tells it, with the rule's {@link Rule#setting()
	 * setting} spelled as the front end sets it.
	 * @param settingAdvice how to set a setting named as the engine names it (a
	 * sentence), or {@code null} to leave it out
	 */
	public String describe(Function<String, @Nullable String> settingAdvice) {
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
		String advice = (this.rule.setting() != null) ? settingAdvice.apply(this.rule.setting()) : null;
		if (advice != null) {
			text.append(' ').append(advice);
		}
		return text.toString();
	}

}
