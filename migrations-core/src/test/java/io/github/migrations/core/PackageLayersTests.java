package io.github.migrations.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's packages layer one way: each imports only packages below it, so there is
 * no package cycle and nothing imports back from the facade.
 */
class PackageLayersTests {

	/**
	 * Bottom first; the facade's package ({@code core}) is the top.
	 */
	private static final List<String> LAYERS = List.of("api", "revision", "script", "lint", "database", "plan", "run",
			"");

	private static final Pattern IMPORT = Pattern
		.compile("^import (?:static )?io\\.github\\.migrations\\.core\\.((?:[a-z]+\\.)*)[A-Z]", Pattern.MULTILINE);

	private static final Path SOURCES = Path.of("src/main/java/io/github/migrations/core");

	@Test
	void everyPackageImportsOnlyPackagesBelowIt() throws IOException {
		List<String> arrowsUp = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String from = layer(SOURCES.relativize(file.getParent()).toString());
				Matcher imports = IMPORT.matcher(Files.readString(file));
				while (imports.find()) {
					String to = layer(imports.group(1).replace(".", ""));
					if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
						arrowsUp.add("%s imports %s".formatted(SOURCES.relativize(file), imports.group()));
					}
				}
			}
		}
		assertThat(arrowsUp).isEmpty();
	}

	@Test
	void everyPackageHasALayer() throws IOException {
		try (Stream<Path> folders = Files.list(SOURCES)) {
			assertThat(folders.filter(Files::isDirectory).map((folder) -> folder.getFileName().toString()))
				.allMatch(LAYERS::contains);
		}
	}

	private static String layer(String packageName) {
		assertThat(LAYERS).as("the layer of package '%s'", packageName).contains(packageName);
		return packageName;
	}

}
