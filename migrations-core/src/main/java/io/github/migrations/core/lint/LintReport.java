package io.github.migrations.core.lint;

import java.util.List;

/**
 * What {@code lint} found.
 *
 * @param findings every finding, in the order of the revisions and their statements
 * @param revisions the revisions linted
 * @param skipped the revisions that could not be linted (written in Java)
 */
public record LintReport(List<Finding> findings, List<String> revisions, List<String> skipped) {

	public LintReport {
		findings = List.copyOf(findings);
		revisions = List.copyOf(revisions);
		skipped = List.copyOf(skipped);
	}

	/**
	 * The findings of lock-safety rules.
	 */
	public List<Finding> errors() {
		return this.findings.stream().filter((finding) -> finding.rule().lockSafety()).toList();
	}

	/**
	 * The findings of style rules.
	 */
	public List<Finding> warnings() {
		return this.findings.stream().filter((finding) -> !finding.rule().lockSafety()).toList();
	}

	/**
	 * Whether lint fails: a lock-safety rule fired, or with {@code strict} any rule.
	 */
	public boolean failed(boolean strict) {
		return strict ? !this.findings.isEmpty() : !errors().isEmpty();
	}

}
