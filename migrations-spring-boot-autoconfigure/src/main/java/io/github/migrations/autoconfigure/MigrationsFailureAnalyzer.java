package io.github.migrations.autoconfigure;

import java.sql.SQLException;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.revision.TargetException;
import io.github.migrations.core.run.MigrationFailedException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a failed startup migration as what failed (revision, {@code file:line},
 * SQLSTATE) and what to do, instead of a stack trace.
 */
final class MigrationsFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	private static final String FALLBACK_ACTION = "Check the revision files and the 'app.migrations.*' properties, "
			+ "then start again.";

	private final @Nullable ListableBeanFactory beanFactory;

	/**
	 * Created by Spring Boot with the failed context's bean factory ({@code null} when
	 * startup failed before there was one), to tell which data source the migrations
	 * used.
	 */
	public MigrationsFailureAnalyzer(@Nullable BeanFactory beanFactory) {
		this.beanFactory = (beanFactory instanceof ListableBeanFactory listable) ? listable : null;
	}

	MigrationsFailureAnalyzer() {
		this(null);
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		StringBuilder description = new StringBuilder("The database migrations failed: ");
		description.append(Secrets.mask(cause.description())).append(System.lineSeparator());
		detail(description, "Revision", cause.revision());
		detail(description, "Location", location(cause));
		if (cause instanceof MigrationFailedException failed) {
			detail(description, "SQLSTATE", failed.sqlState());
		}
		return new FailureAnalysis(description.toString(), action(cause), cause);
	}

	/**
	 * The hint, with the setting it names spelled as the property that sets it, and for a
	 * connection that failed, the properties it was made from.
	 */
	String action(MigrationException cause) {
		String hint = cause.hint();
		if (hint == null) {
			return FALLBACK_ACTION;
		}
		if (isConnectionFailure(cause)) {
			hint = hint + " " + connectsWith();
		}
		// on startup a target is always app.migrations.target
		String setting = (cause instanceof TargetException && cause.setting() == null) ? "target" : cause.setting();
		return Secrets.mask((setting != null) ? "%s Property: 'app.migrations.%s'.".formatted(hint, setting) : hint);
	}

	/**
	 * Where the migrations' connection came from: a {@link MigrationsDataSource} bean
	 * wins over every property, so when there is one it is the one to check.
	 */
	private String connectsWith() {
		String[] dedicated = dedicatedDataSources();
		if (dedicated.length > 0) {
			return "The migrations connect with the @MigrationsDataSource bean '%s', not with app.migrations.url or "
				.formatted(String.join("', '", dedicated)) + "spring.datasource.*: check the URL, user and password "
					+ "it is built with.";
		}
		return "The migrations connect with app.migrations.url (and app.migrations.username and password) when it "
				+ "is set, else with the application's DataSource (spring.datasource.*).";
	}

	private String[] dedicatedDataSources() {
		if (this.beanFactory == null) {
			return new String[0];
		}
		try {
			return this.beanFactory.getBeanNamesForAnnotation(MigrationsDataSource.class);
		}
		catch (RuntimeException ex) {
			// a bean factory left unusable by the failure: say what the properties do
			return new String[0];
		}
	}

	/**
	 * A server that could not be reached, a database that does not exist, or a login
	 * refused: SQLSTATE classes 08 and 28, and 3D000.
	 */
	private static boolean isConnectionFailure(MigrationException cause) {
		if (cause.getCause() instanceof SQLException sql && sql.getSQLState() != null) {
			String state = sql.getSQLState();
			return state.startsWith("08") || state.startsWith("28") || state.equals("3D000");
		}
		return false;
	}

	private static @Nullable String location(MigrationException cause) {
		if (cause instanceof PendingRevisionsException pending) {
			return pending.source();
		}
		return (cause.location() != null) ? cause.location().toString() : null;
	}

	private static void detail(StringBuilder description, String label, @Nullable String value) {
		if (value != null) {
			description.append(System.lineSeparator()).append("    ").append(label).append(": ").append(value);
		}
	}

}
