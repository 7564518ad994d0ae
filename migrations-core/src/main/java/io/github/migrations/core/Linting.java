package io.github.migrations.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.migrations.core.api.JavaRevision;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.lint.LintFile;
import io.github.migrations.core.lint.LintReport;
import io.github.migrations.core.lint.Linter;
import io.github.migrations.core.revision.Revision;
import io.github.migrations.core.revision.TargetResolver;
import io.github.migrations.core.script.Catalog;
import io.github.migrations.core.script.JavaRevisionScript;
import io.github.migrations.core.script.Script;
import io.github.migrations.core.script.ScriptSource;

/**
 * Reads the revision files with their text (for the {@code -- lint: allow} comments) and
 * lints the named revisions in the context of the revisions before them. Needs no
 * database.
 */
final class Linting {

	private final MigratorSettings settings;

	private final ClassLoader classLoader;

	private final List<JavaRevision> javaRevisions;

	Linting(MigratorSettings settings, ClassLoader classLoader, List<JavaRevision> javaRevisions) {
		this.settings = settings;
		this.classLoader = classLoader;
		this.javaRevisions = List.copyOf(javaRevisions);
	}

	LintReport lint(List<String> revisions) {
		List<LintFile> files = new ScriptSource(this.settings.locations(), this.classLoader).list()
			.stream()
			.map(LintFile::of)
			.toList();
		List<Script> scripts = new ArrayList<>(files.stream().map(LintFile::script).toList());
		this.javaRevisions.forEach((revision) -> scripts.add(JavaRevisionScript.of(revision)));
		Catalog catalog = Catalog.of(scripts);
		TargetResolver resolver = new TargetResolver(catalog.graph(), Set.of());
		Set<String> selected = revisions.stream()
			.map((name) -> resolver.revision(name).value())
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<String, LintFile> byId = files.stream()
			.collect(Collectors.toMap((file) -> file.script().revision().id().value(), Function.identity()));
		List<LintFile> ordered = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (Revision revision : catalog.graph().revisions()) {
			String id = revision.id().value();
			LintFile file = byId.get(id);
			if (file != null) {
				ordered.add(file);
			}
			else if (selected.isEmpty() || selected.contains(id)) {
				skipped.add(id);
			}
		}
		LintReport report = Linter.of(this.settings).lint(ordered, selected, selected);
		return new LintReport(report.findings(), report.revisions(), skipped);
	}

}
