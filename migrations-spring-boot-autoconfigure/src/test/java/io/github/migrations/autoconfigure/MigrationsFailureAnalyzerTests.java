package io.github.migrations.autoconfigure;

import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.revision.TargetException;
import io.github.migrations.core.run.MigrationFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the failure analyzer reports of an engine error; the reports of real failed
 * startups are in {@link MigrationsAutoConfigurationTests}.
 */
class MigrationsFailureAnalyzerTests {

	@Test
	void aPasswordWithASlashInAUrlOfTheProblemNeverReachesTheReport() {
		FailureAnalysis analysis = analyze(new MigrationException(
				"Could not reach 'postgresql://app:Leak/Me_Q7w@db.example.com:5432/orders'", "Check the URL."));
		assertThat(analysis.getDescription())
			.startsWith("The database migrations failed: Could not reach "
					+ "'postgresql://app:***@db.example.com:5432/orders'")
			.doesNotContain("Leak")
			.doesNotContain("Q7w");
	}

	@Test
	void passwordParametersAndKeysOfTheProblemAndTheHintAreMaskedWhole() {
		FailureAnalysis analysis = analyze(new MigrationException(
				"Could not reach jdbc:postgresql://db.example.com/orders?user=app&sslpassword=Leak'Me&ssl=true",
				"Check 'spring.datasource.password=Leak Me' and the server.", null, null, "url", null));
		assertThat(analysis.getDescription())
			.contains("jdbc:postgresql://db.example.com/orders?user=app&sslpassword=***&ssl=true")
			.doesNotContain("Leak");
		assertThat(analysis.getAction())
			.isEqualTo("Check 'spring.datasource.password=***' and the server. Property: 'app.migrations.url'.");
	}

	@Test
	void aRevisionThatRanOutOfTimeNamesThePropertyOfItsTimeout() {
		FailureAnalysis statement = analyze(failed("canceling statement due to statement timeout", "57014"));
		assertThat(statement.getAction()).endsWith("Property: 'app.migrations.statement-timeout'.");
		FailureAnalysis lock = analyze(failed("canceling statement due to lock timeout", "55P03"));
		assertThat(lock.getAction()).endsWith("Property: 'app.migrations.lock-timeout'.");
		assertThat(analyze(failed("column \"x\" does not exist", "42703")).getAction()).doesNotContain("Property:");
		assertThat(analyze(failed("canceling statement due to user request", "57014")).getAction())
			.as("cancelled by someone, not by its timeout")
			.doesNotContain("Property:");
	}

	@Test
	void aTargetFromTheBaselineNamesTheBaselinePropertyNotTheTarget() {
		FailureAnalysis baseline = analyze(new TargetException(
				"The baseline 'zz9' is not a revision to stamp: No revision 'zz9'.", "Check the id.", "baseline"));
		assertThat(baseline.getAction()).isEqualTo("Check the id. Property: 'app.migrations.baseline'.");
		FailureAnalysis target = analyze(new TargetException("No revision 'zz9'.", "Check the id."));
		assertThat(target.getAction()).isEqualTo("Check the id. Property: 'app.migrations.target'.");
	}

	private static MigrationFailedException failed(String message, String sqlState) {
		return new MigrationFailedException("revision 'b2' failed: %s (SQLSTATE %s)".formatted(message, sqlState),
				"Raise the timeout.", "b2", ScriptLocation.at("b2.sql", 4), sqlState, null);
	}

	@Test
	void anotherSchemesUrlIsMaskedToo() {
		FailureAnalysis analysis = analyze(
				new MigrationException("'mysql://root:s3cret@db.example.com/app' is not a PostgreSQL URL", null));
		assertThat(analysis.getDescription()).contains("'mysql://root:***@db.example.com/app'")
			.doesNotContain("s3cret");
	}

	private static FailureAnalysis analyze(MigrationException failure) {
		return new MigrationsFailureAnalyzer().analyze(new IllegalStateException("startup failed", failure));
	}

}
