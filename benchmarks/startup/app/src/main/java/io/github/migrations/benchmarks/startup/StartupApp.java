package io.github.migrations.benchmarks.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application every variant starts: Spring JDBC over Boot's Hikari pool, one bean
 * that reads the database while it is created (as a repository warming a cache would),
 * and a report of when it was ready. It starts, prints its {@code BENCH startup} line at
 * {@code ApplicationReadyEvent}, and closes.
 * <p>
 * Spring's own {@link BufferingApplicationStartup} records how long each bean took to
 * create, which gives the time spent in the migration tool's beans.
 */
@SpringBootApplication
public class StartupApp {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StartupApp.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(10_000);
		application.setApplicationStartup(startup);
		application.addListeners(new ReadyReport(startup));
		application.run(args).close();
	}

	@Bean
	FirstQuery firstQuery(JdbcClient jdbc) {
		return new FirstQuery(jdbc);
	}

}
