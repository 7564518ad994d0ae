package io.github.migrations.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.JavaRevision;
import io.github.migrations.core.database.AppliedRevision;
import io.github.migrations.core.plan.MigrationStep;
import io.github.migrations.core.revision.Target;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MigrationsAutoConfigurationTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues(Databases.properties(this.database));

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrationsInitializer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("app.migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(Migrator.class)
				.doesNotHaveBean(MigrationsInitializer.class);
			assertThat(this.database.tableExists("customers")).isFalse();
		});
	}

	@Test
	void upgradesToHeadOnStartup() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(Migrator.class).hasSingleBean(MigrationsInitializer.class);
			assertThat(context.getBean(Migrator.class).current()).containsExactly("004");
			assertThat(this.database.tableExists("orders")).isTrue();
			assertThat(this.database.tableExists("invoices")).isTrue();
		});
	}

	@Test
	void upgradesToTheConfiguredTarget() {
		this.contextRunner.withPropertyValues("app.migrations.target=002").run((context) -> {
			assertThat(context.getBean(Migrator.class).current()).containsExactly("002");
			assertThat(this.database.tableExists("invoices")).isFalse();
		});
	}

	@Test
	void noneModeRunsNothingButKeepsTheMigratorAndSaysSo(CapturedOutput output) {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String logger = MigrationsAutoConfiguration.class.getName();
		logging.setLogLevel(logger, LogLevel.INFO);
		try {
			this.contextRunner.withPropertyValues("app.migrations.mode=none").run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(Migrator.class)
					.doesNotHaveBean(MigrationsInitializer.class);
				assertThat(this.database.tableExists("customers")).isFalse();
				assertThat(output).contains("Database not migrated on startup: 'app.migrations.mode' is 'none'");
			});
		}
		finally {
			logging.setLogLevel(logger, null);
		}
	}

	@Test
	void validateModeFailsStartupWhenRevisionsArePending() {
		this.contextRunner.withPropertyValues("app.migrations.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.startsWith("The database migrations failed: The database is not at target 'head': 4 revisions are "
						+ "pending: '001' (")
				.contains("Nothing was changed, because 'app.migrations.mode' is 'validate'.")
				.contains("Revision: 001")
				.contains("Location: db/revisions/001_customers.sql");
			assertThat(analysis.getAction()).startsWith("Apply them with a database user that may change the schema");
			assertThat(this.database.tableExists("customers")).isFalse();
			assertThat(this.database.tableExists("migrations_revisions")).isFalse();
		});
	}

	@Test
	void validateModeStartsWhenTheDatabaseIsAtTheTarget() {
		migrator().upgrade(Target.head());
		this.contextRunner.withPropertyValues("app.migrations.mode=validate")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MigrationsInitializer.class));
	}

	@Test
	void validateModeFailsStartupWhenAnAppliedFileChanged() {
		migrator().upgrade(Target.head());
		this.database.execute("UPDATE migrations_revisions SET checksum = 'edited' WHERE revision = '002'");
		this.contextRunner.withPropertyValues("app.migrations.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("'002'").contains("Revision: 002");
		});
	}

	@Test
	void failingRevisionFailsStartupNamingFileLineAndSqlState() {
		this.contextRunner.withPropertyValues("app.migrations.locations=classpath:revisions/failing").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("002_orders.sql:7")
				.contains("placed_on")
				.contains("Revision: 002")
				.contains("Location: revisions/failing/002_orders.sql:7")
				.contains("SQLSTATE: 42703");
			assertThat(analysis.getAction()).isNotBlank();
			assertThat(analysis.getDescription()).doesNotContain(analysis.getAction());
			assertThat(this.database.tableExists("customers")).isTrue();
			assertThat(this.database.tableExists("orders")).isFalse();
		});
	}

	@Test
	void aPlaceholderWithoutAValueFailsStartupNamingThePropertyThatSetsIt() {
		this.contextRunner.withPropertyValues("app.migrations.locations=classpath:revisions/placeholders")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("001_named.sql:")
					.contains("has no value")
					.doesNotContain("Property:");
				assertThat(analysis.getAction()).endsWith("Property: 'app.migrations.placeholders.table'.");
			});
	}

	@Test
	void brokenHeaderFailsStartupNamingFileAndLine() {
		this.contextRunner.withPropertyValues("app.migrations.locations=classpath:revisions/broken-header")
			.run((context) -> {
				assertThat(context).getFailure().rootCause().hasMessageContaining("001_customers.sql:2");
				FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Location: revisions/broken-header/001_customers.sql:2");
				assertThat(analysis.getAction()).contains("down_revision");
			});
	}

	@Test
	void dedicatedUrlMigratesThatDatabase() {
		TestDatabase.Database other = TestDatabase.shared().freshDatabase();
		this.contextRunner
			.withPropertyValues("app.migrations.url=" + other.url(), "app.migrations.username=" + other.username(),
					"app.migrations.password=" + other.password())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(other.tableExists("customers")).isTrue();
				assertThat(this.database.tableExists("customers")).isFalse();
			});
	}

	@Test
	void aDedicatedUrlThatIsNotAJdbcUrlFailsStartupSayingHowToWriteIt() {
		this.contextRunner.withPropertyValues("app.migrations.url=postgresql://app:s3cret@localhost:5432/shop")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).as("a failure analysis").isNotNull();
				assertThat(analysis.getDescription()).contains("is not a JDBC URL").doesNotContain("s3cret");
				assertThat(analysis.getAction()).contains("jdbc:postgresql://localhost:5432/shop")
					.contains("app.migrations.username")
					.endsWith("Property: 'app.migrations.url'.");
			});
	}

	@Test
	void aTargetThatNamesNoRevisionFailsStartupNamingTheTargetProperty() {
		this.contextRunner.withPropertyValues("app.migrations.target=latest").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("No revision or branch label 'latest'");
			assertThat(analysis.getAction()).endsWith("Property: 'app.migrations.target'.");
		});
	}

	@Test
	void settingsTheEngineRefusesFailStartupNamingTheirProperties() {
		this.contextRunner.withPropertyValues("app.migrations.schema=my schema").run((context) -> {
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).endsWith("Property: 'app.migrations.schema'.");
		});
		this.contextRunner.withPropertyValues("app.migrations.table-prefix=x;y").run((context) -> {
			FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).endsWith("Property: 'app.migrations.table-prefix'.");
		});
		this.contextRunner.withPropertyValues("app.migrations.schema=billing", "app.migrations.create-schemas=false")
			.run((context) -> {
				FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Schema 'billing' does not exist");
				assertThat(analysis.getAction()).endsWith("Property: 'app.migrations.create-schemas'.");
			});
	}

	@Test
	void dedicatedUrlIsEnoughWithoutAnApplicationDataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withPropertyValues("app.migrations.url=" + this.database.url(),
					"app.migrations.username=" + this.database.username(),
					"app.migrations.password=" + this.database.password())
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
				assertThat(this.database.tableExists("customers")).isTrue();
			});
	}

	@Test
	void jdbcConnectionDetailsAreEnoughWithoutADataSource() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class, () -> new TestConnectionDetails(this.database))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
				assertThat(this.database.tableExists("customers")).isTrue();
			});
	}

	@Test
	void dedicatedUsernameRunsTheRevisionsAsThatUser() {
		String role = "ddl_" + this.database.name();
		this.database.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'ddl-secret'");
		this.database.execute("GRANT ALL ON SCHEMA public TO " + role);
		// the test server's URLs name the user, which would win over
		// app.migrations.username
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.database.url().replaceAll("[?&]user=[^&]*", ""),
					"app.migrations.username=" + role, "app.migrations.password=ddl-secret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.database.query("SELECT tableowner FROM pg_tables WHERE tablename = 'customers'"))
					.containsExactly(role);
				assertThat(context.getBean(Migrator.class).appliedRevisions()).extracting(AppliedRevision::appliedBy)
					.containsOnly(role);
			});
	}

	@Test
	void migrationsDataSourceBeanIsUsedInsteadOfThePrimaryOne() {
		TestDatabase.Database other = TestDatabase.shared().freshDatabase();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withUserConfiguration(TwoDataSourcesConfiguration.class)
			.withPropertyValues("test.application.url=" + this.database.url(), "test.migrations.url=" + other.url())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(other.tableExists("customers")).isTrue();
				assertThat(this.database.tableExists("customers")).isFalse();
			});
	}

	@Test
	void twoDataSourcesAndNonePrimaryFailStartupWithAnAnalysisNamingBoth() {
		TestDatabase.Database other = TestDatabase.shared().freshDatabase();
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class))
			.withBean("ordersDataSource", DataSource.class, () -> dataSource(this.database.url()))
			.withBean("reportingDataSource", DataSource.class, () -> dataSource(other.url()))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MigrationsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).as("a failure analysis, not a stack trace").isNotNull();
				assertThat(analysis.getDescription()).contains("2 DataSource beans")
					.contains("'ordersDataSource'")
					.contains("'reportingDataSource'")
					.contains("none is @Primary");
				assertThat(analysis.getAction()).contains("@Primary")
					.contains("@MigrationsDataSource")
					.contains("app.migrations.url");
				assertThat(this.database.tableExists("customers")).isFalse();
				assertThat(other.tableExists("customers")).isFalse();
			});
	}

	@Test
	void customizersAreAppliedInOrder() {
		this.contextRunner.withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			assertThat(context.getBean(Migrator.class).settings().tablePrefix()).isEqualTo("second_");
			assertThat(this.database.tableExists("second_revisions")).isTrue();
			assertThat(this.database.tableExists("first_revisions")).isFalse();
		});
	}

	@Test
	void userStrategyReplacesTheDefault() {
		this.contextRunner.withBean(MigrationStrategy.class, () -> (migrator) -> migrator.upgrade(Target.parse("001")))
			.run((context) -> {
				assertThat(context.getBean(Migrator.class).current()).containsExactly("001");
				assertThat(this.database.tableExists("orders")).isFalse();
			});
	}

	@Test
	void listenerBeansHearEachStep() {
		List<String> heard = new ArrayList<>();
		this.contextRunner.withBean(MigrationListener.class, () -> new MigrationListener() {

			@Override
			public void afterStep(MigrationStep step, Duration duration) {
				heard.add(step.revision().id().value());
			}

		}).run((context) -> assertThat(heard).containsExactly("001", "002", "003", "004"));
	}

	@Test
	void javaRevisionBeansJoinTheGraph() {
		this.contextRunner.withBean(JavaRevision.class, PaymentsRevision::new).run((context) -> {
			assertThat(context.getBean(Migrator.class).current()).containsExactly("005");
			assertThat(this.database.tableExists("payments")).isTrue();
		});
	}

	@Test
	void placeholdersAndSchemaReachTheRevisions() {
		this.contextRunner
			.withPropertyValues("app.migrations.locations=classpath:revisions/placeholders",
					"app.migrations.placeholders.table=things", "app.migrations.schema=app")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.database.tableExists("app", "things")).isTrue();
				assertThat(this.database.tableExists("app", "migrations_revisions")).isTrue();
			});
	}

	@Test
	void migrationsRunUnderLazyInitialization() {
		this.contextRunner
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.database.tableExists("invoices")).isTrue();
			});
	}

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).build();
	}

	private static DataSource dataSource(String url) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser("postgres");
		dataSource.setPassword("postgres");
		return dataSource;
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource applicationDataSource(Environment environment) {
			return dataSource(environment.getRequiredProperty("test.application.url"));
		}

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource(Environment environment) {
			return dataSource(environment.getRequiredProperty("test.migrations.url"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		@Order(2)
		MigratorCustomizer second() {
			return (builder) -> builder.settings(builder.settings().withTablePrefix("second_"));
		}

		@Bean
		@Order(1)
		MigratorCustomizer first() {
			return (builder) -> builder.settings(builder.settings().withTablePrefix("first_"));
		}

	}

	static final class PaymentsRevision implements JavaRevision {

		@Override
		public String id() {
			return "005";
		}

		@Override
		public List<String> downRevisions() {
			return List.of("004");
		}

		@Override
		public void upgrade(Connection connection) throws SQLException {
			connection.createStatement().execute("CREATE TABLE payments (id bigint PRIMARY KEY)");
		}

		@Override
		public void downgrade(Connection connection) throws SQLException {
			connection.createStatement().execute("DROP TABLE payments");
		}

	}

	record TestConnectionDetails(TestDatabase.Database database) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return this.database.username();
		}

		@Override
		public String getPassword() {
			return this.database.password();
		}

		@Override
		public String getJdbcUrl() {
			return this.database.url();
		}

	}

}
