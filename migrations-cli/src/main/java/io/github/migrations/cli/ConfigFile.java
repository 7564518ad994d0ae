package io.github.migrations.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * An application's {@code application.properties} or {@code application.yml}, flattened
 * to Spring-style keys ({@code app.migrations.schema}, {@code spring.datasource.url}),
 * with {@code ${NAME:default}} resolved from the environment, so the CLI reads the
 * settings the application uses. A placeholder with neither a variable nor a default
 * stays as written, as Spring Boot leaves it when it binds properties; an empty variable
 * counts as unset.
 */
final class ConfigFile {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

	private final Path path;

	private final Map<String, String> values;

	private ConfigFile(Path path, Map<String, String> values) {
		this.path = path;
		this.values = values;
	}

	/**
	 * Where a configuration file is looked for when {@code --config} is not given, in
	 * order, as {@code alembic.ini} is found: in the working directory, then in its
	 * {@code src/main/resources}.
	 */
	static final List<String> SEARCH_ORDER = List.of("migrations.properties", "application.yml", "application.yaml",
			"application.properties", "src/main/resources/migrations.properties", "src/main/resources/application.yml",
			"src/main/resources/application.yaml", "src/main/resources/application.properties");

	/**
	 * The first file of {@link #SEARCH_ORDER} under {@code directory}, read, or
	 * {@code null} when there is none.
	 */
	static @Nullable ConfigFile find(Path directory, UnaryOperator<@Nullable String> environment) {
		for (String candidate : SEARCH_ORDER) {
			Path path = directory.resolve(candidate);
			if (Files.isRegularFile(path)) {
				return read(path, environment);
			}
		}
		return null;
	}

	static ConfigFile read(Path path, UnaryOperator<@Nullable String> environment) {
		if (!Files.isRegularFile(path)) {
			throw new CliException("Configuration file '%s' does not exist.".formatted(path),
					"Pass the path of an application.properties or application.yml with --config.");
		}
		Map<String, String> flat = new LinkedHashMap<>();
		try (Reader reader = Files.newBufferedReader(path)) {
			String name = path.getFileName().toString();
			if (name.endsWith(".yml") || name.endsWith(".yaml")) {
				Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
				for (Object document : yaml.loadAll(reader)) {
					if (document instanceof Map<?, ?> map && !hasProfileActivation(map)) {
						flatten("", map, flat);
					}
				}
			}
			else {
				Properties properties = new Properties();
				properties.load(reader);
				properties.stringPropertyNames().forEach((key) -> flat.put(key, properties.getProperty(key)));
			}
		}
		catch (MarkedYAMLException ex) {
			// the exception's message quotes the line, which may hold a password
			Mark mark = ex.getProblemMark();
			throw new CliException(
					"Could not read configuration file '%s': %s at line %d, column %d.".formatted(path, ex.getProblem(),
							(mark != null) ? mark.getLine() + 1 : 0, (mark != null) ? mark.getColumn() + 1 : 0),
					"Check that it is a valid YAML file.");
		}
		catch (IOException | RuntimeException ex) {
			throw new CliException("Could not read configuration file '%s': %s".formatted(path, ex.getMessage()),
					"Check that it is a valid properties or YAML file.");
		}
		flat.replaceAll((key, value) -> resolve(value, environment));
		return new ConfigFile(path, flat);
	}

	private static boolean hasProfileActivation(Map<?, ?> document) {
		return document.get("spring") instanceof Map<?, ?> spring && spring.get("config") instanceof Map<?, ?> config
				&& config.containsKey("activate");
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat) {
		map.forEach((key, value) -> {
			String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(name, nested, flat);
			}
			else if (value instanceof List<?> list) {
				flat.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
			}
			else if (value != null) {
				flat.put(name, String.valueOf(value));
			}
		});
	}

	private static String resolve(String value, UnaryOperator<@Nullable String> environment) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String found = environment.apply(matcher.group(1));
			// an empty variable counts as unset, so the default applies
			String replacement = (found != null && !found.isEmpty()) ? found
					: (matcher.group(2) != null) ? matcher.group(2) : matcher.group();
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

	@Nullable String get(String key) {
		String value = this.values.get(key);
		return (value != null && !value.isBlank()) ? value : null;
	}

	/**
	 * Keys under a prefix, without it ({@code app.migrations.placeholders.}).
	 */
	Map<String, String> under(String prefix) {
		Map<String, String> found = new LinkedHashMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith(prefix)) {
				found.put(key.substring(prefix.length()), value);
			}
		});
		return found;
	}

	Path path() {
		return this.path;
	}

}
