package io.github.migrations.core.lint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.ScriptLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a finding points: the line of the column it is about, while it still belongs to
 * its statement (for {@code -- lint: allow} comments and the labelled corpora).
 */
class FindingLineTests {

	private static final String BASE = """
			-- revision: a1
			-- down_revision: base
			-- +upgrade
			CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
			CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount integer,
				customer_id bigint, code text, note text);
			""";

	@Test
	void styleWarningsOnACreateTableSpanningLinesPointAtEachColumnsOwnLine() {
		List<Finding> findings = lint("""
				-- +upgrade
				CREATE TABLE events (
					id serial PRIMARY KEY,
					kind char(3),
					label varchar(50),
					at timestamp
				);
				""");
		assertThat(findings).extracting((finding) -> finding.rule().id() + " " + finding.location())
			.containsExactly("prefer-bigint-identity db/revisions/a2_change.sql:5",
					"ban-char db/revisions/a2_change.sql:6", "prefer-text db/revisions/a2_change.sql:7",
					"prefer-timestamptz db/revisions/a2_change.sql:8");
		assertThat(findings).extracting(Finding::statementLocation)
			.containsOnly(ScriptLocation.at("db/revisions/a2_change.sql", 4));
		assertThat(findings.get(2).describe()).startsWith(
				"db/revisions/a2_change.sql:7: warning [prefer-text] column 'label' is varchar(50).\n  CREATE TABLE events ( ...");
	}

	@Test
	void findingsOnTheColumnsOfAnAlterTableSpanningLinesPointAtTheirActionsLines() {
		List<Finding> findings = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices
					ADD COLUMN note varchar(200),
					ALTER COLUMN amount TYPE bigint;
				""");
		assertThat(findings).extracting((finding) -> finding.rule().id() + " " + finding.location().line())
			.containsExactly("prefer-text 6", "column-type-change 7");
		assertThat(findings).extracting((finding) -> finding.statementLocation().line()).containsOnly(5);
	}

	@Test
	void findingsOnTheOtherActionsOfAnAlterTableSpanningLinesPointAtEachActionsOwnLine() {
		List<Finding> findings = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices
					ALTER COLUMN amount SET NOT NULL,
					ADD CONSTRAINT invoices_amount_positive CHECK (amount > 0),
					ADD CONSTRAINT invoices_customer_fk
						FOREIGN KEY (customer_id) REFERENCES customers (id),
					ADD CONSTRAINT invoices_code_key UNIQUE (code),
					DROP COLUMN note;
				""");
		assertThat(findings).extracting((finding) -> finding.rule().id() + " " + finding.location().line())
			.containsExactly("set-not-null-without-check 6", "constraint-without-not-valid 7",
					"constraint-without-not-valid 8", "unique-without-index 10", "drop-column 11");
		assertThat(findings).extracting((finding) -> finding.statementLocation().line()).containsOnly(5);
	}

	@Test
	void aRenameOrAValidateOnTheLineAfterAlterTablePointsAtItsOwnLine() {
		List<Finding> findings = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices ADD CONSTRAINT invoices_amount_positive CHECK (amount > 0) NOT VALID;
				ALTER TABLE invoices
					VALIDATE CONSTRAINT invoices_amount_positive;
				ALTER TABLE invoices
					RENAME COLUMN note TO remark;
				""");
		assertThat(findings)
			.extracting((finding) -> finding.rule().id() + " " + finding.location().line() + " of "
					+ finding.statementLocation().line())
			.containsExactly("constraint-without-not-valid 7 of 6", "rename-column 9 of 8");
	}

	@Test
	void anAllowCommentAboveAnAlterTableStillOptsOutAFindingOnOneOfItsActions() {
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				-- lint: allow drop-column (no release reads the note since 2.3)
				ALTER TABLE invoices
					ALTER COLUMN code SET DEFAULT '',
					DROP COLUMN note;
				""")).isEmpty();
	}

	@Test
	void aStatementWideFindingPointsAtTheStatementsFirstLine() {
		Finding finding = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE INDEX invoices_amount_idx
					ON invoices (amount);
				""").get(0);
		assertThat(finding.location()).isEqualTo(finding.statementLocation())
			.isEqualTo(ScriptLocation.at("db/revisions/a2_change.sql", 5));
	}

	@Test
	void anAllowCommentAboveTheStatementStillOptsOutAFindingOnOneOfItsColumns() {
		assertThat(lint("""
				-- +upgrade
				-- lint: allow prefer-text (the legacy export reads at most 50 characters)
				CREATE TABLE exports (
					id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					label varchar(50)
				);
				""")).isEmpty();
	}

	private static List<Finding> lint(String change) {
		List<LintFile> files = List.of(file("a1", BASE),
				file("a2", "-- revision: a2\n-- down_revision: a1\n" + change));
		return Linter.forFiles().lint(files, Set.of("a2"), Set.of()).findings();
	}

	private static LintFile file(String id, String text) {
		return LintFile.of("db/revisions/" + id + "_change.sql", text.getBytes(StandardCharsets.UTF_8));
	}

}
