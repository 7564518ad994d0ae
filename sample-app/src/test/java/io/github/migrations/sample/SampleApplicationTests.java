package io.github.migrations.sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.migrations.test.database.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app over HTTP in the {@code dev} profile, on a fresh PostgreSQL database that
 * it migrates and seeds on startup.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class SampleApplicationTests {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		for (String property : TestDatabase.shared().freshDatabaseProperties()) {
			int equals = property.indexOf('=');
			registry.add(property.substring(0, equals), () -> property.substring(equals + 1));
		}
	}

	private Reply get(String path) {
		return RestClient.create().get().uri(uri(path)).exchange((request, response) -> Reply.of(response));
	}

	private Reply post(String path, String json) {
		return RestClient.create()
			.post()
			.uri(uri(path))
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange((request, response) -> Reply.of(response));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Test
	void listsTheSeededInvoicesOfATenant() {
		Reply reply = get("/api/tenants/acme/invoices");
		assertThat(reply.status()).isEqualTo(200);
		List<String> statuses = JsonPath.read(reply.body(), "$[?(@.gmailMessageId =~ /seed-.*/)].status");
		assertThat(statuses).containsExactlyInAnyOrder("pending", "overdue", "partial", "paid", "detected");
		assertThat(get("/api/tenants/nobody/invoices").body()).isEqualTo("[]");
	}

	@Test
	void filtersInvoicesByStatus() {
		Reply reply = get("/api/tenants/acme/invoices?status=overdue");
		assertThat(reply.status()).isEqualTo(200);
		List<String> vendors = JsonPath.read(reply.body(), "$[*].vendorName");
		assertThat(vendors).containsExactly("Contoso Office Supplies");
	}

	@Test
	void unknownStatusIsA400ThatListsTheStatuses() {
		Reply reply = get("/api/tenants/acme/invoices?status=lost");
		assertThat(reply.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(reply.body(), "$.detail"))
			.isEqualTo("'status' must be one of detected, pending, overdue, partial, paid, not 'lost'.");
	}

	@Test
	void malformedTenantIsA400() {
		Reply reply = get("/api/tenants/Not_A_Slug/meetings");
		assertThat(reply.status()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(reply.body(), "$.errors[*].field")).containsExactly("tenantId");
	}

	@Test
	void createsAnInvoiceWithItsAuditActionAndRefusesTheSameGmailMessageTwice() {
		String body = """
				{"gmailMessageId": "http-create-1", "vendorName": "Umbrella Labs", "amount": 99.50,
				 "issueDate": "2025-03-01", "dueDate": "2025-03-31", "status": "pending"}""";
		Reply created = post("/api/tenants/acme/invoices", body);
		assertThat(created.status()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(created.location()).isEqualTo("/api/tenants/acme/invoices/" + id);
		assertThat((String) JsonPath.read(get(created.location()).body(), "$.status")).isEqualTo("pending");
		Reply again = post("/api/tenants/acme/invoices", body);
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) JsonPath.read(again.body(), "$.detail"))
			.isEqualTo("Tenant 'acme' already has an invoice for Gmail message 'http-create-1'.");
		assertThat(post("/api/tenants/globex/invoices", body).status()).isEqualTo(201);
	}

	@Test
	void invalidInvoiceIsA400ListingEveryWrongField() {
		Reply reply = post("/api/tenants/acme/invoices", """
				{"gmailMessageId": "", "vendorName": "V", "amount": -1, "currency": "usd"}""");
		assertThat(reply.status()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(reply.body(), "$.errors[*].field")).containsExactly("amount",
				"currency", "gmailMessageId");
		assertThat((String) JsonPath.read(reply.body(), "$.detail")).contains("'currency' must be an ISO 4217 code");
	}

	@Test
	void inconsistentAmountsAreA400() {
		Reply reply = post("/api/tenants/acme/invoices", """
				{"gmailMessageId": "http-partial", "vendorName": "V", "amount": 10, "status": "partial"}""");
		assertThat(reply.status()).isEqualTo(400);
		assertThat((String) JsonPath.read(reply.body(), "$.detail"))
			.isEqualTo("'amountPaid' must be more than 0 and less than amount 10 for a partial invoice.");
	}

	@Test
	void listsMeetingsAndAnalyses() {
		Reply meetings = get("/api/tenants/acme/meetings");
		assertThat(meetings.status()).isEqualTo(200);
		assertThat((List<Integer>) JsonPath.read(meetings.body(), "$[*].participants")).containsExactly(2);
		assertThat((List<Integer>) JsonPath.read(meetings.body(), "$[*].openActionItems")).containsExactly(1);
		Reply analyses = get("/api/analyses?userId=demo-user");
		assertThat(analyses.status()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(analyses.body(), "$[*].confidence")).containsExactly("high");
		assertThat(get("/api/analyses?limit=0").status()).isEqualTo(400);
	}

	@Test
	void migrationsEndpointShowsTheSampleHeadAndHistory() {
		Reply reply = get("/actuator/migrations");
		assertThat(reply.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(reply.body(), "$.migrators.migrator.state")).isEqualTo("UP_TO_DATE");
		assertThat((List<String>) JsonPath.read(reply.body(), "$.migrators.migrator.heads")).containsExactly("0006");
		assertThat((List<String>) JsonPath.read(reply.body(), "$.migrators.migrator.current")).containsExactly("0006");
		assertThat((List<String>) JsonPath.read(reply.body(), "$.migrators.migrator.history[*].revision"))
			.containsExactly("0001", "0002", "0003", "0004", "0005", "0006");
		assertThat((List<Boolean>) JsonPath.read(reply.body(),
				"$.migrators.migrator.revisions[?(@.revision == '0004')].isMerge"))
			.containsExactly(true);
		Reply one = get("/actuator/migrations/0005");
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body()).contains("invoice");
	}

	@Test
	void beansThatReadMigratedTablesWhileCreatedSeeTheSchema(
			@org.springframework.beans.factory.annotation.Autowired InvoiceCountAtStartup count) {
		assertThat(count.invoices()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void healthIsUp() {
		Reply health = get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(health.body(), "$.components.db.status")).isEqualTo("UP");
	}

	/**
	 * Reads a migrated table in its constructor: startup fails unless the migrations ran
	 * first.
	 */
	record InvoiceCountAtStartup(long invoices) {
	}

	@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
	static class ReadsAtStartup {

		@org.springframework.context.annotation.Bean
		InvoiceCountAtStartup invoiceCountAtStartup(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
			return new InvoiceCountAtStartup(jdbc.sql("SELECT count(*) FROM invoices").query(Long.class).single());
		}

	}

	record Reply(int status, String body, @Nullable String location) {

		static Reply of(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
				throws java.io.IOException {
			URI location = response.getHeaders().getLocation();
			return new Reply(response.getStatusCode().value(),
					new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8),
					(location != null) ? location.toString() : null);
		}

	}

}
