package io.github.migrations.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.lint.Finding;
import io.github.migrations.core.lint.LintReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
		description = "Flag statements that take locks which stall the application (with file:line, the lock, what it "
				+ "blocks and the safe rewrite) and style problems. Reads the files only. Exit 1 when a lock-safety "
				+ "rule fires (or, with --strict, any rule), 0 when clean or only style rules warn. With -q, prints "
				+ "only the findings that fail it and the count.")
final class LintCommand extends CliCommand {

	@Parameters(paramLabel = "REV", arity = "0..*",
			description = "Revisions to lint (ids, prefixes, branch labels, or the paths of their .sql files, as "
					+ "'git diff --name-only' lists them), in the context of those before them; together they form "
					+ "one release. Default: every revision.")
	List<String> revisions = new ArrayList<>();

	@Option(names = "--strict", description = "Fail on style warnings too.")
	boolean strict;

	@Override
	int execute() {
		Migrator migrator = settings().offlineMigrator();
		LintReport report = migrator.lint(this.revisions.stream().map((named) -> revision(migrator, named)).toList());
		boolean failed = report.failed(this.strict);
		if (json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("ok", !failed);
			document.put("revisions", report.revisions());
			document.put("skipped", report.skipped());
			document.put("findings", report.findings().stream().map(LintCommand::json).toList());
			printJson(document);
		}
		else {
			// --quiet: only what fails the command, then the count
			report.findings()
				.stream()
				.filter((finding) -> !quiet() || fails(finding))
				.forEach((finding) -> out().println(finding.describe(MigrationsCli::settingAdvice)));
			if (!quiet()) {
				report.skipped()
					.forEach((id) -> out().printf("note: revision '%s' is written in Java and was not linted%n", id));
			}
			out().printf("%s: %d error%s, %d warning%s in %d revision%s.%n", failed ? "FAILED" : "OK",
					report.errors().size(), plural(report.errors().size()), report.warnings().size(),
					plural(report.warnings().size()), report.revisions().size(), plural(report.revisions().size()));
		}
		return failed ? MigrationsCli.FAILURE : 0;
	}

	/**
	 * The revision an argument names: the id of the revision whose file a path ending in
	 * {@code .sql} names (no id, prefix or label holds a '.'), else the argument as the
	 * engine reads it.
	 */
	private static String revision(Migrator migrator, String named) {
		if (!named.endsWith(".sql")) {
			return named;
		}
		Path file = Path.of(named).toAbsolutePath().normalize();
		return migrator.revisions()
			.stream()
			.filter((revision) -> file.equals(Path.of(revision.source()).toAbsolutePath().normalize()))
			.map((revision) -> revision.id().value())
			.findFirst()
			.orElseThrow(() -> new CliException("'%s' is not a revision file of the revision folders.".formatted(named),
					"Name a file in the folders of --locations (or app.migrations.locations), or the revision's id; "
							+ "a file that was deleted or renamed has nothing to lint."));
	}

	/**
	 * Whether a finding makes the command fail: a lock-safety error, or with
	 * {@code --strict} a style warning too.
	 */
	private boolean fails(Finding finding) {
		return finding.rule().lockSafety() || this.strict;
	}

	private static String plural(int count) {
		return (count == 1) ? "" : "s";
	}

	static Map<String, Object> json(Finding finding) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("rule", finding.rule().id());
		json.put("severity", finding.rule().lockSafety() ? "error" : "warning");
		json.put("revision", finding.revision());
		json.put("file", finding.location().file());
		json.put("line", finding.location().line());
		json.put("statement_line", finding.statementLocation().line());
		json.put("statement", finding.statement());
		json.put("lock", (finding.lock() != null) ? finding.lock().lock().sql() : null);
		json.put("table", (finding.lock() != null) ? finding.lock().table() : null);
		json.put("blocks", finding.blocks());
		json.put("problem", finding.problem());
		json.put("fix", finding.rule().rewrite());
		json.put("setting", finding.rule().setting());
		return json;
	}

}
