package io.github.migrations.cli;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options every command takes, before or after the command's name.
 */
final class GlobalOptions {

	@Option(names = "--url", paramLabel = "URL",
			description = "Database URL: jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db "
					+ "(default: $DATABASE_URL, then the application's app.migrations.url or spring.datasource.url: "
					+ "--config with its profiles, or $SPRING_DATASOURCE_URL).")
	@Nullable String url;

	@Option(names = "--username", paramLabel = "USER",
			description = "Database user (default: $DATABASE_USERNAME, the URL's, or the application's).")
	@Nullable String username;

	/**
	 * What {@code --password} holds when given without a value: the password is then
	 * asked for ({@link PasswordPrompt}). A NUL cannot be part of a command-line
	 * argument, so no password typed as a value is mistaken for it.
	 */
	static final String ASK = "\0ask";

	@Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", fallbackValue = ASK,
			description = "Database password; give no value to be asked for it on the terminal, or to read it from "
					+ "standard input (default: $DATABASE_PASSWORD, the URL's, or the application's). Never printed.")
	@Nullable String password;

	@Option(names = "--locations", split = ",", paramLabel = "LOCATION",
			description = "Revision folders, comma-separated: a path, filesystem:PATH or classpath:PATH "
					+ "(default: app.migrations.locations of --config, else src/main/resources/db/revisions).")
	@Nullable List<String> locations;

	@Option(names = "--schema", paramLabel = "SCHEMA",
			description = "Schema of the version store (default: app.migrations.schema, else the connection's).")
	@Nullable String schema;

	@Option(names = "--config", paramLabel = "FILE",
			description = "A migrations.properties, application.properties or application.yml to read app.migrations.* "
					+ "and spring.datasource.* from (default: the first of them in this folder, else in "
					+ "src/main/resources).")
	@Nullable Path config;

	@Option(names = "--json", description = "Print machine-readable JSON.")
	boolean json;

	@Option(names = { "-q", "--quiet" }, description = "Print only results and errors.")
	boolean quiet;

}
