package io.github.migrations.autoconfigure.serviceconnection;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application whose only database settings point at a production server that the tests
 * cannot reach: a service connection must win over them.
 */
@SpringBootApplication(excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
public class ServiceConnectionApplication {

	/**
	 * Where the application's own configuration says the migrations run.
	 */
	static final String PRODUCTION_URL = "jdbc:postgresql://localhost:1/production";

}
