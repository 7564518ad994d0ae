package io.github.migrations.autoconfigure.aot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code process-aot} (the Spring Boot build plugins' AOT step) makes of an
 * application that uses the starter: run here as the plugins run it, through
 * {@link SpringApplicationAotProcessor}.
 */
class ProcessAotTests {

	private static final String[] APPLICATION_ARGS = { "--spring.main.web-application-type=none",
			"--spring.datasource.url=jdbc:postgresql://localhost:1/never-connected-at-build-time",
			"--app.migrations.locations=classpath:db/revisions,classpath:/revisions/ahead/" };

	private static final Pattern GLOB = Pattern.compile("\"glob\"\\s*:\\s*\"([^\"]*)\"");

	@TempDir
	static Path output;

	/** What process-aot made of the application with two configured locations. */
	private static Path processed;

	@BeforeAll
	static void processTheApplication() {
		processed = processAot("two-locations", APPLICATION_ARGS);
	}

	@Test
	void writesTheRevisionIndexOfEachConfiguredClasspathLocation() throws IOException {
		assertThat(resource(processed, "db/revisions/.migrations-index")).content()
			.endsWith("\n001_customers.sql\n002_orders.sql\n003_invoices.sql\n004_merge.sql\n");
		assertThat(resource(processed, "revisions/ahead/.migrations-index")).content().endsWith("\n005_payments.sql\n");
	}

	@Test
	void registersEveryRevisionFileAndIndexAsANativeImageResource() throws IOException {
		assertThat(resourceGlobs(processed)).contains("db/revisions/001_customers.sql", "db/revisions/002_orders.sql",
				"db/revisions/003_invoices.sql", "db/revisions/004_merge.sql", "db/revisions/.migrations-index",
				"revisions/ahead/005_payments.sql", "revisions/ahead/.migrations-index");
	}

	@Test
	void writesNothingWhenTheMigrationsAreDisabled() throws IOException {
		Path disabled = processAot("disabled", APPLICATION_ARGS[0], APPLICATION_ARGS[1], APPLICATION_ARGS[2],
				"--app.migrations.enabled=false");
		assertThat(resource(disabled, "db/revisions/.migrations-index")).doesNotExist();
		assertThat(resourceGlobs(disabled)).doesNotContain("revisions/ahead/005_payments.sql", "db/revisions/**");
	}

	/**
	 * Runs AOT processing on the application as the build plugins do, into a folder of
	 * its own, and returns the folder.
	 */
	private static Path processAot(String name, String... applicationArgs) {
		Path folder = output.resolve(name);
		Settings settings = Settings.builder()
			.sourceOutput(folder.resolve("sources"))
			.resourceOutput(folder.resolve("resources"))
			.classOutput(folder.resolve("classes"))
			.groupId("io.github.migrations")
			.artifactId("aot-test")
			.build();
		new SpringApplicationAotProcessor(AotApplication.class, settings, applicationArgs).process();
		return folder;
	}

	private static Path resource(Path processed, String name) {
		return processed.resolve("resources").resolve(name);
	}

	/**
	 * The resource globs of the reachability metadata that native-image reads.
	 */
	private static List<String> resourceGlobs(Path processed) throws IOException {
		Path metadata = resource(processed,
				"META-INF/native-image/io.github.migrations/aot-test/reachability-metadata.json");
		Matcher globs = GLOB.matcher(Files.readString(metadata));
		List<String> found = new ArrayList<>();
		while (globs.find()) {
			found.add(globs.group(1).replace("\\/", "/"));
		}
		return found;
	}

}
