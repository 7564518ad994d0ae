package io.github.migrations.autoconfigure;

import javax.sql.DataSource;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Whole {@link SpringApplication} starts: the failure analyzer and the
 * lazy-initialization exclusion are picked up from {@code META-INF}, as in a real
 * application.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsStartupTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void failedRevisionStopsStartupWithADescriptionAndAnAction(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--app.migrations.locations=classpath:revisions/failing"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database migrations failed: revisions/failing/002_orders.sql:7: revision '002' failed")
			.contains("    Revision: 002")
			.contains("    Location: revisions/failing/002_orders.sql:7")
			.contains("    SQLSTATE: 42703")
			.contains("Action:");
	}

	@Test
	void credentialsInTheUrlNeverAppearInTheReport(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> run("--app.migrations.url=jdbc:postgresql://localhost:1/nowhere?user=someone&password=s3cret-pw",
						"--app.migrations.password=an0ther-s3cret"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database migrations failed: Database error: Connection to localhost:1 refused")
			.contains("The migrations connect with app.migrations.url")
			.doesNotContain("s3cret");
	}

	@Test
	void aMigrationsDataSourceThatCannotConnectIsTheOneTheActionNames(CapturedOutput output) {
		SpringApplication application = new SpringApplication(DedicatedDataSourceApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--test.application.url=" + this.database.url(),
				"--test.migrations.url=" + this.database.url().replace(this.database.name(), "no_such_database")));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("database \"no_such_database\" does not exist")
			.contains("The migrations connect with the @MigrationsDataSource bean 'migrationsDataSource'")
			.doesNotContain("else with the application's DataSource");
	}

	@Test
	void lazyInitializationStillMigratesBeforeTheApplicationIsReady() {
		try (ConfigurableApplicationContext context = run("--spring.main.lazy-initialization=true")) {
			assertThat(this.database.tableExists("invoices")).isTrue();
		}
	}

	private ConfigurableApplicationContext run(String... arguments) {
		SpringApplication application = new SpringApplication(StartupApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] all = new String[arguments.length + 3];
		String[] datasource = Databases.properties(this.database);
		for (int i = 0; i < datasource.length; i++) {
			all[i] = "--" + datasource[i];
		}
		System.arraycopy(arguments, 0, all, datasource.length, arguments.length);
		return application.run(all);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
	static class StartupApplication {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(MigrationsAutoConfiguration.class)
	static class DedicatedDataSourceApplication {

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

		private static DataSource dataSource(String url) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(url);
			dataSource.setUser("postgres");
			dataSource.setPassword("postgres");
			return dataSource;
		}

	}

}
