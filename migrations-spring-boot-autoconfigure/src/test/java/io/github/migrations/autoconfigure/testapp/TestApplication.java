package io.github.migrations.autoconfigure.testapp;

import java.util.List;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tiny web application with the actuator, migrated from {@code db/revisions} on
 * startup.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class TestApplication {

	@Bean
	CustomerNames customerNames(JdbcClient jdbc) {
		return new CustomerNames(jdbc.sql("SELECT name FROM customers ORDER BY id").query(String.class).list());
	}

	/**
	 * Read from a migrated table while the bean is created.
	 */
	public record CustomerNames(List<String> names) {

	}

}
