package io.github.migrations.core.lint;

import org.jspecify.annotations.Nullable;

/**
 * One action of an {@code ALTER TABLE}.
 */
sealed interface Action {

	/**
	 * Where the action starts in the statement's text (for {@code ALTER COLUMN} and
	 * {@code ADD COLUMN}, the column's name), for the line of a finding about it;
	 * negative when unknown (the statement's first line).
	 */
	int offset();

	/**
	 * The lock the action takes on the altered table: {@code ACCESS EXCLUSIVE}, as for
	 * most of {@code ALTER TABLE}, unless the action says otherwise.
	 */
	default Lock lock() {
		return Lock.ACCESS_EXCLUSIVE;
	}

	record AddColumn(ColumnDef column) implements Action {

		@Override
		public int offset() {
			return this.column.offset();
		}

	}

	record DropColumn(String column, int offset) implements Action {
	}

	/**
	 * {@code ALTER COLUMN ... TYPE}.
	 *
	 * @param offset where the column's name starts in the statement's text
	 */
	record AlterType(String column, String type, boolean using, int offset) implements Action {
	}

	record SetNotNull(String column, int offset) implements Action {
	}

	/**
	 * {@code ADD [CONSTRAINT name] ...}.
	 *
	 * @param name the constraint's name, or {@code null}
	 * @param kind {@code FOREIGN KEY}, {@code CHECK}, {@code UNIQUE}, {@code PRIMARY KEY}
	 * or {@code EXCLUDE}
	 * @param notValid whether it is added {@code NOT VALID}
	 * @param usingIndex the existing index it adopts ({@code USING INDEX}), or
	 * {@code null}
	 * @param references the table a foreign key references, or {@code null}
	 * @param notNullColumn the column of a {@code CHECK (column IS NOT NULL)}, or
	 * {@code null}
	 * @param offset where {@code ADD} starts in the statement's text
	 */
	record AddConstraint(@Nullable String name, String kind, boolean notValid, @Nullable String usingIndex,
			@Nullable String references, @Nullable String notNullColumn, int offset) implements Action {

		@Override
		public Lock lock() {
			return this.kind.equals("FOREIGN KEY") ? Lock.SHARE_ROW_EXCLUSIVE : Lock.ACCESS_EXCLUSIVE;
		}

	}

	record ValidateConstraint(String name, int offset) implements Action {

		@Override
		public Lock lock() {
			return Lock.SHARE_UPDATE_EXCLUSIVE;
		}

	}

	/**
	 * {@code RENAME [COLUMN] a TO b}, {@code RENAME CONSTRAINT a TO b} or
	 * {@code RENAME TO b} (then {@code from} is the table).
	 *
	 * @param what {@code COLUMN}, {@code CONSTRAINT} or {@code TABLE}
	 */
	record Rename(String what, String from, String to, int offset) implements Action {
	}

	/**
	 * An action that copies the whole table: {@code SET LOGGED}, {@code SET UNLOGGED},
	 * {@code SET TABLESPACE}.
	 */
	record Rewrite(String what, int offset) implements Action {
	}

	/**
	 * {@code ATTACH PARTITION} or {@code DETACH PARTITION}: besides its lock on the
	 * partitioned table, it takes one on the partition.
	 *
	 * @param attach {@code ATTACH} rather than {@code DETACH}
	 * @param partition the table attached or detached
	 * @param concurrently a {@code DETACH ... CONCURRENTLY} (or its {@code FINALIZE})
	 */
	record Partition(boolean attach, String partition, boolean concurrently, int offset) implements Action {

		@Override
		public Lock lock() {
			return (this.attach || this.concurrently) ? Lock.SHARE_UPDATE_EXCLUSIVE : Lock.ACCESS_EXCLUSIVE;
		}

		/**
		 * The lock on the partition: {@code ACCESS EXCLUSIVE}; {@code null} for a
		 * {@code DETACH ... CONCURRENTLY}, which lint does not tell.
		 */
		@Nullable Lock partitionLock() {
			return this.concurrently ? null : Lock.ACCESS_EXCLUSIVE;
		}

	}

	/**
	 * Any other action, with its lock.
	 */
	record Other(String what, Lock lock, int offset) implements Action {

	}

}
