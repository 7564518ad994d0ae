package io.github.migrations.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.lint.Finding;
import io.github.migrations.core.lint.LintReport;
import io.github.migrations.core.lint.Rule;
import org.jspecify.annotations.Nullable;

/**
 * What {@code migrations lint} says about the revisions {@code revision --autogenerate}
 * just wrote, printed as advice under the {@code Generating ... done} lines: the
 * revisions are linted together, as one release, in the context of those before them (a
 * table an earlier revision created is existing), exactly as
 * {@code migrations lint <ids>} would. Each error is one line and its fix, where a flag
 * of the command writes the safe form the fix names that flag; each style warning is one
 * line.
 */
final class AutogenerateLint {

	private final DiffFlags flags;

	AutogenerateLint(DiffFlags flags) {
		this.flags = flags;
	}

	/**
	 * Lints {@code revisions} and prints the findings on {@code err}; prints nothing when
	 * the revisions are clean.
	 */
	void print(Migrator migrator, List<String> revisions, PrintStream err) {
		LintReport report = migrator.lint(revisions);
		if (report.findings().isEmpty()) {
			return;
		}
		for (Finding finding : report.errors()) {
			err.println(line(finding));
			err.println("  fix: " + fix(finding));
		}
		for (Finding finding : report.warnings()) {
			err.println(line(finding) + " Fix: " + finding.rule().rewrite());
		}
		String ids = String.join(" ", revisions);
		String counts = "lint: %d error%s, %d warning%s in the new revision%s".formatted(report.errors().size(),
				plural(report.errors().size()), report.warnings().size(), plural(report.warnings().size()),
				plural(revisions.size()));
		if (report.errors().isEmpty()) {
			err.printf("%s: 'migrations lint %s' passes (style warnings fail it only with --strict).%n", counts, ids);
		}
		else {
			err.printf("%s. Advice: the revision%s written, but 'migrations lint %s' and 'migrations check' fail "
					+ "on the errors until they are fixed or allowed with '-- lint: allow <rule> (<reason>)'.%n",
					counts, (revisions.size() == 1) ? " is" : "s are", ids);
		}
	}

	private static String line(Finding finding) {
		StringBuilder text = new StringBuilder();
		text.append(finding.location())
			.append(": ")
			.append(finding.rule().lockSafety() ? "error" : "warning")
			.append(" [")
			.append(finding.rule().id())
			.append("] ")
			.append(finding.problem())
			.append('.');
		if (finding.lock() != null) {
			text.append(" Takes ")
				.append(finding.lock())
				.append(", which blocks ")
				.append(finding.blocks())
				.append('.');
		}
		return text.toString();
	}

	private String fix(Finding finding) {
		String flag = flag(finding);
		String rewrite = finding.rule().rewrite();
		if (finding.rule().setting() != null) {
			rewrite = rewrite + " " + MigrationsCli.settingAdvice(finding.rule().setting());
		}
		if (flag == null) {
			return rewrite;
		}
		return "%s writes the safe form: delete the file and run the command again with it. By hand: %s".formatted(flag,
				rewrite);
	}

	/**
	 * The flag of {@code revision --autogenerate} that writes the safe form of what the
	 * finding flags, when it was not given already; else {@code null}.
	 */
	@Nullable String flag(Finding finding) {
		Rule rule = finding.rule();
		if (rule == Rule.INDEX_WITHOUT_CONCURRENTLY && !this.flags.concurrently
				&& finding.statement().toUpperCase(Locale.ROOT).matches("(?s)(CREATE|DROP) .*")) {
			return "--concurrently";
		}
		if (this.flags.notValid) {
			return null;
		}
		if (rule == Rule.CONSTRAINT_WITHOUT_NOT_VALID
				&& finding.statement().toUpperCase(Locale.ROOT).matches("(?s)ALTER TABLE .* ADD CONSTRAINT .*")) {
			return "--not-valid";
		}
		if (rule == Rule.DOMAIN_CONSTRAINT_SCAN
				&& finding.statement().toUpperCase(Locale.ROOT).matches("(?s)ALTER DOMAIN .* ADD CONSTRAINT .*")) {
			return "--not-valid";
		}
		if (rule == Rule.ATTACH_PARTITION_WITHOUT_CHECK) {
			return "--not-valid";
		}
		return null;
	}

	private static String plural(int count) {
		return (count == 1) ? "" : "s";
	}

}
