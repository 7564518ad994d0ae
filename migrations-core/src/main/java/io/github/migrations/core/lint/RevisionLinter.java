package io.github.migrations.core.lint;

import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.script.SqlScript;
import io.github.migrations.core.script.StatementClassifier;
import org.jspecify.annotations.Nullable;

/**
 * Checks the statements of one revision, in order, against the rules, with the schema
 * model of the revisions before it (and of its own statements so far).
 */
final class RevisionLinter {

	private final LintFile file;

	private final SqlScript script;

	private final String revision;

	private final SchemaModel model;

	private final Set<String> release;

	private final Directives directives;

	private final RevisionSession session;

	private boolean strongLockReported;

	RevisionLinter(LintFile file, SchemaModel model, Set<String> release, boolean lockTimeout) {
		this.file = file;
		this.script = file.script();
		this.revision = this.script.revision().id().value();
		this.model = model;
		this.release = release;
		this.directives = new Directives(file.text(), this.script.upgrade());
		this.session = new RevisionSession(this.script.transactional(), lockTimeout);
	}

	void check(Shape shape, int index, List<Finding> findings) {
		Check check = new Check(shape, index, findings);
		this.session.apply(shape);
		refusedInTransaction(check, shape);
		switch (shape.verb) {
			case CREATE_INDEX, DROP_INDEX -> index(check, shape);
			case REINDEX -> reindex(check, shape);
			case ALTER_TABLE -> AlterRules.check(check, shape, this);
			case CREATE_TABLE -> StyleRules.check(check, shape.columns, shape.primaryKey);
			case DROP_TABLE -> {
				for (String table : shape.tables) {
					if (!inRelease(this.model.createdIn(table))) {
						check.report(Rule.DROP_TABLE,
								"drops table '%s', which an earlier release created".formatted(table));
					}
				}
			}
			case TRUNCATE -> truncate(check, shape);
			case DROP_DATABASE -> check.report(Rule.DROP_DATABASE, "drops database '%s'".formatted(shape.name));
			case ALTER_DOMAIN -> {
				if (shape.domainScan != null && existingType(shape.name)) {
					check.report(Rule.DOMAIN_CONSTRAINT_SCAN,
							("ALTER DOMAIN '%s' %s checks the values of every column of that domain, under SHARE on "
									+ "each table that has one")
								.formatted(shape.name, shape.domainScan));
				}
			}
			case ALTER_TYPE -> {
				if (shape.renamedValue != null && existingType(shape.name)) {
					check.report(Rule.RENAME_ENUM_VALUE,
							"renames value '%s' of type '%s', which an earlier release created"
								.formatted(shape.renamedValue, shape.name));
				}
			}
			case VACUUM -> {
				if (shape.full) {
					check.report(Rule.VACUUM_FULL, "VACUUM FULL rewrites '%s'".formatted(shape.table));
				}
			}
			case CLUSTER -> check.report(Rule.CLUSTER, "CLUSTER rewrites '%s'".formatted(shape.table));
			case REFRESH -> {
				if (shape.full && existing(shape.table)) {
					check.report(Rule.REFRESH_WITHOUT_CONCURRENTLY,
							"REFRESH MATERIALIZED VIEW '%s' without CONCURRENTLY".formatted(shape.table));
				}
			}
			case LOCK -> {
				if (shape.lockMode.isStrong()) {
					check.report(Rule.LOCK_TABLE, "locks '%s' in %s mode".formatted(shape.table, shape.lockMode.sql()));
				}
			}
			case UPDATE, DELETE -> {
				if (this.script.transactional() && !shape.bounded && existing(shape.table)) {
					check.report(Rule.UNBATCHED_UPDATE, "%s of every matching row of '%s' in one transaction"
						.formatted(shape.verb.name(), shape.table));
				}
			}
			default -> {
			}
		}
		strongLock(check, shape);
	}

	/**
	 * A {@code TRUNCATE} of a table an earlier release created, or with {@code CASCADE},
	 * which also empties tables it does not name.
	 */
	private void truncate(Check check, Shape shape) {
		List<String> existing = shape.tables.stream().filter(this::existing).toList();
		if (shape.cascade) {
			check.report(Rule.TRUNCATE_TABLE,
					("TRUNCATE ... CASCADE empties '%s' and every table whose foreign keys "
							+ "reference it, which the statement does not name")
						.formatted(String.join("', '", shape.tables)));
		}
		else if (!existing.isEmpty()) {
			check.report(Rule.TRUNCATE_TABLE,
					"empties '%s', which an earlier release created".formatted(String.join("', '", existing)));
		}
	}

	private void index(Check check, Shape shape) {
		String table = (shape.verb == Shape.Verb.DROP_INDEX) ? this.model.indexTable(shape.index) : shape.table;
		String verb = (shape.verb == Shape.Verb.DROP_INDEX) ? "DROP INDEX" : "CREATE INDEX";
		if (!shape.concurrently && (table == null || existing(table))) {
			check.report(Rule.INDEX_WITHOUT_CONCURRENTLY, "%s '%s' without CONCURRENTLY on existing table '%s'"
				.formatted(verb, shape.index, (table != null) ? table : "(the index's table)"));
		}
	}

	/**
	 * A statement that PostgreSQL refuses inside a transaction block, in a transactional
	 * revision: judged by the classifier the runner refuses it with before anything runs,
	 * so that lint and the run cannot disagree.
	 */
	private void refusedInTransaction(Check check, Shape shape) {
		if (this.script.transactional()) {
			StatementClassifier.refusal(shape.statement)
				.filter((refusal) -> refusal.kind() == StatementClassifier.Kind.NOT_IN_TRANSACTION)
				.ifPresent((refusal) -> check.report(Rule.CONCURRENTLY_IN_TRANSACTION,
						"%s cannot run inside the transaction of a transactional revision".formatted(refusal.what())));
		}
	}

	private void reindex(Check check, Shape shape) {
		String table = shape.index.isEmpty() ? shape.table : this.model.indexTable(shape.index);
		if (!shape.concurrently && (table == null || existing(table))) {
			String what = !shape.index.isEmpty() ? "INDEX '%s'".formatted(shape.index)
					: !shape.table.isEmpty() ? "TABLE '%s'".formatted(shape.table) : "of every table of a schema";
			check.report(Rule.INDEX_WITHOUT_CONCURRENTLY,
					("REINDEX %s without CONCURRENTLY: writes to the table wait while each index is rebuilt, and "
							+ "queries that use the index while it is")
						.formatted(what));
		}
	}

	private void strongLock(Check check, Shape shape) {
		if (this.session.lockTimeout() || this.strongLockReported) {
			return;
		}
		for (LockOn lock : shape.locks(this.model::indexTable)) {
			if (lock.lock().isStrong() && existing(lock.table())) {
				this.strongLockReported = check.report(Rule.STRONG_LOCK_WITHOUT_TIMEOUT, lock,
						"the revision takes %s without a lock_timeout".formatted(lock));
				return;
			}
		}
	}

	/**
	 * Whether a table may hold rows and serve queries when this revision runs: any table
	 * that neither this revision nor another of its release created (one created in the
	 * same run is new and empty), including tables no revision created.
	 */
	boolean existing(String table) {
		String created = this.model.createdIn(table);
		return !this.revision.equals(created) && !inRelease(created);
	}

	/**
	 * Whether a type or domain may be in use when this revision runs: one that neither
	 * this revision nor another of its release created.
	 */
	private boolean existingType(String type) {
		String created = this.model.typeCreatedIn(type);
		return !this.revision.equals(created) && !inRelease(created);
	}

	/**
	 * Whether something made by {@code revision} ships in the same release as this one.
	 */
	boolean inRelease(@Nullable String revision) {
		return revision != null && this.release.contains(revision);
	}

	/**
	 * What the revision's statements so far have set up in its session.
	 */
	RevisionSession session() {
		return this.session;
	}

	SchemaModel model() {
		return this.model;
	}

	void invalidDirectives(List<Finding> findings) {
		for (int line : this.directives.invalid) {
			ScriptLocation location = ScriptLocation.at(this.script.source(), line);
			findings.add(new Finding(Rule.INVALID_ALLOW, this.revision, location, location, "-- lint: ...", null,
					"this comment does not opt anything out"));
		}
	}

	/**
	 * The findings of one statement: each one reported unless a directive allows it.
	 */
	final class Check {

		private final Shape shape;

		private final int index;

		private final List<Finding> findings;

		/** The line its findings point at. */
		private final int line;

		Check(Shape shape, int index, List<Finding> findings) {
			this(shape, index, findings, shape.statement.line());
		}

		private Check(Shape shape, int index, List<Finding> findings, int line) {
			this.shape = shape;
			this.index = index;
			this.findings = findings;
			this.line = line;
		}

		/**
		 * The same check, with its findings pointing at the line of a part of the
		 * statement (a column's definition) rather than at the statement's first line.
		 * @param offset where the part starts in the statement's text; negative for the
		 * statement's first line
		 */
		Check at(int offset) {
			return (offset < 0) ? this
					: new Check(this.shape, this.index, this.findings, this.shape.statement.lineOf(offset + 1));
		}

		boolean report(Rule rule, String problem) {
			List<LockOn> locks = rule.lockSafety() ? this.shape.locks(RevisionLinter.this.model::indexTable)
					: List.of();
			return report(rule, locks.isEmpty() ? null : locks.get(0), problem);
		}

		boolean report(Rule rule, @Nullable LockOn lock, String problem) {
			if (RevisionLinter.this.directives.allows(rule, this.index)) {
				return true;
			}
			String sql = this.shape.statement.sql();
			int newline = sql.indexOf('\n');
			String first = (newline >= 0) ? sql.substring(0, newline) + " ..." : sql;
			String source = RevisionLinter.this.script.source();
			this.findings.add(new Finding(rule, RevisionLinter.this.revision, ScriptLocation.at(source, this.line),
					ScriptLocation.at(source, this.shape.statement.line()),
					(first.length() > 120) ? first.substring(0, 117) + "..." : first, lock, problem));
			return true;
		}

	}

}
