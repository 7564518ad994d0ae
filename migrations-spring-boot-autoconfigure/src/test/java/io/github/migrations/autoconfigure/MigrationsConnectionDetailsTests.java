package io.github.migrations.autoconfigure;

import javax.sql.DataSource;

import io.github.migrations.test.database.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the migrations connect: {@code app.migrations.*} back the
 * {@link MigrationsConnectionDetails} unless a connection-details bean (a service
 * connection) is there, which then wins over {@code app.migrations.url}.
 */
class MigrationsConnectionDetailsTests {

	private final TestDatabase.Database application = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues(Databases.properties(this.application));

	@Test
	void appMigrationsPropertiesBackTheConnectionDetailsByDefault() {
		TestDatabase.Database other = TestDatabase.shared().freshDatabase();
		this.contextRunner
			.withPropertyValues("app.migrations.url=" + other.url(), "app.migrations.username=" + other.username(),
					"app.migrations.password=" + other.password())
			.run((context) -> {
				MigrationsConnectionDetails details = context.getBean(MigrationsConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesMigrationsConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isEqualTo(other.url());
				assertThat(details.getDriverClassName()).isEqualTo("org.postgresql.Driver");
				assertThat(other.tableExists("customers")).isTrue();
				assertThat(this.application.tableExists("customers")).isFalse();
			});
	}

	@Test
	void withoutAUrlTheApplicationsDatabaseIsMigrated() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(MigrationsConnectionDetails.class).getJdbcUrl()).isNull();
			assertThat(this.application.tableExists("customers")).isTrue();
		});
	}

	@Test
	void aConnectionDetailsBeanWinsOverAppMigrationsUrl() {
		TestDatabase.Database serviceDatabase = TestDatabase.shared().freshDatabase();
		this.contextRunner.withBean(MigrationsConnectionDetails.class, () -> new Fixed(serviceDatabase))
			.withPropertyValues("app.migrations.url=jdbc:postgresql://localhost:1/production")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(PropertiesMigrationsConnectionDetails.class);
				assertThat(serviceDatabase.tableExists("customers")).isTrue();
				assertThat(this.application.tableExists("customers")).isFalse();
			});
	}

	@Test
	void aMigrationsDataSourceStillWinsOverConnectionDetails() {
		TestDatabase.Database dedicated = TestDatabase.shared().freshDatabase();
		this.contextRunner.withUserConfiguration(DedicatedDataSource.class)
			.withBean(MigrationsConnectionDetails.class, () -> new Fixed(TestDatabase.shared().freshDatabase()))
			.withPropertyValues("dedicated.url=" + dedicated.url(), "dedicated.username=" + dedicated.username(),
					"dedicated.password=" + dedicated.password())
			.run((context) -> assertThat(dedicated.tableExists("customers")).isTrue());
	}

	/**
	 * Connection details as a service connection registers them.
	 */
	private record Fixed(TestDatabase.Database database) implements MigrationsConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.database.url();
		}

		@Override
		public @Nullable String getUsername() {
			return this.database.username();
		}

		@Override
		public @Nullable String getPassword() {
			return this.database.password();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DedicatedDataSource {

		@Bean
		@MigrationsDataSource
		DataSource migrationsDataSource(Environment environment) {
			return DataSourceBuilder.create()
				.url(environment.getRequiredProperty("dedicated.url"))
				.username(environment.getRequiredProperty("dedicated.username"))
				.password(environment.getRequiredProperty("dedicated.password"))
				.build();
		}

	}

}
