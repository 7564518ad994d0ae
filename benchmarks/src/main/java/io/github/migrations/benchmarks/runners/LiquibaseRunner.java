package io.github.migrations.benchmarks.runners;

import java.nio.file.Path;
import java.util.Map;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * {@code liquibase update} as the Liquibase command line runs it (a
 * {@link CommandScope}), with default settings: the changelog, its folder and the
 * connection are the only things configured. The benchmark starts this JVM with
 * {@code -Dliquibase.analytics.enabled=false}, so that Liquibase does not try to send
 * usage data over the network.
 */
public final class LiquibaseRunner {

	private LiquibaseRunner() {
	}

	public static void main(String[] args) throws Exception {
		RunnerArgs arguments = RunnerArgs.parse(args,
				"LiquibaseRunner <jdbc-url> <user> <changelog-folder> [changelog]");
		String changelog = arguments.flags().isEmpty() ? "changelog.sql" : arguments.flags().get(0);
		long start = System.nanoTime();
		Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(),
				new DirectoryResourceAccessor(Path.of(arguments.location())));
		Scope.child(scope,
				() -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, arguments.url())
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, arguments.user())
					.addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, arguments.password())
					.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
					.execute());
		RunnerArgs.report(start);
	}

}
