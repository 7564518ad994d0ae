package io.github.migrations.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.github.migrations.test.database.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a command-line test works with: a fresh database from {@link TestDatabase} (or
 * none), the environment the command line sees, a temporary folder with an empty
 * {@code db/revisions} folder in it, and runs of the command line in-process.
 * <p>
 * Registered as a {@link RegisterExtension} field, so each test gets its own: the folder
 * is made before the test's {@code @BeforeEach} methods run and deleted after the test.
 */
final class CliFixture implements BeforeEachCallback, AfterEachCallback {

	private final TestDatabase.@Nullable Database database;

	private final Map<String, String> environment = new HashMap<>();

	private Path folder;

	private CliFixture(TestDatabase.@Nullable Database database) {
		this.database = database;
	}

	/**
	 * A fresh database, with the environment pointing at it ({@code DATABASE_URL},
	 * {@code DATABASE_USERNAME}, {@code DATABASE_PASSWORD}).
	 */
	static CliFixture onFreshDatabase() {
		CliFixture fixture = new CliFixture(TestDatabase.shared().freshDatabase());
		fixture.environment.putAll(CliRun.databaseEnvironment(fixture.database));
		return fixture;
	}

	/**
	 * No database, and an empty environment.
	 */
	static CliFixture withoutDatabase() {
		return new CliFixture(null);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.folder = Files.createTempDirectory("migrations-cli-test");
		Files.createDirectories(revisions());
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try (Stream<Path> paths = Files.walk(this.folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	TestDatabase.Database database() {
		if (this.database == null) {
			throw new IllegalStateException("This test's CliFixture has no database: use CliFixture.onFreshDatabase()");
		}
		return this.database;
	}

	/**
	 * The environment the command line sees, for a test to change.
	 */
	Map<String, String> environment() {
		return this.environment;
	}

	/**
	 * The test's temporary folder.
	 */
	Path folder() {
		return this.folder;
	}

	/**
	 * The revisions folder, {@code db/revisions} in the temporary folder.
	 */
	Path revisions() {
		return this.folder.resolve("db/revisions");
	}

	/**
	 * Writes a file into the revisions folder.
	 */
	Path write(String name, String content) throws IOException {
		return Files.writeString(revisions().resolve(name), content);
	}

	/**
	 * Runs the command line with {@code --locations} the revisions folder, then
	 * {@code args}.
	 */
	CliRun run(String... args) {
		return runExactly(CliRun.withLocations(revisions(), args));
	}

	/**
	 * Runs the command line with {@code args} only, in the JVM's working directory.
	 */
	CliRun runExactly(String... args) {
		return CliRun.of(this.environment, args);
	}

	/**
	 * Runs the command line with {@code args} only, as if started in the temporary
	 * folder.
	 */
	CliRun runInFolder(String... args) {
		return CliRun.in(this.folder, this.environment, args);
	}

}
