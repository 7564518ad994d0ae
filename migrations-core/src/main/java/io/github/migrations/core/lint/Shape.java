package io.github.migrations.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.migrations.core.script.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * What a statement does, as far as locks go: its verb, the table it works on and the
 * details the rules read. Made by {@link ShapeReader}.
 */
final class Shape {

	enum Verb {

		CREATE_TABLE, CREATE_INDEX, DROP_INDEX, ALTER_TABLE, DROP_TABLE, TRUNCATE, VACUUM, CLUSTER, LOCK, UPDATE,
		DELETE, INSERT, MERGE, REINDEX, SET, CREATE_TRIGGER, DROP_TRIGGER, REFRESH, CREATE_MATERIALIZED_VIEW,
		CREATE_TYPE, ALTER_TYPE, ALTER_DOMAIN, DROP_DATABASE, OTHER

	}

	final SqlStatement statement;

	Verb verb = Verb.OTHER;

	/** The table it works on (as written), or an empty string. */
	String table = "";

	/** More tables, for {@code DROP TABLE a, b}, {@code LOCK a, b}, {@code TRUNCATE}. */
	final List<String> tables = new ArrayList<>();

	/**
	 * The tables that the data-modifying statements of a {@code WITH} clause write
	 * ({@code ROW EXCLUSIVE}).
	 */
	final List<String> written = new ArrayList<>();

	/**
	 * The type, domain or database a {@code CREATE TYPE}, {@code CREATE DOMAIN},
	 * {@code ALTER TYPE}, {@code ALTER DOMAIN} or {@code DROP DATABASE} names, or an
	 * empty string.
	 */
	String name = "";

	/** {@code TRUNCATE ... CASCADE}. */
	boolean cascade;

	/**
	 * A {@code CREATE TABLE} with a {@code CHECK} constraint (on a column or the table).
	 */
	boolean checked;

	/**
	 * What an {@code ALTER DOMAIN} does that checks the stored values
	 * ({@code ADD CONSTRAINT name} without {@code NOT VALID}, {@code SET NOT NULL},
	 * {@code VALIDATE CONSTRAINT name}), or {@code null}.
	 */
	@Nullable String domainScan;

	/** The value an {@code ALTER TYPE ... RENAME VALUE} renames, or {@code null}. */
	@Nullable String renamedValue;

	/**
	 * The new name an {@code ALTER TYPE ... RENAME TO} or {@code ALTER DOMAIN ... RENAME
	 * TO} gives, or {@code null}.
	 */
	@Nullable String renamedTo;

	/** The columns of a {@code CREATE TABLE}. */
	final List<ColumnDef> columns = new ArrayList<>();

	/** The primary key columns of a {@code CREATE TABLE}'s table constraint. */
	final List<String> primaryKey = new ArrayList<>();

	/** The tables its foreign keys reference. */
	final List<String> references = new ArrayList<>();

	/** The actions of an {@code ALTER TABLE}. */
	final List<Action> actions = new ArrayList<>();

	boolean concurrently;

	/** The index an index statement creates or drops. */
	String index = "";

	/**
	 * The names a {@code CREATE INDEX} indexes on: its columns, and the names in its
	 * expressions.
	 */
	final List<String> indexColumns = new ArrayList<>();

	/** {@code VACUUM FULL}; for a {@code REFRESH}, not {@code CONCURRENTLY}. */
	boolean full;

	/** The mode of a {@code LOCK}. */
	Lock lockMode = Lock.ACCESS_EXCLUSIVE;

	/** An {@code UPDATE} or {@code DELETE} whose size is bounded. */
	boolean bounded;

	/**
	 * The setting a {@code SET} or {@code RESET} changes ({@code all} for
	 * {@code RESET ALL}), and its value: {@code null} for the default.
	 */
	String setting = "";

	@Nullable String value;

	/** {@code SET LOCAL}: until the end of the transaction, and only inside one. */
	boolean local;

	Shape(SqlStatement statement) {
		this.statement = statement;
	}

	/**
	 * The locks the statement takes on tables that may already exist, strongest first.
	 * @param indexTable the table of an index, by the index's name, or {@code null} when
	 * unknown
	 */
	List<LockOn> locks(Function<String, @Nullable String> indexTable) {
		List<LockOn> locks = new ArrayList<>();
		switch (this.verb) {
			case CREATE_INDEX ->
				locks.add(new LockOn(this.concurrently ? Lock.SHARE_UPDATE_EXCLUSIVE : Lock.SHARE, this.table));
			case DROP_INDEX -> {
				String table = indexTable.apply(this.index);
				Lock lock = this.concurrently ? Lock.SHARE_UPDATE_EXCLUSIVE : Lock.ACCESS_EXCLUSIVE;
				locks.add((table != null) ? new LockOn(lock, table)
						: new LockOn(lock, "the table of index " + this.index, this.index));
			}
			case ALTER_TABLE -> {
				Lock strongest = Lock.ACCESS_SHARE;
				for (Action action : this.actions) {
					strongest = Lock.max(strongest, action.lock());
				}
				if (!this.actions.isEmpty()) {
					locks.add(new LockOn(strongest, this.table));
				}
				for (Action action : this.actions) {
					if (action instanceof Action.Partition partition && partition.partitionLock() != null) {
						locks.add(new LockOn(partition.partitionLock(), partition.partition()));
					}
				}
				this.references.forEach((table) -> locks.add(new LockOn(Lock.SHARE_ROW_EXCLUSIVE, table)));
			}
			case CREATE_TABLE -> this.references.stream()
				.filter((table) -> !SchemaModel.key(table).equals(SchemaModel.key(this.table)))
				.forEach((table) -> locks.add(new LockOn(Lock.SHARE_ROW_EXCLUSIVE, table)));
			case DROP_TABLE, TRUNCATE ->
				this.tables.forEach((table) -> locks.add(new LockOn(Lock.ACCESS_EXCLUSIVE, table)));
			case VACUUM -> this.tables.forEach((table) -> locks
				.add(new LockOn(this.full ? Lock.ACCESS_EXCLUSIVE : Lock.SHARE_UPDATE_EXCLUSIVE, table)));
			case CLUSTER -> locks.add(new LockOn(Lock.ACCESS_EXCLUSIVE, this.table));
			case LOCK -> this.tables.forEach((table) -> locks.add(new LockOn(this.lockMode, table)));
			case UPDATE, DELETE, INSERT, MERGE -> locks.add(new LockOn(Lock.ROW_EXCLUSIVE, this.table));
			case REINDEX -> {
				Lock lock = this.concurrently ? Lock.SHARE_UPDATE_EXCLUSIVE
						: this.index.isEmpty() ? Lock.SHARE : Lock.ACCESS_EXCLUSIVE;
				locks.add(this.index.isEmpty() ? new LockOn(lock, this.table)
						: new LockOn(lock, "index " + this.index, this.index));
			}
			case CREATE_TRIGGER -> locks.add(new LockOn(Lock.SHARE_ROW_EXCLUSIVE, this.table));
			case DROP_TRIGGER -> locks.add(new LockOn(Lock.ACCESS_EXCLUSIVE, this.table));
			case REFRESH -> locks.add(new LockOn(this.full ? Lock.ACCESS_EXCLUSIVE : Lock.EXCLUSIVE, this.table));
			default -> {
			}
		}
		this.written.stream()
			.map((table) -> new LockOn(Lock.ROW_EXCLUSIVE, table))
			.filter((lock) -> !locks.contains(lock))
			.forEach(locks::add);
		locks.removeIf((lock) -> lock.table().isEmpty());
		locks.sort((a, b) -> b.lock().compareTo(a.lock()));
		return locks;
	}

}
