package io.github.migrations.autoconfigure;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.run.MigrationFailedException;
import io.github.migrations.core.script.ScriptException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed startup migration as what failed (revision, {@code file:line},
 * SQLSTATE) and what to do, instead of a stack trace.
 */
final class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	private static final String FALLBACK_ACTION = "Check the revision files and the 'app.migrations.*' properties, "
			+ "then start again.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		StringBuilder description = new StringBuilder("The database migrations failed: ");
		description.append(Credentials.mask(problem(cause))).append(System.lineSeparator());
		detail(description, "Revision", cause.revision());
		detail(description, "Location", location(cause));
		if (cause instanceof MigrationFailedException failed) {
			detail(description, "SQLSTATE", failed.sqlState());
		}
		String hint = cause.hint();
		return new FailureAnalysis(description.toString(), (hint != null) ? Credentials.mask(hint) : FALLBACK_ACTION,
				cause);
	}

	/**
	 * The message without the hint that ends it, since the hint becomes the action.
	 */
	private static String problem(MigrationException cause) {
		String message = String.valueOf(cause.getMessage());
		String hint = cause.hint();
		if (hint != null && message.endsWith(hint)) {
			return message.substring(0, message.length() - hint.length()).strip();
		}
		return message;
	}

	private static @Nullable String location(MigrationException cause) {
		if (cause instanceof MigrationFailedException failed) {
			return failed.location().toString();
		}
		if (cause instanceof ScriptException script) {
			return script.location().toString();
		}
		if (cause instanceof PendingRevisionsException pending) {
			return pending.source();
		}
		return null;
	}

	private static void detail(StringBuilder description, String label, @Nullable String value) {
		if (value != null) {
			description.append(System.lineSeparator()).append("    ").append(label).append(": ").append(value);
		}
	}

}
