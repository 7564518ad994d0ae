package io.github.migrations.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;

import io.github.migrations.core.Migrator;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code app.migrations.lint}: the pending revisions linted on startup, before they run.
 * The test revisions' {@code 002} references {@code customers}, made by {@code 001},
 * without a {@code lock_timeout} in its header: a strong lock without one when the
 * migrator's default is turned off ({@code lock-timeout=0}) and {@code 001} was applied
 * by an earlier release; a table made in the same run is new to the revisions after it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupLintTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues(Databases.properties(this.database));

	private void applyFirstRelease() {
		this.contextRunner.withPropertyValues("app.migrations.target=001")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failStopsStartupBeforeAnythingRunsNamingTheStatementItsLockAndTheFix() {
		applyFirstRelease();
		this.contextRunner.withPropertyValues("app.migrations.lint=fail", "app.migrations.lock-timeout=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining(
							"Lint found 2 statements in the pending revisions that take locks which stall "
									+ "the application; nothing was run. The first: db/revisions/002_orders.sql:7: error "
									+ "[strong-lock-without-timeout]")
					.hasMessageContaining("Takes SHARE ROW EXCLUSIVE on customers, which blocks writes");
				assertThat(this.database.tableExists("orders")).isFalse();
			});
	}

	@Test
	void failLetsAFreshDatabaseMigrateForItsTablesAreNewToTheRevisionsAfterThem() {
		this.contextRunner.withPropertyValues("app.migrations.lint=fail", "app.migrations.lock-timeout=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).current()).containsExactly("004");
			});
	}

	@Test
	void failPassesWhenTheMigratorSetsItsDefaultLockTimeout() {
		this.contextRunner.withPropertyValues("app.migrations.lint=fail").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("004");
		});
	}

	@Test
	void warnLogsEachFindingAndMigrates(CapturedOutput output) {
		applyFirstRelease();
		this.contextRunner.withPropertyValues("app.migrations.lint=warn", "app.migrations.lock-timeout=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.database.tableExists("orders")).isTrue();
			});
		assertThat(output).contains("Lint: db/revisions/002_orders.sql:7: error [strong-lock-without-timeout]")
			.contains("Lint: db/revisions/003_invoices.sql:7: error [strong-lock-without-timeout]")
			.contains("or set a lock timeout for every revision. Property: 'app.migrations.lock-timeout'.")
			.doesNotContain("--config");
	}

	@Test
	void offIsTheDefaultAndLintsNothing(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("Lint:");
	}

	@Test
	void theMetadataDocumentsTheKeyWithItsDefaultOff() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode lint = null;
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream input = url.openStream()) {
				for (JsonNode property : mapper.readTree(input).path("properties")) {
					if (property.path("name").asString().equals("app.migrations.lint")) {
						lint = property;
					}
				}
			}
		}
		assertThat(lint).isNotNull();
		assertThat(lint.path("defaultValue").asString()).isEqualTo("off");
		assertThat(lint.path("description").asString()).startsWith("Whether to lint the pending revisions on startup");
	}

}
