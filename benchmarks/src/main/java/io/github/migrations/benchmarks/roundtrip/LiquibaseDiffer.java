package io.github.migrations.benchmarks.roundtrip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.migrations.benchmarks.PostgresServer;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.logging.core.NoOpLogService;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase's {@code diff-changelog} as its command line runs it (a {@link CommandScope}
 * named {@code diffChangelog}): {@code --url} is the database to change,
 * {@code --reference-url} the one it should look like, and the changelog is written as
 * Liquibase's formatted SQL ({@code *.postgresql.sql}), whose changesets are plain
 * statements between {@code --changeset} comments, so psql runs it as it is. Default diff
 * types (the open-source edition's: tables, columns, primary and unique keys, foreign
 * keys, indexes, views, sequences). In process, so each diff does not pay a JVM start;
 * its log is switched off (the changelog is the output).
 */
final class LiquibaseDiffer implements Differ {

	private final PostgresServer server;

	private final Path scratch;

	LiquibaseDiffer(PostgresServer server, Path scratch) {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		this.server = server;
		this.scratch = scratch;
	}

	@Override
	public String name() {
		return "liquibase";
	}

	@Override
	public String diff(String from, String to) throws Exception {
		Path changelog = this.scratch.resolve("diff.postgresql.sql");
		Files.deleteIfExists(changelog);
		Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(),
				new DirectoryResourceAccessor(this.scratch), Scope.Attr.ui.name(), new LoggerUIService(),
				Scope.Attr.logService.name(), new NoOpLogService());
		Scope.child(scope,
				() -> new CommandScope("diffChangelog").addArgumentValue("url", this.server.url(from))
					.addArgumentValue("username", this.server.user())
					.addArgumentValue("password", this.server.password())
					.addArgumentValue("referenceUrl", this.server.url(to))
					.addArgumentValue("referenceUsername", this.server.user())
					.addArgumentValue("referencePassword", this.server.password())
					.addArgumentValue("changelogFile", changelog.toAbsolutePath().toString())
					.execute());
		return Files.isRegularFile(changelog) ? Files.readString(changelog, StandardCharsets.UTF_8) : "";
	}

}
