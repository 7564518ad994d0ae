package io.github.migrations.sample.docker;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's Docker files as the tests read them: {@code docker-compose.yml} at the
 * root, {@code sample-app/Dockerfile}, and the CLI launcher the image holds.
 */
final class DockerFiles {

	/** The repository's root, from the module's folder where Maven runs the tests. */
	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

	static final Path DOCKERFILE = ROOT.resolve("sample-app/Dockerfile");

	static final Path CLI_LAUNCHER = ROOT.resolve("sample-app/src/docker/migrations");

	/**
	 * Where the image holds the CLI: its jar, class list and class-data-sharing archive.
	 */
	static final String IMAGE_CLI = "/opt/migrations/";

	/** Where the image's application layer puts the app's classes and resources. */
	static final String IMAGE_CLASSES = "/app/BOOT-INF/classes/";

	private DockerFiles() {
	}

	static Map<String, Object> service(String name) throws IOException {
		try (Reader reader = Files.newBufferedReader(COMPOSE_FILE)) {
			Map<String, Object> compose = new Yaml().load(reader);
			Map<String, Object> service = map(map(compose, "services"), name);
			assertThat(service).as("service '%s' of %s", name, COMPOSE_FILE).isNotNull();
			return service;
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	static String dockerfile() throws IOException {
		return Files.readString(DOCKERFILE);
	}

	static String launcher() throws IOException {
		return Files.readString(CLI_LAUNCHER);
	}

	/**
	 * The command of the Dockerfile's step that dumps the CLI's class-data-sharing
	 * archive, without its output redirection.
	 */
	static String archiveDump() throws IOException {
		return find(dockerfile(), "\\nRUN (java -Xshare:dump [^\\n>]*?)\\s*(?:> /dev/null)?\\n");
	}

	/** The first group of the pattern's first match, failing when it does not match. */
	static String find(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("'%s' in:%n%s", regex, text).isTrue();
		return matcher.group(1);
	}

	/**
	 * The parts of a {@code postgresql://user:password@host:port/database} URL.
	 */
	record DatabaseUrl(String user, String password, String host, int port, String database) {

		static DatabaseUrl parse(String url) {
			URI uri = URI.create(url);
			List<String> userInfo = List.of(uri.getUserInfo().split(":", 2));
			return new DatabaseUrl(userInfo.get(0), userInfo.get(1), uri.getHost(), uri.getPort(),
					uri.getPath().substring(1));
		}

	}

}
