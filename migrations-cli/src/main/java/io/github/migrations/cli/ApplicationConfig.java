package io.github.migrations.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
 * The application's settings as Spring Boot would bind them where the CLI runs: an
 * {@code application.properties} or {@code application.yml} flattened to Spring-style
 * keys ({@code app.migrations.schema}, {@code spring.datasource.url}), with the documents
 * and {@code application-{profile}} files of the active profiles
 * ({@code SPRING_PROFILES_ACTIVE}, else the file's {@code spring.profiles.active}) over
 * it, and environment variables in Spring's form ({@code APP_MIGRATIONS_LOCKTIMEOUT} or
 * {@code APP_MIGRATIONS_LOCK_TIMEOUT}) over both. {@code ${NAME:default}} is resolved
 * from the environment; a placeholder with neither a variable nor a default stays as
 * written, as Spring Boot leaves it when it binds properties; an empty variable counts as
 * unset.
 */
final class ApplicationConfig {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

	private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^[#!]---[ \\t]*$");

	private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".properties");

	/**
	 * Where a configuration file is looked for when {@code --config} is not given, in
	 * order, as {@code alembic.ini} is found: in the working directory, then in its
	 * {@code src/main/resources}.
	 */
	static final List<String> SEARCH_ORDER = List.of("migrations.properties", "application.yml", "application.yaml",
			"application.properties", "src/main/resources/migrations.properties", "src/main/resources/application.yml",
			"src/main/resources/application.yaml", "src/main/resources/application.properties");

	private final @Nullable Path path;

	private final Map<String, Setting> settings;

	private final UnaryOperator<@Nullable String> environment;

	private ApplicationConfig(@Nullable Path path, Map<String, Setting> settings,
			UnaryOperator<@Nullable String> environment) {
		this.path = path;
		this.settings = settings;
		this.environment = environment;
	}

	/**
	 * The configuration of {@code file} when given (it must exist), else of the first
	 * file of {@link #SEARCH_ORDER} under {@code directory}, else of the environment
	 * alone.
	 */
	static ApplicationConfig load(@Nullable Path file, Path directory, UnaryOperator<@Nullable String> environment) {
		Path path = (file != null) ? existing(file) : find(directory);
		Map<String, Setting> settings = new LinkedHashMap<>();
		if (path != null) {
			List<Document> documents = read(path, environment);
			List<String> profiles = activeProfiles(path, documents, environment);
			apply(documents, profiles, settings);
			for (String profile : profiles) {
				for (Path profileFile : profileFiles(path, profile)) {
					apply(read(profileFile, environment), profiles, settings);
				}
			}
		}
		return new ApplicationConfig(path, settings, environment);
	}

	private static Path existing(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new CliException("Configuration file '%s' does not exist.".formatted(file),
					"Pass the path of a migrations.properties, application.properties or application.yml with --config.");
		}
		return file;
	}

	private static @Nullable Path find(Path directory) {
		for (String candidate : SEARCH_ORDER) {
			Path path = directory.resolve(candidate);
			if (Files.isRegularFile(path)) {
				return path;
			}
		}
		return null;
	}

	/**
	 * The profiles of {@code spring.profiles.include}, then of
	 * {@code spring.profiles.active}, each followed by the members of its
	 * {@code spring.profiles.group}: from the environment
	 * ({@code SPRING_PROFILES_ACTIVE}) or else from the documents that no profile
	 * activates.
	 */
	private static List<String> activeProfiles(Path path, List<Document> documents,
			UnaryOperator<@Nullable String> environment) {
		Map<String, String> unconditional = new LinkedHashMap<>();
		documents.stream().filter((document) -> document.onProfile() == null).forEach((document) -> {
			unconditional.putAll(document.values());
		});
		Set<String> profiles = new LinkedHashSet<>();
		for (String key : List.of("spring.profiles.include", "spring.profiles.active")) {
			String variableName = environmentNames(key).get(0);
			String variable = environment.apply(variableName);
			boolean fromEnvironment = variable != null && !variable.isBlank();
			String names = fromEnvironment ? variable : unconditional.get(key);
			addWithGroups(names,
					"'%s' in %s".formatted(key, fromEnvironment ? "environment variable " + variableName : path), path,
					unconditional, profiles);
		}
		return List.copyOf(profiles);
	}

	/**
	 * Adds the profiles named, each followed by the members of its group, depth first,
	 * each once (a group that names itself, or a cycle of groups, ends there).
	 */
	private static void addWithGroups(@Nullable String names, String where, Path file, Map<String, String> settings,
			Set<String> profiles) {
		Deque<List<String>> pending = new ArrayDeque<>();
		Deque<String> sources = new ArrayDeque<>();
		pending.push(split(names));
		sources.push(where);
		while (!pending.isEmpty()) {
			List<String> next = pending.peek();
			if (next.isEmpty()) {
				pending.pop();
				sources.pop();
				continue;
			}
			String name = next.remove(0);
			if (profiles.add(ProfileExpression.checkedName(name, sources.peek()))) {
				String group = "spring.profiles.group." + name;
				pending.push(split(settings.get(group)));
				sources.push("'%s' in %s".formatted(group, file));
			}
		}
	}

	private static List<String> split(@Nullable String names) {
		List<String> split = new ArrayList<>();
		if (names != null) {
			for (String name : names.split(",")) {
				if (!name.isBlank()) {
					split.add(name.strip());
				}
			}
		}
		return split;
	}

	/**
	 * The documents that apply, each over the ones above it.
	 */
	private static void apply(List<Document> documents, List<String> profiles, Map<String, Setting> settings) {
		for (Document document : documents) {
			if (document.onProfile() == null || ProfileExpression.matches(document.onProfile(), profiles,
					"'spring.config.activate.on-profile' in " + document.source())) {
				document.values().forEach((key, value) -> settings.put(key, new Setting(value, document.source())));
			}
		}
	}

	/**
	 * {@code application-prod.yml} (then {@code .yaml}, then {@code .properties}, each
	 * over the one before) beside {@code application.yml}, as Spring Boot finds them.
	 */
	private static List<Path> profileFiles(Path path, String profile) {
		String name = path.getFileName().toString();
		String stem = name.substring(0, name.lastIndexOf('.'));
		List<Path> files = new ArrayList<>();
		for (String extension : EXTENSIONS) {
			Path candidate = path.resolveSibling(stem + "-" + profile + extension);
			if (Files.isRegularFile(candidate)) {
				files.add(candidate);
			}
		}
		return files;
	}

	/**
	 * The file's documents in order: YAML documents, or the parts of a properties file
	 * between {@code #---} lines; those activated by a cloud platform never apply here.
	 */
	private static List<Document> read(Path path, UnaryOperator<@Nullable String> environment) {
		List<Document> documents = new ArrayList<>();
		String text = "";
		try {
			text = Files.readString(path);
			String name = path.getFileName().toString();
			List<Map<String, String>> parts = new ArrayList<>();
			if (name.endsWith(".yml") || name.endsWith(".yaml")) {
				// as Spring Boot reads it: a key given twice is an error, not the last
				// one
				LoaderOptions options = new LoaderOptions();
				options.setAllowDuplicateKeys(false);
				Yaml yaml = new Yaml(new SafeConstructor(options));
				for (Object document : yaml.loadAll(text)) {
					YamlExpansion.check(document, path);
					if (document instanceof Map<?, ?> map) {
						Map<String, String> flat = new LinkedHashMap<>();
						flatten("", map, flat);
						parts.add(flat);
					}
				}
			}
			else {
				for (String part : DOCUMENT_SEPARATOR.split(text)) {
					Properties properties = new Properties();
					properties.load(new StringReader(part));
					Map<String, String> flat = new LinkedHashMap<>();
					properties.stringPropertyNames().forEach((key) -> flat.put(key, properties.getProperty(key)));
					parts.add(flat);
				}
			}
			for (Map<String, String> part : parts) {
				part.replaceAll((key, value) -> resolve(value, environment));
				if (part.keySet()
					.stream()
					.noneMatch((key) -> key.startsWith("spring.config.activate.on-cloud-platform"))) {
					documents.add(new Document(path.toString(), profileCondition(part), part));
				}
			}
		}
		catch (CliException ex) {
			throw ex;
		}
		catch (MarkedYAMLException ex) {
			// the exception's message quotes the line, and its problem may quote a value
			// (a tag, an alias), either of which may be a password
			Mark mark = ex.getProblemMark();
			throw new CliException(
					"Could not read configuration file '%s': %s at line %d, column %d.".formatted(path,
							SecretValues.masked(String.valueOf(ex.getProblem()), text),
							(mark != null) ? mark.getLine() + 1 : 0, (mark != null) ? mark.getColumn() + 1 : 0),
					"Check that it is a valid YAML file.");
		}
		catch (IOException | RuntimeException ex) {
			throw new CliException(
					"Could not read configuration file '%s': %s".formatted(path,
							SecretValues.masked(String.valueOf(ex.getMessage()), text)),
					"Check that it is a valid properties or YAML file.");
		}
		return documents;
	}

	/**
	 * {@code spring.config.activate.on-profile}: one expression, or a list (flattened to
	 * {@code .on-profile[0]} in properties, joined with commas in YAML) of which any may
	 * match.
	 */
	private static @Nullable String profileCondition(Map<String, String> document) {
		List<String> conditions = new ArrayList<>();
		document.forEach((key, value) -> {
			if (key.equals("spring.config.activate.on-profile")
					|| key.startsWith("spring.config.activate.on-profile[")) {
				conditions.add(value);
			}
		});
		return conditions.isEmpty() ? null : String.join(",", conditions);
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

	/**
	 * The value of {@code key}: from the environment variable Spring Boot would bind to
	 * it, else from the files; {@code null} when unset or blank.
	 */
	@Nullable String get(String key) {
		String variable = variableSetFor(key);
		if (variable != null) {
			return this.environment.apply(variable);
		}
		Setting setting = this.settings.get(key);
		return (setting != null && !setting.value().isBlank()) ? setting.value() : null;
	}

	/**
	 * Where the value of {@code key} comes from, for messages: the environment variable
	 * or the file that sets it.
	 */
	String source(String key) {
		String variable = variableSetFor(key);
		if (variable != null) {
			return "environment variable " + variable;
		}
		Setting setting = this.settings.get(key);
		return (setting != null) ? setting.source() : "the configuration";
	}

	/**
	 * The first of Spring Boot's variables for {@code key} that is set and not blank, or
	 * {@code null}.
	 */
	private @Nullable String variableSetFor(String key) {
		for (String variable : environmentNames(key)) {
			String value = this.environment.apply(variable);
			if (value != null && !value.isBlank()) {
				return variable;
			}
		}
		return null;
	}

	/**
	 * Spring Boot's names for the variable of a property:
	 * {@code APP_MIGRATIONS_LOCKTIMEOUT} (dashes removed), then the legacy
	 * {@code APP_MIGRATIONS_LOCK_TIMEOUT}.
	 */
	private static List<String> environmentNames(String key) {
		String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
		String canonical = upper.replace("-", "");
		String legacy = upper.replace('-', '_');
		return canonical.equals(legacy) ? List.of(canonical) : List.of(canonical, legacy);
	}

	/**
	 * Keys under a prefix, without it ({@code app.migrations.placeholders.}), from the
	 * files.
	 */
	Map<String, String> under(String prefix) {
		Map<String, String> found = new LinkedHashMap<>();
		this.settings.forEach((key, setting) -> {
			if (key.startsWith(prefix)) {
				found.put(key.substring(prefix.length()), setting.value());
			}
		});
		return found;
	}

	/**
	 * The configuration file, {@code null} when none was given or found.
	 */
	@Nullable Path path() {
		return this.path;
	}

	private record Document(String source, @Nullable String onProfile, Map<String, String> values) {
	}

	private record Setting(String value, String source) {
	}

}
