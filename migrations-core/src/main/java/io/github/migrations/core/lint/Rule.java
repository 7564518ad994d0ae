package io.github.migrations.core.lint;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The lint rules. Lock-safety rules fail {@code lint}; style rules warn, and fail only
 * with {@code --strict}. Each has the rewrite that avoids it.
 */
public enum Rule {

	INDEX_WITHOUT_CONCURRENTLY(true, "an index built, rebuilt or dropped without CONCURRENTLY on an existing table",
			"Use CREATE INDEX CONCURRENTLY (or DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY) in a revision with "
					+ "'-- transactional: false'."),

	CONCURRENTLY_IN_TRANSACTION(true,
			"a statement PostgreSQL refuses inside a transaction block (CONCURRENTLY, VACUUM, ...) in a "
					+ "transactional revision, which the run refuses before it starts",
			"Move the statement to its own revision with '-- transactional: false'."),

	ADD_COLUMN_VOLATILE_DEFAULT(true,
			"a column added with a volatile default (or serial, identity, stored generated), "
					+ "which rewrites the table",
			"Add the column without a default (or with a constant one), set the default with ALTER COLUMN ... SET "
					+ "DEFAULT, and backfill existing rows in batches."),

	ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT(true,
			"a NOT NULL column added without a default, which fails on a table " + "with rows",
			"Add the column nullable (or with a constant default), backfill it, then add NOT NULL "
					+ "through a validated CHECK (column IS NOT NULL)."),

	SET_NOT_NULL_WITHOUT_CHECK(true,
			"SET NOT NULL without a validated CHECK (column IS NOT NULL), which scans the "
					+ "table under ACCESS EXCLUSIVE",
			"ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID; in a later revision VALIDATE CONSTRAINT, then "
					+ "SET NOT NULL (which then skips the scan), then drop the check."),

	COLUMN_TYPE_CHANGE(true, "ALTER COLUMN TYPE that rewrites the table and its indexes",
			"Add a column of the new type, backfill it in batches, switch the application, then drop the old one "
					+ "(widening varchar, or varchar to text, does not rewrite)."),

	CONSTRAINT_WITHOUT_NOT_VALID(true,
			"a foreign key or CHECK added without NOT VALID, which checks every row under " + "the lock",
			"Add it with NOT VALID, then VALIDATE CONSTRAINT in a later statement (which takes only "
					+ "SHARE UPDATE EXCLUSIVE)."),

	UNIQUE_WITHOUT_INDEX(true,
			"UNIQUE or PRIMARY KEY added without an existing unique index, which builds the index "
					+ "under ACCESS EXCLUSIVE",
			"CREATE UNIQUE INDEX CONCURRENTLY first (transactional: false), then ADD CONSTRAINT ... UNIQUE (or "
					+ "PRIMARY KEY) USING INDEX. A PRIMARY KEY also sets its columns NOT NULL, which scans the table "
					+ "under ACCESS EXCLUSIVE unless they are NOT NULL already: make a nullable column NOT NULL first "
					+ "(ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT; then SET NOT "
					+ "NULL, which uses the validated check to skip the scan on PostgreSQL 12 and later). An EXCLUDE "
					+ "constraint cannot adopt an index (USING INDEX takes only a unique B-tree one): add it while the "
					+ "table is new, or where the table may be locked for the whole build."),

	DOMAIN_CONSTRAINT_SCAN(true,
			"ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID, SET NOT NULL or VALIDATE CONSTRAINT on a domain an "
					+ "earlier release created, which checks every column of that type under SHARE on its table",
			"Add the constraint NOT VALID (new values are checked at once, nothing is scanned); its VALIDATE "
					+ "CONSTRAINT scans under SHARE too (PostgreSQL 18 and earlier), so run it when writes to those "
					+ "tables may wait, or put a CHECK on the columns instead (NOT VALID, then VALIDATE CONSTRAINT, "
					+ "which lets writes go on)."),

	ATTACH_PARTITION_WITHOUT_CHECK(true,
			"ATTACH PARTITION of a table an earlier release created with no validated CHECK constraint known on "
					+ "it, which scans the table under ACCESS EXCLUSIVE to prove its rows fit the partition's bounds",
			"Before attaching, ADD CONSTRAINT ... CHECK (the partition's bounds, as the same expressions on the key) "
					+ "NOT VALID and VALIDATE CONSTRAINT in a later statement; ATTACH PARTITION then skips the scan, "
					+ "and the check can be dropped after it."),

	DETACH_PARTITION_WITHOUT_CONCURRENTLY(true,
			"DETACH PARTITION without CONCURRENTLY, which takes ACCESS EXCLUSIVE on the partitioned table: every "
					+ "read and write of every partition waits",
			"Use DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14 and later, not with a default partition) in a "
					+ "revision with '-- transactional: false'; it takes only SHARE UPDATE EXCLUSIVE on the "
					+ "partitioned table."),

	DROP_COLUMN(true, "a column dropped that an earlier release added, which running code may still read",
			"Stop using the column in the code and deploy that first; drop it in a later release and opt out with "
					+ "'-- lint: allow drop-column (reason)'."),

	DROP_TABLE(true, "a table dropped that an earlier release created, which running code may still use",
			"Stop using the table in the code and deploy that first; drop it in a later release and opt out with "
					+ "'-- lint: allow drop-table (reason)'."),

	RENAME_COLUMN(true, "a column renamed that running code still uses by its old name",
			"Add the new column, write both, backfill, switch reads, then drop the old one in a later release."),

	RENAME_ENUM_VALUE(true, "an enum value renamed that running code still writes and reads by its old name",
			"ALTER TYPE ... ADD VALUE with the new name, move the rows and the code to it, and leave the old value "
					+ "unused (PostgreSQL cannot drop an enum value; replace the type in a later release if it must go)."),

	RENAME_TABLE(true, "a table renamed that running code still uses by its old name",
			"Create the new name as a view over the table (or rename and leave a view with the old name) until the "
					+ "code has moved."),

	TRUNCATE_TABLE(true,
			"TRUNCATE of a table an earlier release created, which deletes every row that running code reads under "
					+ "ACCESS EXCLUSIVE; with CASCADE, also every row of each table whose foreign keys reference it",
			"Delete the rows that must go in batches in a 'transactional: false' revision (DELETE ... WHERE id IN "
					+ "(SELECT id ... LIMIT 1000)); if the table must be emptied, name every table and leave out "
					+ "CASCADE, and opt out with '-- lint: allow truncate-table (reason)'."),

	DROP_DATABASE(true, "DROP DATABASE, which deletes a whole database and cannot be rolled back",
			"Drop databases by hand outside the revisions: a revision works inside one database."),

	VACUUM_FULL(true, "VACUUM FULL, which rewrites the table under ACCESS EXCLUSIVE",
			"Use plain VACUUM, or pg_repack outside the migration."),

	CLUSTER(true, "CLUSTER, which rewrites the table under ACCESS EXCLUSIVE",
			"Run pg_repack outside the migration, or leave the order to a later maintenance window."),

	TABLE_REWRITE(true,
			"ALTER TABLE ... SET LOGGED, SET UNLOGGED or SET TABLESPACE, which copies the whole table under "
					+ "ACCESS EXCLUSIVE",
			"Create the table LOGGED (or UNLOGGED) from the start; to move or convert an existing one, run it in a "
					+ "maintenance window with '-- lint: allow table-rewrite (reason)', or use pg_repack (--tablespace) "
					+ "outside the migration."),

	REFRESH_WITHOUT_CONCURRENTLY(true,
			"REFRESH MATERIALIZED VIEW without CONCURRENTLY, which blocks every read of the view under ACCESS "
					+ "EXCLUSIVE until it is refilled",
			"Use REFRESH MATERIALIZED VIEW CONCURRENTLY, which lets reads go on (the view needs a unique index on "
					+ "plain columns that covers every row)."),

	LOCK_TABLE(true, "an explicit LOCK TABLE that blocks writes",
			"Remove it; if the revision truly needs it, keep it " + "short and set a lock_timeout."),

	UNBATCHED_UPDATE(true,
			"an UPDATE or DELETE of a whole existing table in one transaction, which locks every row "
					+ "it touches until the revision commits",
			"Move it to a 'transactional: false' revision and work in batches (WHERE id IN (SELECT id ... LIMIT "
					+ "1000)), or bound it by key."),

	STRONG_LOCK_WITHOUT_TIMEOUT(true,
			"a lock that blocks writes taken without a lock_timeout: queued behind a long "
					+ "query, it makes every later query wait too",
			"Add '-- lock_timeout: 5s' to the header (or SET lock_timeout first), or set a lock timeout for "
					+ "every revision.",
			"lock-timeout"),

	PREFER_BIGINT_IDENTITY(false,
			"a serial primary key of any size (not an identity column), or an integer one, which runs out at 2^31",
			"Use bigint GENERATED ALWAYS AS IDENTITY."),

	PREFER_TIMESTAMPTZ(false, "timestamp without time zone, which loses the offset",
			"Use timestamptz (timestamp with time zone)."),

	PREFER_TEXT(false, "varchar(n), whose limit needs an ACCESS EXCLUSIVE rewrite check to change",
			"Use text, with a CHECK (length(column) <= n) where a limit matters."),

	BAN_CHAR(false, "char(n), which pads with spaces", "Use text (or varchar without a length)."),

	INVALID_ALLOW(true, "a '-- lint: allow' comment that names no known rule or gives no reason",
			"Write '-- lint: allow <rule> (<reason>)' with a rule from the README's table.");

	private final boolean lockSafety;

	private final String what;

	private final String rewrite;

	private final @Nullable String setting;

	Rule(boolean lockSafety, String what, String rewrite) {
		this(lockSafety, what, rewrite, null);
	}

	Rule(boolean lockSafety, String what, String rewrite, @Nullable String setting) {
		this.lockSafety = lockSafety;
		this.what = what;
		this.rewrite = rewrite;
		this.setting = setting;
	}

	/**
	 * The rule's name as written in {@code -- lint: allow} comments, such as
	 * {@code index-without-concurrently}.
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Whether the rule is about locks and outages (it fails {@code lint}) rather than
	 * style (it warns).
	 */
	public boolean lockSafety() {
		return this.lockSafety;
	}

	/**
	 * What the rule flags.
	 */
	public String what() {
		return this.what;
	}

	/**
	 * The safe rewrite.
	 */
	public String rewrite() {
		return this.rewrite;
	}

	/**
	 * The setting that is part of the rewrite, as the engine names it
	 * ({@code lock-timeout}), or {@code null}; each front end spells it its own way.
	 */
	public @Nullable String setting() {
		return this.setting;
	}

	/**
	 * The rule with this id, or {@code null}.
	 */
	public static @Nullable Rule of(String id) {
		return Arrays.stream(values()).filter((rule) -> rule.id().equals(id)).findFirst().orElse(null);
	}

}
