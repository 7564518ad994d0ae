package io.github.migrations.core.lint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.ScriptSource;
import io.github.migrations.core.script.SqlStatement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labelled corpora: revision files whose statements each carry a
 * {@code -- expect: <rule>[, <rule>]} or {@code -- expect: ok} comment.
 * {@code src/test/resources/lint-corpus} was written with the rules (unsafe and safe
 * pairs for every rule); {@code independent-lint-corpus} holds statements of real
 * migration histories and the PostgreSQL docs, labelled before lint ran on them.
 * Precision and recall of {@code lint} over (statement, rule) pairs must both be at least
 * 95 % on each: a finding counts for its statement ({@link Finding#statementLocation()}),
 * also when it points at one of the statement's columns;
 * {@code benchmarks/lint-corpus/compare.py} measures squawk on the same files.
 */
class LintCorpusTests {

	private static final Set<Rule> NOT_IN_CORPUS = EnumSet.of(Rule.INVALID_ALLOW);

	@Test
	void lintFindsTheLabelledRisksOfTheCorpusWithPrecisionAndRecallOfAtLeast95Percent() {
		assertPrecisionAndRecallOfAtLeast95Percent("lint-corpus", corpus());
	}

	@Test
	void lintFindsTheRisksOfTheIndependentlyLabelledCorpusWithPrecisionAndRecallOfAtLeast95Percent() {
		List<LintFile> files = corpus("independent-lint-corpus");
		assertThat(labels(files)).hasSizeGreaterThanOrEqualTo(80);
		assertPrecisionAndRecallOfAtLeast95Percent("independent-lint-corpus", files);
	}

	private static void assertPrecisionAndRecallOfAtLeast95Percent(String name, List<LintFile> files) {
		Map<String, Set<Rule>> expected = labels(files);
		Set<String> found = new HashSet<>();
		for (Finding finding : Linter.forFiles().lint(files, Set.of(), Set.of()).findings()) {
			found.add(finding.statementLocation() + " " + finding.rule().id());
		}
		Set<String> labelled = new HashSet<>();
		expected.forEach((statement, rules) -> rules.forEach((rule) -> labelled.add(statement + " " + rule.id())));
		Set<String> truePositives = new HashSet<>(found);
		truePositives.retainAll(labelled);
		double precision = (double) truePositives.size() / found.size();
		double recall = (double) truePositives.size() / labelled.size();
		Set<String> falsePositives = new TreeSet<>(found);
		falsePositives.removeAll(labelled);
		Set<String> missed = new TreeSet<>(labelled);
		missed.removeAll(found);
		System.out.printf(
				"%s: %d statements, %d labelled findings, %d found, %d true: precision %.1f %%, recall %.1f %%; "
						+ "false positives %s, missed %s%n",
				name, expected.size(), labelled.size(), found.size(), truePositives.size(), precision * 100,
				recall * 100, falsePositives, missed);
		assertThat(precision).as("precision; false positives: %s", falsePositives).isGreaterThanOrEqualTo(0.95);
		assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void theCorpusHasAtLeast60StatementsAndAnUnsafeAndASafeCaseForEveryRule() {
		List<LintFile> files = corpus();
		Map<String, Set<Rule>> expected = labels(files);
		assertThat(expected).hasSizeGreaterThanOrEqualTo(60);
		Set<Rule> flagged = EnumSet.noneOf(Rule.class);
		expected.values().forEach(flagged::addAll);
		assertThat(flagged).containsAll(EnumSet.complementOf(EnumSet.copyOf(NOT_IN_CORPUS)));
		assertThat(expected.values().stream().filter(Set::isEmpty).count()).as("statements labelled 'ok'")
			.isGreaterThanOrEqualTo(flagged.size());
	}

	/**
	 * The corpus files, parents first.
	 */
	static List<LintFile> corpus() {
		return corpus("lint-corpus");
	}

	/**
	 * The files of the corpus in a class-path folder, parents first.
	 */
	static List<LintFile> corpus(String folder) {
		List<LintFile> files = new ScriptSource(List.of("classpath:" + folder), LintCorpusTests.class.getClassLoader())
			.list()
			.stream()
			.map(LintFile::of)
			.toList();
		Catalog catalog = Catalog.of(files.stream().map(LintFile::script).toList());
		Map<String, LintFile> byId = new LinkedHashMap<>();
		files.forEach((file) -> byId.put(file.script().revision().id().value(), file));
		List<LintFile> ordered = new ArrayList<>();
		for (Revision revision : catalog.graph().revisions()) {
			ordered.add(byId.get(revision.id().value()));
		}
		return ordered;
	}

	/**
	 * Each statement ({@code file:line}) and the rules its {@code -- expect:} comment
	 * names; every statement must have one.
	 */
	static Map<String, Set<Rule>> labels(List<LintFile> files) {
		Map<String, Set<Rule>> labels = new LinkedHashMap<>();
		for (LintFile file : files) {
			String[] lines = file.text().split("\n", -1);
			for (SqlStatement statement : file.script().upgrade()) {
				String label = lines[statement.line() - 2].strip();
				assertThat(label).as("the label above %s:%d", file.script().source(), statement.line())
					.startsWith("-- expect: ");
				Set<Rule> rules = EnumSet.noneOf(Rule.class);
				for (String id : label.substring("-- expect: ".length()).split(",\\s*")) {
					if (!id.equals("ok")) {
						Rule rule = Rule.of(id);
						assertThat(rule).as("rule '%s' at %s:%d", id, file.script().source(), statement.line() - 1)
							.isNotNull();
						rules.add(rule);
					}
				}
				labels.put(file.script().source() + ":" + statement.line(), rules);
			}
		}
		return labels;
	}

}
