package io.github.migrations.sample;

import java.net.URI;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How {@code application.yml}'s profiles toggle migration, seed data and actuator
 * exposure.
 */
class ProfilesTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private ConfigurableApplicationContext start(String... profiles) {
		return new SpringApplicationBuilder(SampleApplication.class).profiles(profiles)
			.properties("spring.datasource.url=" + this.database.url(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + this.database.password(), "server.port=0")
			.run();
	}

	private static Map<String, Object> actuatorLinks(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		String body = RestClient.create()
			.get()
			.uri(URI.create("http://localhost:" + port + "/actuator"))
			.retrieve()
			.body(String.class);
		return JsonPath.read(body, "$._links");
	}

	private Migrator migrator() {
		return Migrator.builder(this.database.dataSource()).locations("classpath:db/revisions").build();
	}

	@Test
	void defaultProfileUpgradesToHeadWithoutSeedData() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(migrator().current()).containsExactly("0006");
			assertThat(this.database.query("SELECT count(*) FROM invoices")).containsExactly("0");
			assertThat(actuatorLinks(context)).containsKeys("health", "info").doesNotContainKeys("env", "beans");
		}
	}

	@Test
	void prodProfileRefusesADatabaseWithPendingRevisionsAndChangesNothing() {
		migrator().upgrade(Target.parse("0004"));
		assertThatException().isThrownBy(() -> start("prod").close());
		assertThat(migrator().current()).containsExactly("0004");
		assertThat(this.database.tableExists("invoices")).isFalse();
	}

	@Test
	void prodProfileStartsOnAMigratedDatabaseExposingOnlyHealthAndMigrationsWithoutSeedData() {
		migrator().upgrade(Target.head());
		try (ConfigurableApplicationContext context = start("prod")) {
			assertThat(actuatorLinks(context)).containsKey("health")
				.doesNotContainKeys("info", "env", "beans", "metrics");
			assertThat(this.database.query("SELECT count(*) FROM invoices")).containsExactly("0");
		}
	}

	@Test
	void devProfileSeedsAndExposesEveryEndpoint() {
		try (ConfigurableApplicationContext context = start("dev")) {
			assertThat(this.database.query("SELECT count(*) FROM invoices")).containsExactly("5");
			assertThat(actuatorLinks(context)).containsKeys("health", "info", "env", "beans", "metrics");
		}
	}

}
