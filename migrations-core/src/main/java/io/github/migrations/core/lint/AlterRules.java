package io.github.migrations.core.lint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rules about the actions of an {@code ALTER TABLE}. On a table this revision created
 * only the style rules apply: nothing uses it yet.
 */
final class AlterRules {

	private AlterRules() {
	}

	static void check(RevisionLinter.Check check, Shape shape, RevisionLinter linter) {
		String table = shape.table;
		boolean existing = linter.existing(table);
		SchemaModel model = linter.model();
		for (Action action : shape.actions) {
			// a finding about one action points at the action's line
			RevisionLinter.Check at = check.at(action.offset());
			if (action instanceof Action.AddColumn add) {
				ColumnDef column = add.column();
				StyleRules.check(check, List.of(column), List.of());
				if (existing) {
					addColumn(at, table, column);
				}
			}
			else if (action instanceof Action.AlterType type) {
				StyleRules.type(at, type.column(), type.type());
				String from = model.columnType(table, type.column());
				if (existing && (type.using() || !keepsValues(linter, table, type.column(), from, type.type()))) {
					at.report(Rule.COLUMN_TYPE_CHANGE,
							"changes the type of '%s.%s'%s to %s%s".formatted(table, type.column(),
									(from != null) ? " from " + from : "", type.type(),
									type.using() ? " with USING" : ""));
				}
			}
			else if (action instanceof Action.Partition partition) {
				partition(at, table, partition, linter);
			}
			else if (!existing) {
				continue;
			}
			else if (action instanceof Action.SetNotNull set) {
				if (!model.hasValidatedNotNullCheck(table, set.column())) {
					at.report(Rule.SET_NOT_NULL_WITHOUT_CHECK,
							"SET NOT NULL on '%s.%s' scans the table: no validated CHECK (%s IS NOT NULL) is known"
								.formatted(table, set.column(), set.column()));
				}
			}
			else if (action instanceof Action.AddConstraint constraint) {
				addConstraint(at, table, constraint, model);
			}
			else if (action instanceof Action.ValidateConstraint validate
					&& linter.session().validatesUnderItsOwnLock(validate.name())) {
				at.report(Rule.CONSTRAINT_WITHOUT_NOT_VALID,
						("validates '%s' in the transaction that added it NOT VALID: "
								+ "the lock the ADD took is held through the scan")
							.formatted(validate.name()));
			}
			else if (action instanceof Action.DropColumn drop) {
				if (!linter.inRelease(model.columnCreatedIn(table, drop.column()))) {
					at.report(Rule.DROP_COLUMN,
							"drops column '%s.%s', which an earlier release added".formatted(table, drop.column()));
				}
			}
			else if (action instanceof Action.Rename rename) {
				rename(at, table, rename, linter);
			}
			else if (action instanceof Action.Rewrite rewrite) {
				at.report(Rule.TABLE_REWRITE, "%s rewrites '%s'".formatted(rewrite.what(), table));
			}
		}
	}

	/**
	 * Whether a type change keeps the stored values and the indexes: a change
	 * {@link Types#keepsValues} allows, or one between {@code timestamp} and
	 * {@code timestamptz} in UTC on a column no known index covers.
	 */
	private static boolean keepsValues(RevisionLinter linter, String table, String column, @Nullable String from,
			String to) {
		return Types.keepsValues(from, to) || (linter.session().utc() && Types.isTimestampZoneChange(from, to)
				&& !linter.model().indexed(table, column));
	}

	private static void addColumn(RevisionLinter.Check check, String table, ColumnDef column) {
		if (column.computed() || Types.isVolatile(column.defaultValue())) {
			check.report(Rule.ADD_COLUMN_VOLATILE_DEFAULT, "adds column '%s.%s' %s, which rewrites the table".formatted(
					table, column.name(), column.computed() ? "computed for every row" : "with a volatile default"));
		}
		else if (column.notNull() && column.defaultValue() == null && !column.primaryKey()) {
			check.report(Rule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT,
					"adds column '%s.%s' NOT NULL without a default".formatted(table, column.name()));
		}
		if (column.check() || column.references() != null) {
			check.report(Rule.CONSTRAINT_WITHOUT_NOT_VALID,
					"adds column '%s.%s' with a %s, which is checked against every row under the lock".formatted(table,
							column.name(), column.check() ? "CHECK" : "foreign key"));
		}
		if (column.primaryKey() || column.unique()) {
			check.report(Rule.UNIQUE_WITHOUT_INDEX, "adds column '%s.%s' %s, which builds its index under the lock"
				.formatted(table, column.name(), column.primaryKey() ? "PRIMARY KEY" : "UNIQUE"));
		}
	}

	/**
	 * A primary key made from an index sets its columns {@code NOT NULL}: a scan under
	 * the lock for each column the revisions show as nullable with no validated
	 * {@code CHECK (column IS NOT NULL)}.
	 */
	private static void primaryKeyUsingIndex(RevisionLinter.Check check, String table, String index,
			SchemaModel model) {
		for (String column : model.indexedColumns(index)) {
			if (model.knownNullable(table, column)) {
				check.report(Rule.SET_NOT_NULL_WITHOUT_CHECK,
						("PRIMARY KEY USING INDEX '%s' sets '%s.%s' NOT NULL, which scans the table: the column is "
								+ "nullable and no validated CHECK (%s IS NOT NULL) is known")
							.formatted(index, table, column, column));
			}
		}
	}

	private static void addConstraint(RevisionLinter.Check check, String table, Action.AddConstraint constraint,
			SchemaModel model) {
		String name = (constraint.name() != null) ? " '" + constraint.name() + "'" : "";
		switch (constraint.kind()) {
			case "FOREIGN KEY", "CHECK" -> {
				if (!constraint.notValid()) {
					check.report(Rule.CONSTRAINT_WITHOUT_NOT_VALID,
							"adds %s%s to '%s' without NOT VALID".formatted(constraint.kind(), name, table));
				}
			}
			default -> {
				if (constraint.kind().equals("EXCLUDE")) {
					check.report(Rule.UNIQUE_WITHOUT_INDEX,
							("adds EXCLUDE%s to '%s', which builds its index under the lock and cannot adopt one "
									+ "built CONCURRENTLY")
								.formatted(name, table));
				}
				else if (constraint.usingIndex() == null) {
					check.report(Rule.UNIQUE_WITHOUT_INDEX,
							"adds %s%s to '%s' without USING INDEX".formatted(constraint.kind(), name, table));
				}
				else if (constraint.kind().equals("PRIMARY KEY")) {
					primaryKeyUsingIndex(check, table, constraint.usingIndex(), model);
				}
			}
		}
	}

	/**
	 * {@code ATTACH PARTITION} scans the table attached unless a validated {@code CHECK}
	 * implies its bounds; {@code DETACH PARTITION} without {@code CONCURRENTLY} takes
	 * {@code ACCESS EXCLUSIVE} on the partitioned table.
	 */
	private static void partition(RevisionLinter.Check check, String table, Action.Partition partition,
			RevisionLinter linter) {
		if (partition.attach() && linter.existing(partition.partition())
				&& !linter.model().hasValidatedCheck(partition.partition())) {
			check.report(Rule.ATTACH_PARTITION_WITHOUT_CHECK, new LockOn(Lock.ACCESS_EXCLUSIVE, partition.partition()),
					("attaches '%s' to '%s' with no validated CHECK known on it: its rows are scanned under the lock")
						.formatted(partition.partition(), table));
		}
		else if (!partition.attach() && !partition.concurrently() && linter.existing(table)) {
			check.report(Rule.DETACH_PARTITION_WITHOUT_CONCURRENTLY,
					"detaches '%s' from '%s' without CONCURRENTLY".formatted(partition.partition(), table));
		}
	}

	private static void rename(RevisionLinter.Check check, String table, Action.Rename rename, RevisionLinter linter) {
		SchemaModel model = linter.model();
		if (rename.what().equals("TABLE") && !linter.inRelease(model.createdIn(table))) {
			check.report(Rule.RENAME_TABLE,
					"renames table '%s' to '%s', which an earlier release created".formatted(table, rename.to()));
		}
		else if (rename.what().equals("COLUMN") && !linter.inRelease(model.columnCreatedIn(table, rename.from()))) {
			check.report(Rule.RENAME_COLUMN, "renames column '%s.%s' to '%s', which an earlier release added"
				.formatted(table, rename.from(), rename.to()));
		}
	}

}
