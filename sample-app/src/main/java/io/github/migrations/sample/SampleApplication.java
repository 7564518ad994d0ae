package io.github.migrations.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample app: a small invoice, meeting and bank-statement API over
 * {@code JdbcClient}, whose schema is the revisions in {@code db/revisions}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public final class SampleApplication {

	private SampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
