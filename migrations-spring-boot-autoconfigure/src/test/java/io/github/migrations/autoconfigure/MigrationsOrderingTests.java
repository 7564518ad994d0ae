package io.github.migrations.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.migrations.autoconfigure.jpa.Customer;
import io.github.migrations.test.database.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beans that read a migrated table while they are created: each starts only because the
 * migrations ran before it. The user configurations are registered before the
 * auto-configurations, so without the detectors these beans would be created first.
 */
class MigrationsOrderingTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
				JdbcClientAutoConfiguration.class, MigrationsAutoConfiguration.class))
		.withPropertyValues(Databases.properties(this.database));

	@Test
	void jdbcTemplateUserReadsMigratedTableInItsConstructor() {
		this.contextRunner.withUserConfiguration(JdbcTemplateUser.class)
			.run((context) -> assertThat(context.getBean(CustomerNames.class).names()).containsExactly("Ada", "Grace"));
	}

	@Test
	void namedParameterJdbcTemplateUserReadsMigratedTableInItsConstructor() {
		this.contextRunner.withUserConfiguration(NamedParameterJdbcTemplateUser.class)
			.run((context) -> assertThat(context.getBean(CustomerNames.class).names()).containsExactly("Grace"));
	}

	@Test
	void jdbcClientUserReadsMigratedTableInItsConstructor() {
		this.contextRunner.withUserConfiguration(JdbcClientUser.class)
			.run((context) -> assertThat(context.getBean(CustomerNames.class).names()).containsExactly("Ada", "Grace"));
	}

	@Test
	void dependsOnDatabaseInitializationBeanReadsMigratedTableWithAPlainDataSource() {
		this.contextRunner.withUserConfiguration(AnnotatedDataSourceUser.class)
			.run((context) -> assertThat(context.getBean(CustomerNames.class).names()).containsExactly("Ada", "Grace"));
	}

	@Test
	void entityManagerFactoryValidatesTheMigratedSchema() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class))
			.withUserConfiguration(JpaUser.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(CustomerNames.class).names()).containsExactly("Ada", "Grace");
			});
	}

	@Test
	void jdbcTemplateUserReadsMigratedTableUnderLazyInitialization() {
		this.contextRunner.withUserConfiguration(JdbcTemplateUser.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(this.database.tableExists("customers")).isTrue();
				assertThat(context.getBean(CustomerNames.class).names()).containsExactly("Ada", "Grace");
			});
	}

	@Test
	void dependsOnDatabaseInitializationBeanReadsMigratedTableUnderLazyInitialization() {
		this.contextRunner.withUserConfiguration(AnnotatedDataSourceUser.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> assertThat(context.getBean(CustomerNames.class).names()).containsExactly("Ada", "Grace"));
	}

	record CustomerNames(List<String> names) {

	}

	@Configuration(proxyBeanMethods = false)
	static class JdbcTemplateUser {

		@Bean
		CustomerNames customerNames(JdbcTemplate jdbc) {
			return new CustomerNames(jdbc.queryForList("SELECT name FROM customers ORDER BY id", String.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedParameterJdbcTemplateUser {

		@Bean
		CustomerNames customerNames(NamedParameterJdbcTemplate jdbc) {
			return new CustomerNames(jdbc.queryForList("SELECT name FROM customers WHERE id = :id",
					new MapSqlParameterSource("id", 2), String.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JdbcClientUser {

		@Bean
		CustomerNames customerNames(JdbcClient jdbc) {
			return new CustomerNames(jdbc.sql("SELECT name FROM customers ORDER BY id").query(String.class).list());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedDataSourceUser {

		@Bean
		@DependsOnDatabaseInitialization
		CustomerNames customerNames(DataSource dataSource) throws SQLException {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT name FROM customers ORDER BY id")) {
				List<String> names = new ArrayList<>();
				while (rows.next()) {
					names.add(rows.getString(1));
				}
				return new CustomerNames(names);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Customer.class)
	static class JpaUser {

		@Bean
		CustomerNames customerNames(EntityManagerFactory entityManagerFactory) {
			try (var entityManager = entityManagerFactory.createEntityManager()) {
				return new CustomerNames(
						entityManager.createQuery("SELECT c FROM Customer c ORDER BY c.id", Customer.class)
							.getResultList()
							.stream()
							.map(Customer::getName)
							.toList());
			}
		}

	}

}
