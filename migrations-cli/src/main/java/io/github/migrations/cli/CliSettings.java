package io.github.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.Secrets;
import io.github.migrations.core.api.TransactionMode;
import io.github.migrations.core.api.UnknownRevisionPolicy;
import io.github.migrations.core.run.MigrationListener;
import io.github.migrations.schema.SchemaFilter;
import io.github.migrations.schema.scratch.DeclarativeSchema;
import io.github.migrations.schema.scratch.ScratchServer;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Turns options, environment variables ({@code DATABASE_URL}, {@code DATABASE_USERNAME},
 * {@code DATABASE_PASSWORD}) and the application's configuration as Spring Boot would
 * bind it here ({@link ApplicationConfig}: {@code --config}, else the first of
 * {@link ApplicationConfig#SEARCH_ORDER}, its active profiles, and variables such as
 * {@code SPRING_DATASOURCE_URL}) into a {@link Migrator}, in that order of precedence.
 * The only reader of the environment.
 */
final class CliSettings {

	static final String DEFAULT_LOCATION = "src/main/resources/db/revisions";

	static final String DESIRED_SCHEMA = "app.migrations.desired-schema";

	static final String IGNORED_OBJECTS = "app.migrations.ignored-objects";

	/**
	 * How to configure a database, for a project with a Spring Boot application and for
	 * one without (a service that runs only the command line).
	 */
	static final String NO_URL_HINT = "Pass --url, set DATABASE_URL, or write app.migrations.url=... in a "
			+ "migrations.properties in this folder (or point --config at the application's configuration).";

	private final GlobalOptions options;

	private final UnaryOperator<@Nullable String> environment;

	private final ApplicationConfig config;

	private final Path workingDirectory;

	private final PasswordPrompt passwordPrompt;

	private @Nullable String alembicVersionTable;

	/**
	 * @param workingDirectory where a configuration file is looked for when
	 * {@code --config} is not given
	 * @param passwordPrompt what asks for the password of a {@code --password} given
	 * without a value
	 */
	CliSettings(GlobalOptions options, UnaryOperator<@Nullable String> environment, Path workingDirectory,
			PasswordPrompt passwordPrompt) {
		this.options = options;
		this.environment = environment;
		this.workingDirectory = workingDirectory;
		this.passwordPrompt = passwordPrompt;
		this.config = ApplicationConfig.load(options.config, workingDirectory, environment);
	}

	Migrator migrator(MigrationListener listener) {
		return Migrator.builder(dataSource()).settings(settings()).listener(listener).build();
	}

	/**
	 * A migrator for commands that read only the scripts; it never connects.
	 */
	Migrator offlineMigrator() {
		return Migrator.builder(new PGSimpleDataSource()).settings(settings()).build();
	}

	/**
	 * Alembic's version table as a command's option names it, over the configuration
	 * file's {@code app.migrations.alembic-version-table}.
	 */
	void alembicVersionTable(String table) {
		this.alembicVersionTable = table;
	}

	MigratorSettings settings() {
		MigratorSettings.Builder settings = MigratorSettings.defaults().toBuilder().locations(locations());
		String schema = first(this.options.schema, config("app.migrations.schema"));
		settings.schema(schema);
		ifSet("app.migrations.create-schemas", (value) -> settings.createSchemas(bool(value)));
		ifSet("app.migrations.table-prefix", settings::tablePrefix);
		ifSet("app.migrations.transaction-mode",
				(value) -> settings.transactionMode(TransactionMode.valueOf(constant(value))));
		ifSet("app.migrations.lock-wait-timeout",
				(value) -> settings.lockWaitTimeout(duration("lock-wait-timeout", value)));
		ifSet("app.migrations.lock-timeout", (value) -> settings.lockTimeout(duration("lock-timeout", value)));
		ifSet("app.migrations.lock-retries", (value) -> settings.lockRetries(count("lock-retries", value)));
		ifSet("app.migrations.statement-timeout",
				(value) -> settings.statementTimeout(duration("statement-timeout", value)));
		ifSet("app.migrations.validate-checksums", (value) -> settings.validateChecksums(bool(value)));
		ifSet("app.migrations.unknown-revisions",
				(value) -> settings.unknownRevisions(UnknownRevisionPolicy.valueOf(constant(value))));
		ifSet("app.migrations.baseline", settings::baseline);
		ifSet("app.migrations.adopt-alembic-version", (value) -> settings.adoptAlembicVersion(bool(value)));
		String alembicTable = first(this.alembicVersionTable, config("app.migrations.alembic-version-table"));
		if (alembicTable != null) {
			settings.alembicVersionTable(alembicTable);
		}
		settings.placeholders(this.config.under("app.migrations.placeholders."));
		return settings.build();
	}

	private List<String> locations() {
		if (this.options.locations != null && !this.options.locations.isEmpty()) {
			return this.options.locations;
		}
		String configured = config("app.migrations.locations");
		if (configured != null) {
			Path resources = folder();
			return Arrays.stream(configured.split(","))
				.map(String::strip)
				.map((location) -> fromSources(location, resources))
				.toList();
		}
		return List.of("filesystem:" + DEFAULT_LOCATION);
	}

	/**
	 * A {@code classpath:} location of an application is a folder beside its
	 * configuration file ({@code src/main/resources}); the CLI reads it there.
	 */
	private static String fromSources(String location, Path resources) {
		if (location.startsWith("classpath:")) {
			Path folder = besideConfiguration(location, resources);
			if (Files.isDirectory(folder)) {
				return "filesystem:" + folder;
			}
		}
		return location;
	}

	private static Path besideConfiguration(String classpathLocation, Path resources) {
		return resources.resolve(classpathLocation.substring("classpath:".length()).replaceFirst("^/", ""));
	}

	/**
	 * The revision folders as {@code --locations} gives them, comma-separated, or
	 * {@code null} when the option is not given.
	 */
	@Nullable String locationsOption() {
		return (this.options.locations != null && !this.options.locations.isEmpty())
				? String.join(",", this.options.locations) : null;
	}

	/**
	 * Whether the settings come from a configuration file ({@code --config}, or one found
	 * in the working directory).
	 */
	boolean hasConfigurationFile() {
		return this.config.path() != null;
	}

	/**
	 * Whether a database URL is configured anywhere.
	 */
	boolean hasDatabase() {
		return url() != null;
	}

	/**
	 * {@code --url}, else {@code DATABASE_URL}, else the application's
	 * {@code app.migrations.url}, else its {@code spring.datasource.url}
	 * ({@code SPRING_DATASOURCE_URL} or the configuration file's); an empty one counts as
	 * unset.
	 */
	private @Nullable String url() {
		return first(this.options.url, this.environment.apply("DATABASE_URL"), config("app.migrations.url"),
				config("spring.datasource.url"));
	}

	/**
	 * The {@code host:port} list the configured URL points at (no credentials), for
	 * messages; {@code null} when no valid URL is configured.
	 */
	@Nullable String server() {
		String url = url();
		if (url == null) {
			return null;
		}
		try {
			String rest = DatabaseUrl.parse(url).jdbcUrl().substring("jdbc:postgresql:".length());
			if (!rest.startsWith("//")) {
				return "localhost:5432";
			}
			int end = rest.indexOf('/', 2);
			String hosts = rest.substring(2, (end >= 0) ? end : rest.length());
			int query = hosts.indexOf('?');
			hosts = (query >= 0) ? hosts.substring(0, query) : hosts;
			return hosts.matches(".*:\\d+$") || hosts.contains(",") ? hosts : hosts + ":5432";
		}
		catch (CliException ex) {
			return null;
		}
	}

	DataSource dataSource() {
		return pgDataSource();
	}

	private PGSimpleDataSource pgDataSource() {
		String url = url();
		if (url == null) {
			throw new CliException("No database URL is configured.", NO_URL_HINT);
		}
		DatabaseUrl parsed = DatabaseUrl.parse(url);
		String prefix = credentialsPrefix();
		String username = first(this.options.username, this.environment.apply("DATABASE_USERNAME"), parsed.username(),
				config(prefix + "username"));
		String password = first(optionPassword(), this.environment.apply("DATABASE_PASSWORD"), parsed.password(),
				config(prefix + "password"));
		return dataSource(url, parsed, username, password);
	}

	/**
	 * Whose credentials the application's configuration gives the migrations, as the
	 * starter chooses them: {@code app.migrations.*} when it sets a URL or a user of its
	 * own, else {@code spring.datasource.*}.
	 */
	private String credentialsPrefix() {
		boolean own = config("app.migrations.url") != null || config("app.migrations.username") != null;
		return own ? "app.migrations." : "spring.datasource.";
	}

	/**
	 * A data source for another database given by URL ({@code diff --from},
	 * {@code --desired}): the URL's credentials, else those of the configured database.
	 */
	DataSource otherDatabase(String url) {
		DatabaseUrl parsed = DatabaseUrl.parse(url);
		String prefix = credentialsPrefix();
		String username = first(parsed.username(), this.options.username, this.environment.apply("DATABASE_USERNAME"),
				config(prefix + "username"));
		String password = first(parsed.password(), optionPassword(), this.environment.apply("DATABASE_PASSWORD"),
				config(prefix + "password"));
		return dataSource(url, parsed, username, password);
	}

	private @Nullable String optionPassword() {
		return GlobalOptions.ASK.equals(this.options.password) ? this.passwordPrompt.password() : this.options.password;
	}

	private static PGSimpleDataSource dataSource(String url, DatabaseUrl parsed, @Nullable String username,
			@Nullable String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		try {
			dataSource.setUrl(parsed.jdbcUrl());
		}
		catch (IllegalArgumentException ex) {
			// the driver's message repeats the whole URL, password parameter included
			throw new CliException("'%s' is not a valid PostgreSQL JDBC URL.".formatted(Secrets.mask(url)),
					"Write it as 'jdbc:postgresql://host:5432/db' (a port is a number) or "
							+ "'postgresql://user:password@host:5432/db'.");
		}
		if (username != null) {
			dataSource.setUser(username);
		}
		if (password != null) {
			dataSource.setPassword(password);
		}
		dataSource.setApplicationName("migrations-cli");
		return dataSource;
	}

	/**
	 * Where scratch databases are made: on the configured database's server (dropped also
	 * when the process is stopped), or on an embedded PostgreSQL when no database is
	 * configured.
	 */
	ScratchServer scratchServer() {
		if (!hasDatabase()) {
			return ScratchServer.embedded();
		}
		return new DroppedAtExit(ScratchServer.sameServerAs(dataSource(), (name) -> {
			PGSimpleDataSource dataSource = pgDataSource();
			dataSource.setDatabaseName(name);
			return dataSource;
		}));
	}

	/**
	 * What the schema comparisons read: every user schema, without the version store.
	 */
	SchemaFilter schemaFilter() {
		return SchemaFilter.allSchemas()
			.withTablePrefix(settings().tablePrefix())
			.withAlembicVersionTable(settings().alembicVersionTable())
			.withIgnored(ignoredObjects());
	}

	/**
	 * The objects the revisions do not manage ({@code app.migrations.ignored-objects} of
	 * the configuration, comma-separated): left out of every schema comparison.
	 */
	List<String> ignoredObjects() {
		String configured = config(IGNORED_OBJECTS);
		return (configured != null)
				? Arrays.stream(configured.split(",")).map(String::strip).filter((entry) -> !entry.isEmpty()).toList()
				: List.of();
	}

	/**
	 * The desired schema: the option when given, else
	 * {@code app.migrations.desired-schema} of the configuration file (a path there is
	 * relative to the file's folder); {@code null} when neither is set.
	 */
	@Nullable String desiredSchema(@Nullable String option) {
		if (option != null) {
			return option;
		}
		String configured = config(DESIRED_SCHEMA);
		if (configured == null || !DeclarativeSchema.isPath(configured)) {
			return configured;
		}
		Path path = Path.of(configured);
		return path.isAbsolute() ? configured : folder().resolve(path).normalize().toString();
	}

	/**
	 * The first folder of the filesystem locations, where new revision files go.
	 */
	Path revisionFolder() {
		return firstFolder(settings().locations());
	}

	/**
	 * The folder that {@code init} makes for the revision files, whether or not it exists
	 * yet: the one {@link #revisionFolder()} names once it exists, with a
	 * {@code classpath:} location of the configuration file taken as the folder beside
	 * the file ({@code src/main/resources/db/revisions} for
	 * {@code classpath:db/revisions}), and a relative folder from the working directory.
	 */
	Path newRevisionFolder() {
		List<String> locations = locations();
		String configured = config("app.migrations.locations");
		if ((this.options.locations == null || this.options.locations.isEmpty()) && configured != null) {
			Path resources = folder();
			locations = Arrays.stream(configured.split(","))
				.map(String::strip)
				.map((location) -> location.startsWith("classpath:")
						? "filesystem:" + besideConfiguration(location, resources) : location)
				.toList();
		}
		return this.workingDirectory.resolve(firstFolder(locations));
	}

	private static Path firstFolder(List<String> locations) {
		for (String location : locations) {
			if (!location.startsWith("classpath:")) {
				return Path
					.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location);
			}
		}
		throw new CliException("No filesystem location to write the revision file to.",
				"Pass --locations with a folder, for example --locations src/main/resources/db/revisions.");
	}

	/**
	 * Writes new revision files named by {@code --file-template} when given, else by
	 * {@code app.migrations.file-template} of the configuration file.
	 */
	RevisionWriter revisionWriter(@Nullable String fileTemplate) {
		if (fileTemplate != null) {
			return new RevisionWriter(revisionFolder(), fileTemplate, "--file-template");
		}
		return new RevisionWriter(revisionFolder(), config(RevisionCommand.FILE_TEMPLATE),
				"'" + RevisionCommand.FILE_TEMPLATE + "' in the configuration file");
	}

	@Nullable String config(String key) {
		return this.config.get(key);
	}

	/**
	 * The configuration file's folder, against which its relative paths resolve; the
	 * working directory when there is no file.
	 */
	private Path folder() {
		Path path = this.config.path();
		return (path != null) ? path.toAbsolutePath().getParent() : Path.of("").toAbsolutePath();
	}

	private void ifSet(String key, java.util.function.Consumer<String> setter) {
		String value = config(key);
		if (value != null) {
			try {
				setter.accept(value);
			}
			catch (IllegalArgumentException ex) {
				throw new CliException(
						"'%s' has an invalid value '%s' in %s.".formatted(key, value, this.config.source(key)),
						"See the README's property table for the values it takes.");
			}
		}
	}

	/**
	 * A boolean as Spring Boot binds it: {@code true}, {@code on}, {@code yes} or
	 * {@code 1}, and {@code false}, {@code off}, {@code no} or {@code 0}, in any case;
	 * anything else is refused rather than read as false ({@code ture} would turn
	 * {@code validate-checksums} off).
	 */
	static boolean bool(String value) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true", "on", "yes", "1" -> true;
			case "false", "off", "no", "0" -> false;
			default -> throw new IllegalArgumentException(value);
		};
	}

	private static String constant(String value) {
		return value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
	}

	/**
	 * Spring Boot's duration forms: {@code 30s}, {@code 5m}, {@code 500ms}, {@code PT1M},
	 * or milliseconds.
	 */
	static Duration duration(String key, String value) {
		String text = value.strip().toLowerCase(Locale.ROOT);
		try {
			if (text.startsWith("pt") || text.startsWith("p")) {
				return Duration.parse(text.toUpperCase(Locale.ROOT));
			}
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?").matcher(text);
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				String unit = (matcher.group(2) != null) ? matcher.group(2) : "ms";
				return switch (unit) {
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					case "d" -> Duration.ofDays(amount);
					default -> Duration.ofMillis(amount);
				};
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw new IllegalArgumentException(key + ": " + value);
	}

	static int count(String key, String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(key + ": " + value);
		}
	}

	@SafeVarargs
	private static <T> @Nullable T first(@Nullable T... values) {
		for (T value : values) {
			if (value != null && !(value instanceof String text && text.isBlank())) {
				return value;
			}
		}
		return null;
	}

}
