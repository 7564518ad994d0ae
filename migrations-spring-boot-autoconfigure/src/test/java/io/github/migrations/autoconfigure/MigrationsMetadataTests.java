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
					"app.migrations.adopt-alembic-version", "app.migrations.placeholders", "app.migrations.url",
					"app.migrations.username", "app.migrations.password");
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
		List<JsonNode> properties = new ArrayList<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(MigrationsMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream input = url.openStream()) {
				for (JsonNode property : mapper.readTree(input).path("properties")) {
					if (property.path("name").asString().startsWith("app.migrations.")) {
						properties.add(property);
					}
				}
			}
		}
		return properties;
	}

}
