package io.github.migrations.autoconfigure.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application over HTTP: migrated on startup by a dedicated DDL user, then
 * {@code /actuator/migrations} and {@code /actuator/health} as a client sees them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MigrationsApplicationTests {

	private static final String DDL_PASSWORD = "ddl-s3cret-over-http";

	private static final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	private static final String DDL_USER = "ddl_" + database.name();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private TestApplication.CustomerNames customerNames;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.execute("CREATE ROLE " + DDL_USER + " LOGIN PASSWORD '" + DDL_PASSWORD + "'");
		database.execute("GRANT ALL ON SCHEMA public TO " + DDL_USER);
		// the test server's URLs name their user, which would win over
		// app.migrations.username
		registry.add("spring.datasource.url", () -> database.url().replaceAll("[?&]user=[^&]*", ""));
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("app.migrations.username", () -> DDL_USER);
		registry.add("app.migrations.password", () -> DDL_PASSWORD);
		registry.add("management.endpoints.web.exposure.include", () -> "health,migrations");
		registry.add("management.endpoint.health.show-details", () -> "always");
	}

	@Test
	void beanCreatedAtStartupReadsTheMigratedTable() {
		assertThat(this.customerNames.names()).containsExactly("Ada", "Grace");
	}

	@Test
	void migrationsEndpointShowsStateRevisionsAndLog() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode migrator = this.json.readTree(response.body()).path("migrators").path("migrator");
		assertThat(migrator.path("state").asString()).isEqualTo("UP_TO_DATE");
		assertThat(migrator.path("target").asString()).isEqualTo("head");
		assertThat(strings(migrator.path("current"))).containsExactly("004");
		assertThat(strings(migrator.path("heads"))).containsExactly("004");
		assertThat(migrator.path("pending").isEmpty()).isTrue();
		assertThat(migrator.has("error")).isFalse();
		JsonNode revisions = migrator.path("revisions");
		assertThat(revisions.size()).isEqualTo(4);
		JsonNode merge = revisions.get(3);
		assertThat(merge.path("revision").asString()).isEqualTo("004");
		assertThat(merge.path("message").asString()).isEqualTo("merge orders and invoices");
		assertThat(strings(merge.path("downRevisions"))).containsExactly("002", "003");
		assertThat(merge.path("isHead").asBoolean()).isTrue();
		assertThat(merge.path("isMerge").asBoolean()).isTrue();
		assertThat(merge.path("applied").asBoolean()).isTrue();
		assertThat(merge.path("appliedBy").asString()).isEqualTo(DDL_USER);
		assertThat(strings(revisions.get(1).path("branchLabels"))).containsExactly("orders");
		assertThat(revisions.get(0).path("isHead").asBoolean()).isFalse();
		JsonNode first = migrator.path("history").get(0);
		assertThat(first.path("revision").asString()).isEqualTo("001");
		assertThat(first.path("action").asString()).isEqualTo("upgrade");
		assertThat(first.path("success").asBoolean()).isTrue();
		assertThat(first.path("performedBy").asString()).isEqualTo(DDL_USER);
		assertThat(first.path("performedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
		assertThat(first.path("executionMs").isNumber()).isTrue();
		assertThat(first.path("checksum").asString()).hasSize(64);
		assertThat(migrator.path("history").size()).isEqualTo(4);
		assertThat(response.body()).doesNotContain(DDL_PASSWORD);
	}

	@Test
	void oneRevisionBySelector() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations/002");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode detail = this.json.readTree(response.body()).path("migrators").path("migrator");
		assertThat(detail.path("revision").path("revision").asString()).isEqualTo("002");
		assertThat(detail.path("revision").path("source").asString()).isEqualTo("db/revisions/002_orders.sql");
		assertThat(detail.path("pending").asBoolean()).isFalse();
		assertThat(detail.path("history").size()).isEqualTo(1);
		assertThat(detail.path("history").get(0).path("action").asString()).isEqualTo("upgrade");
	}

	@Test
	void revisionNobodyKnowsIsNotFound() throws Exception {
		assertThat(get("/actuator/migrations/999").statusCode()).isEqualTo(404);
	}

	@Test
	void driftNeedsARoleThatMayCreateDatabasesAndSaysSoInTheResponse() throws Exception {
		HttpResponse<String> response = get("/actuator/migrations/drift");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode drift = this.json.readTree(response.body()).path("migrators").path("migrator");
		assertThat(drift.has("drift")).isFalse();
		assertThat(drift.path("error").asString())
			.startsWith("Could not create a scratch database: role '" + DDL_USER + "' may not create databases")
			.contains("ALTER ROLE \"" + DDL_USER + "\" CREATEDB");
		assertThat(response.body()).doesNotContain(DDL_PASSWORD);
	}

	@Test
	void healthIncludesTheMigrations() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = this.json.readTree(response.body());
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode migrations = health.path("components").path("migrations");
		assertThat(migrations.path("status").asString()).isEqualTo("UP");
		assertThat(migrations.path("details").path("state").asString()).isEqualTo("UP_TO_DATE");
		assertThat(strings(migrations.path("details").path("current"))).containsExactly("004");
		assertThat(response.body()).doesNotContain(DDL_PASSWORD);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

}
