package io.github.migrations.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata that the configuration processor generates: IDE help for every key.
 */
class MigrationsMetadataTests {

	@Test
	void everyKeyHasOnePlainSentenceOfDescription() throws IOException {
		List<JsonNode> properties = properties();
		assertThat(properties).isNotEmpty().allSatisfy((property) -> {
			String description = property.path("description").asString("");
			assertThat(description).as(property.path("name").asString()).isNotBlank().endsWith(".");
			assertThat(description.substring(0, description.length() - 1)).as(property.path("name").asString())
				.doesNotContain(". ")
				.doesNotContainIgnoringCase("default");
		});
	}

	@Test
	void theDocumentedKeysAreAllThere() throws IOException {
		assertThat(properties()).extracting((property) -> property.path("name").asString())
			.contains("app.migrations.enabled", "app.migrations.mode", "app.migrations.target",
					"app.migrations.locations", "app.migrations.schema", "app.migrations.create-schemas",
					"app.migrations.table-prefix", "app.migrations.transaction-mode",
					"app.migrations.lock-wait-timeout", "app.migrations.lock-timeout", "app.migrations.lock-retries",
					"app.migrations.statement-timeout", "app.migrations.validate-checksums",
					"app.migrations.unknown-revisions", "app.migrations.baseline",
					"app.migrations.adopt-alembic-version", "app.migrations.alembic-version-table",
					"app.migrations.placeholders", "app.migrations.url", "app.migrations.username",
					"app.migrations.password", "app.migrations.status-cache-time-to-live", "app.migrations.lint",
					"app.migrations.desired-schema", "app.migrations.file-template");
	}

	@Test
	void theHealthIndicatorSwitchIsDocumented() throws IOException {
		JsonNode enabled = property("management.health.migrations.enabled");
		assertThat(enabled.path("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(enabled.path("defaultValue").asBoolean()).isTrue();
		assertThat(enabled.path("description").asString()).isEqualTo("Whether to enable the migrations health check.");
	}

	@Test
	void everyValueOfEachEnumKeyIsDescribed() throws IOException {
		assertThat(hintValues("app.migrations.mode")).containsExactly("upgrade", "validate", "none");
		assertThat(hintValues("app.migrations.transaction-mode")).containsExactly("per-revision", "all");
		assertThat(hintValues("app.migrations.unknown-revisions")).containsExactly("warn", "fail");
		assertThat(hintValues("app.migrations.lint")).containsExactly("off", "warn", "fail");
		assertThat(MigrationsProperties.Mode.values()).hasSize(3);
		assertThat(MigrationsProperties.Lint.values()).hasSize(3);
		assertThat(io.github.migrations.core.api.TransactionMode.values()).hasSize(2);
		assertThat(io.github.migrations.core.api.UnknownRevisionPolicy.values()).hasSize(2);
		for (String key : List.of("app.migrations.mode", "app.migrations.transaction-mode",
				"app.migrations.unknown-revisions", "app.migrations.target", "app.migrations.lint")) {
			hint(key).path("values")
				.forEach((value) -> assertThat(value.path("description").asString()).as(key).endsWith("."));
		}
	}

	@Test
	void targetSuggestsTheSymbolicTargetsAndAcceptsAnyOther() throws IOException {
		assertThat(hintValues("app.migrations.target")).containsExactly("head", "heads", "base");
		assertThat(hint("app.migrations.target").path("providers").get(0).path("name").asString()).isEqualTo("any");
	}

	@Test
	void locationsAreHandledAsResources() throws IOException {
		JsonNode provider = hint("app.migrations.locations").path("providers").get(0);
		assertThat(provider.path("name").asString()).isEqualTo("handle-as");
		assertThat(provider.path("parameters").path("target").asString())
			.isEqualTo("java.util.List<org.springframework.core.io.Resource>");
	}

	@Test
	void locationsDefaultIsInTheMetadata() throws IOException {
		JsonNode locations = properties().stream()
			.filter((property) -> property.path("name").asString().equals("app.migrations.locations"))
			.findFirst()
			.orElseThrow();
		assertThat(locations.path("defaultValue").get(0).asString()).isEqualTo("classpath:db/revisions");
	}

	private static List<JsonNode> properties() throws IOException {
		return entries("properties").stream()
			.filter((property) -> property.path("name").asString().startsWith("app.migrations."))
			.toList();
	}

	private static JsonNode property(String name) throws IOException {
		return named(entries("properties"), name);
	}

	private static JsonNode hint(String name) throws IOException {
		return named(entries("hints"), name);
	}

	private static List<String> hintValues(String name) throws IOException {
		List<String> values = new ArrayList<>();
		hint(name).path("values").forEach((value) -> values.add(value.path("value").asString()));
		return values;
	}

	private static JsonNode named(List<JsonNode> entries, String name) {
		return entries.stream()
			.filter((entry) -> entry.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No metadata for '" + name + "'"));
	}

	/**
	 * The entries of one section of our module's generated metadata.
	 */
	private static List<JsonNode> entries(String section) throws IOException {
		List<JsonNode> entries = new ArrayList<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(MigrationsMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			if (!url.toString().contains("migrations-spring-boot-autoconfigure")) {
				continue;
			}
			try (InputStream input = url.openStream()) {
				mapper.readTree(input).path(section).forEach(entries::add);
			}
		}
		return entries;
	}

}
