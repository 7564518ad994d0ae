package io.github.migrations.core.lint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.api.ScriptLocation;
import io.github.migrations.core.script.SqlStatement;
import io.github.migrations.core.script.StatementClassifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinterTests {

	private static final String BASE = """
			-- revision: a1
			-- down_revision: base
			-- +upgrade
			CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint,
				status text, amount numeric(10,2), code varchar(20));
			CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
			CREATE INDEX invoices_status_idx ON invoices (status);
			CREATE TABLE events (id bigint, at timestamptz NOT NULL) PARTITION BY RANGE (at);
			CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
			CREATE TABLE events_2024 (id bigint, at timestamptz NOT NULL);
			CREATE TABLE events_2025 (id bigint, at timestamptz NOT NULL,
				CONSTRAINT events_2025_bounds CHECK (at >= '2025-01-01' AND at < '2026-01-01'));
			CREATE DOMAIN positive AS numeric;
			CREATE TYPE invoice_status AS ENUM ('draft', 'sent');
			""";

	private final List<LintFile> files = new ArrayList<>();

	@Test
	void createIndexWithoutConcurrentlyOnAnExistingTableIsFlaggedWithItsLockAndFileLine() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE INDEX invoices_customer_idx ON invoices (customer_id);
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.INDEX_WITHOUT_CONCURRENTLY);
		assertThat(finding.location()).isEqualTo(ScriptLocation.at("db/revisions/a2_change.sql", 5));
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.SHARE, "invoices"));
		assertThat(finding.describe()).contains("a2_change.sql:5: error [index-without-concurrently]")
			.contains("Takes SHARE on invoices, which blocks writes")
			.contains("fix: Use CREATE INDEX CONCURRENTLY");
	}

	@Test
	void indexOnATableCreatedEarlierInTheSameRevisionIsExempt() {
		assertThat(
				lint("""
						-- lock_timeout: 2s
						-- +upgrade
						CREATE TABLE payments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, invoice_id bigint);
						CREATE INDEX payments_invoice_idx ON payments (invoice_id);
						ALTER TABLE payments ADD CONSTRAINT payments_invoice_fk FOREIGN KEY (invoice_id) REFERENCES customers (id);
						""")
					.findings())
			.isEmpty();
	}

	@Test
	void reindexWithoutConcurrentlyOfAnExistingTableOrIndexIsFlagged() {
		LintReport report = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				REINDEX TABLE invoices;
				REINDEX INDEX invoices_status_idx;
				REINDEX (VERBOSE) TABLE customers;
				CREATE TABLE payments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
				REINDEX TABLE payments;
				""");
		assertThat(report.findings()).extracting((finding) -> finding.rule() + " " + finding.location().line())
			.containsExactly("INDEX_WITHOUT_CONCURRENTLY 5", "INDEX_WITHOUT_CONCURRENTLY 6",
					"INDEX_WITHOUT_CONCURRENTLY 7");
		assertThat(report.findings().get(0).lock()).isEqualTo(new LockOn(Lock.SHARE, "invoices"));
		assertThat(report.findings().get(1).problem())
			.startsWith("REINDEX INDEX 'invoices_status_idx' without CONCURRENTLY");
		assertThat(lint("""
				-- transactional: false
				-- lock_timeout: 2s
				-- +upgrade
				REINDEX TABLE CONCURRENTLY invoices;
				REINDEX (CONCURRENTLY) INDEX invoices_status_idx;
				""").findings()).isEmpty();
	}

	@Test
	void aTableThatReferencesItselfTakesNoLockOnAnExistingTable() {
		assertThat(lint("""
				-- +upgrade
				CREATE TABLE sections (id bigint PRIMARY KEY, parent_id bigint REFERENCES sections (id));
				""").findings()).isEmpty();
	}

	@Test
	void concurrentlyInATransactionalRevisionIsFlagged() {
		assertThat(rules(lint("""
				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_customer_idx ON invoices (customer_id);
				"""))).containsExactly(Rule.CONCURRENTLY_IN_TRANSACTION);
		assertThat(lint("""
				-- transactional: false
				-- +upgrade
				CREATE INDEX CONCURRENTLY invoices_customer_idx ON invoices (customer_id);
				""").findings()).isEmpty();
	}

	@Test
	void everyStatementTheRunRefusesInATransactionIsFlaggedInATransactionalRevision() {
		List<String> refused = List.of("ALTER TABLE invoices DETACH PARTITION invoices_2020 CONCURRENTLY",
				"REINDEX (CONCURRENTLY) INDEX invoices_status_idx", "REINDEX SCHEMA public", "VACUUM invoices",
				"DROP INDEX CONCURRENTLY invoices_status_idx", "CREATE DATABASE scratch",
				"ALTER SYSTEM SET work_mem = '8MB'");
		for (String sql : refused) {
			assertThat(StatementClassifier.refusal(new SqlStatement(sql, 1))).as(sql).isPresent();
			assertThat(lint("-- lock_timeout: 2s\n-- +upgrade\n" + sql + ";\n").findings()).as(sql)
				.extracting(Finding::rule)
				.contains(Rule.CONCURRENTLY_IN_TRANSACTION);
			assertThat(rules(lint("-- transactional: false\n-- lock_timeout: 2s\n-- +upgrade\n" + sql + ";\n"))).as(sql)
				.doesNotContain(Rule.CONCURRENTLY_IN_TRANSACTION);
		}
		assertThat(single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices DETACH PARTITION invoices_2020 CONCURRENTLY;
				""")).problem())
			.isEqualTo("ALTER TABLE DETACH PARTITION CONCURRENTLY cannot run inside the transaction of a transactional "
					+ "revision");
	}

	@Test
	void dropIndexKnowsTheTableOfAnIndexAnEarlierRevisionCreated() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				DROP INDEX invoices_status_idx;
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.INDEX_WITHOUT_CONCURRENTLY);
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "invoices"));
		assertThat(finding.blocks()).isEqualTo("every read and write");
	}

	@Test
	void aStatementOptsOutWithACommentNamingTheRuleAndAReason() {
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				-- lint: allow index-without-concurrently (invoices has 40 rows in every environment)
				CREATE INDEX invoices_customer_idx ON invoices (customer_id);
				CREATE INDEX invoices_amount_idx ON invoices (amount);
				""").findings()).extracting((finding) -> finding.location().line()).containsExactly(7);
	}

	@Test
	void aRevisionOptsOutInItsHeader() {
		assertThat(lint("""
				-- lint: allow strong-lock-without-timeout (run in the maintenance window)
				-- lint: allow index-without-concurrently (same)
				-- +upgrade
				CREATE INDEX invoices_customer_idx ON invoices (customer_id);
				""").findings()).isEmpty();
	}

	@Test
	void anOptOutWithoutAReasonOptsNothingOutAndIsReported() {
		assertThat(rules(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE INDEX invoices_customer_idx ON invoices (customer_id); -- lint: allow index-without-concurrently
				"""))).containsExactlyInAnyOrder(Rule.INDEX_WITHOUT_CONCURRENTLY, Rule.INVALID_ALLOW);
	}

	@Test
	void strongLocksWithoutLockTimeoutAreFlaggedOncePerRevision() {
		LintReport report = lint("""
				-- +upgrade
				ALTER TABLE invoices ADD COLUMN note text;
				ALTER TABLE invoices ADD COLUMN memo text;
				""");
		Finding finding = single(report);
		assertThat(finding.rule()).isEqualTo(Rule.STRONG_LOCK_WITHOUT_TIMEOUT);
		assertThat(finding.location().line()).isEqualTo(4);
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "invoices"));
	}

	@Test
	void aSetLockTimeoutStatementOrTheConfiguredTimeoutCoversStrongLocks() {
		assertThat(lint("""
				-- +upgrade
				SET lock_timeout = '2s';
				ALTER TABLE invoices ADD COLUMN note text;
				""").findings()).isEmpty();
		this.files.clear();
		this.files.add(file("a1", BASE));
		this.files.add(file("a2",
				"-- revision: a2\n-- down_revision: a1\n-- +upgrade\nALTER TABLE invoices ADD COLUMN note text;\n"));
		assertThat(Linter.of(MigratorSettings.defaults().toBuilder().lockTimeout(Duration.ofSeconds(5)).build())
			.lint(this.files, Set.of("a2"), Set.of())
			.findings()).isEmpty();
	}

	@Test
	void resetLockTimeoutOrResetAllTurnsTheTimeoutOff() {
		assertThat(rules(lint("""
				-- +upgrade
				SET lock_timeout = '2s';
				RESET lock_timeout;
				ALTER TABLE invoices ADD COLUMN note text;
				"""))).containsExactly(Rule.STRONG_LOCK_WITHOUT_TIMEOUT);
		assertThat(rules(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				RESET ALL;
				ALTER TABLE invoices ADD COLUMN note text;
				"""))).containsExactly(Rule.STRONG_LOCK_WITHOUT_TIMEOUT);
		assertThat(lint("""
				-- +upgrade
				RESET statement_timeout;
				SET lock_timeout = '2s';
				ALTER TABLE invoices ADD COLUMN note text;
				""").findings()).isEmpty();
	}

	@Test
	void setLocalSetsALockTimeoutOnlyInATransactionalRevision() {
		assertThat(lint("""
				-- +upgrade
				SET LOCAL lock_timeout = '5s';
				ALTER TABLE invoices ADD COLUMN note text;
				""").findings()).isEmpty();
		assertThat(rules(lint("""
				-- transactional: false
				-- +upgrade
				SET LOCAL lock_timeout = '5s';
				ALTER TABLE invoices ADD COLUMN note text;
				"""))).containsExactly(Rule.STRONG_LOCK_WITHOUT_TIMEOUT);
	}

	@Test
	void theMigratorsDefaultLockTimeoutCoversTransactionalRevisionsOnlyAndZeroTurnsItOff() {
		this.files.clear();
		this.files.add(file("a1", BASE));
		this.files.add(file("a2", "-- revision: a2\n-- down_revision: a1\n-- +upgrade\n"
				+ "ALTER TABLE invoices ADD COLUMN note text;\n"));
		this.files.add(file("a3", "-- revision: a3\n-- down_revision: a2\n-- transactional: false\n-- +upgrade\n"
				+ "ALTER TABLE invoices ADD COLUMN memo text;\n"));
		assertThat(rules(Linter.of(MigratorSettings.defaults()).lint(this.files, Set.of("a2", "a3"), Set.of())))
			.containsExactly(Rule.STRONG_LOCK_WITHOUT_TIMEOUT);
		assertThat(Linter.of(MigratorSettings.defaults()).lint(this.files, Set.of("a2", "a3"), Set.of()).findings())
			.extracting(Finding::revision)
			.containsExactly("a3");
		assertThat(rules(Linter.of(MigratorSettings.defaults().toBuilder().lockTimeout(Duration.ZERO).build())
			.lint(this.files, Set.of("a2", "a3"), Set.of())))
			.containsExactly(Rule.STRONG_LOCK_WITHOUT_TIMEOUT, Rule.STRONG_LOCK_WITHOUT_TIMEOUT);
	}

	@Test
	void addingAColumnWithAVolatileDefaultOrNotNullWithoutDefaultIsFlagged() {
		assertThat(rules(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices ADD COLUMN token uuid DEFAULT gen_random_uuid();
				ALTER TABLE invoices ADD COLUMN region text NOT NULL;
				ALTER TABLE invoices ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
				ALTER TABLE invoices ADD COLUMN flags jsonb NOT NULL DEFAULT '{}'::jsonb;
				"""))).containsExactly(Rule.ADD_COLUMN_VOLATILE_DEFAULT, Rule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT);
	}

	@Test
	void setNotNullIsSafeOnlyAfterAValidatedCheck() {
		assertThat(rules(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices ALTER COLUMN status SET NOT NULL;
				"""))).containsExactly(Rule.SET_NOT_NULL_WITHOUT_CHECK);
		this.files.clear();
		this.files.add(file("a1", BASE));
		this.files.add(file("a2", "-- revision: a2\n-- down_revision: a1\n-- lock_timeout: 1s\n-- +upgrade\n"
				+ "ALTER TABLE invoices ADD CONSTRAINT invoices_status_nn CHECK (status IS NOT NULL) NOT VALID;\n"));
		this.files.add(file("a3",
				"-- revision: a3\n-- down_revision: a2\n-- lock_timeout: 1s\n-- +upgrade\n"
						+ "ALTER TABLE invoices VALIDATE CONSTRAINT invoices_status_nn;\n"
						+ "ALTER TABLE invoices ALTER COLUMN status SET NOT NULL;\n"));
		assertThat(Linter.forFiles().lint(this.files, Set.of("a2", "a3"), Set.of()).findings()).isEmpty();
	}

	@Test
	void validatingAConstraintInTheTransactionThatAddedItIsFlagged() {
		Finding finding = single(
				lint("""
						-- lock_timeout: 2s
						-- +upgrade
						ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
						ALTER TABLE invoices VALIDATE CONSTRAINT invoices_customer_fk;
						"""));
		assertThat(finding.rule()).isEqualTo(Rule.CONSTRAINT_WITHOUT_NOT_VALID);
		assertThat(finding.location().line()).isEqualTo(6);
		assertThat(finding.problem()).contains("the lock the ADD took is held through the scan");
	}

	@Test
	void typeChangesThatKeepTheStoredValuesAreNotFlagged() {
		assertThat(rules(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices ALTER COLUMN code TYPE varchar(40);
				ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(12,2);
				ALTER TABLE invoices ALTER COLUMN customer_id TYPE int;
				"""))).containsExactly(Rule.PREFER_TEXT, Rule.COLUMN_TYPE_CHANGE);
	}

	@Test
	void aTypeChangeWithAUsingExpressionOtherThanTheColumnIsFlaggedEvenToTheSameType() {
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(10,2) USING amount + 0;
				ALTER TABLE invoices ALTER COLUMN code TYPE varchar(40) USING upper(code);
				ALTER TABLE invoices ALTER COLUMN customer_id TYPE bigint USING customer_id;
				ALTER TABLE invoices ALTER COLUMN customer_id TYPE bigint USING (customer_id);
				""").findings()).filteredOn((finding) -> finding.rule() == Rule.COLUMN_TYPE_CHANGE)
			.extracting((finding) -> finding.location().line())
			.containsExactly(5, 6);
	}

	@Test
	void aPrimaryKeyWithoutAnIndexIsToldToMakeItsColumnsNotNullBeforeAddingItUsingTheIndex() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE customers ADD CONSTRAINT customers_code_pk PRIMARY KEY (id);
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.UNIQUE_WITHOUT_INDEX);
		assertThat(finding.describe()).contains("PRIMARY KEY) USING INDEX")
			.contains("scans the table under ACCESS EXCLUSIVE unless they are NOT NULL already")
			.contains("CHECK (column IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT; then SET NOT NULL");
	}

	@Test
	void aPrimaryKeyUsingAnIndexOnAColumnTheRevisionsShowNullableIsFlaggedForItsScan() {
		this.files.add(file("a1", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE accounts (code text, ref text NOT NULL, alias text, note text);
				CREATE UNIQUE INDEX accounts_code_key ON accounts (code);
				CREATE UNIQUE INDEX accounts_ref_key ON accounts (ref);
				CREATE UNIQUE INDEX accounts_alias_key ON accounts (alias);
				ALTER TABLE accounts ADD CONSTRAINT accounts_alias_nn CHECK (alias IS NOT NULL);
				"""));
		this.files.add(file("a2", """
				-- revision: a2
				-- down_revision: a1
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE accounts ADD CONSTRAINT accounts_pk PRIMARY KEY USING INDEX accounts_code_key;
				ALTER TABLE accounts ADD CONSTRAINT accounts_pk2 PRIMARY KEY USING INDEX accounts_ref_key;
				ALTER TABLE accounts ADD CONSTRAINT accounts_pk3 PRIMARY KEY USING INDEX accounts_alias_key;
				ALTER TABLE accounts ADD CONSTRAINT accounts_pk4 PRIMARY KEY USING INDEX unknown_key;
				ALTER TABLE accounts ADD CONSTRAINT accounts_code_uq UNIQUE USING INDEX accounts_code_key;
				"""));
		List<Finding> findings = Linter.forFiles().lint(this.files, Set.of("a2"), Set.of()).findings();
		assertThat(findings).extracting((finding) -> finding.rule() + " " + finding.location().line())
			.containsExactly("SET_NOT_NULL_WITHOUT_CHECK 5");
		assertThat(findings.get(0).problem()).isEqualTo("PRIMARY KEY USING INDEX 'accounts_code_key' sets "
				+ "'accounts.code' NOT NULL, which scans the table: the column is nullable and no validated "
				+ "CHECK (code IS NOT NULL) is known");
	}

	@Test
	void aColumnAddedWithACheckOrAForeignKeyIsFlaggedBecauseEveryRowIsCheckedUnderTheLock() {
		assertThat(rules(
				lint("""
						-- lock_timeout: 2s
						-- +upgrade
						ALTER TABLE invoices ADD COLUMN digest bytea CONSTRAINT invoices_digest_len CHECK (octet_length(digest) = 32);
						ALTER TABLE invoices ADD COLUMN payer_id bigint REFERENCES customers ON DELETE SET NULL;
						ALTER TABLE invoices ADD COLUMN note text;
						CREATE TABLE refunds (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
						ALTER TABLE refunds ADD COLUMN amount numeric CHECK (amount > 0);
						""")))
			.containsExactly(Rule.CONSTRAINT_WITHOUT_NOT_VALID, Rule.CONSTRAINT_WITHOUT_NOT_VALID);
	}

	@Test
	void timestampToTimestamptzKeepsTheValuesOnlyInUtcAndOnlyWhereNoIndexCoversTheColumn() {
		this.files.add(file("a1", """
				-- revision: a1
				-- down_revision: base
				-- +upgrade
				CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, seen_at timestamp,
					created_at timestamp, updated_at timestamp);
				CREATE INDEX events_created_idx ON events USING brin (created_at);
				"""));
		this.files.add(file("a2", """
				-- revision: a2
				-- down_revision: a1
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events ALTER COLUMN seen_at TYPE timestamptz;
				SET TIME ZONE 'UTC';
				ALTER TABLE events ALTER COLUMN seen_at TYPE timestamptz USING seen_at;
				ALTER TABLE events ALTER COLUMN created_at TYPE timestamptz;
				SET timezone = 'Europe/Paris';
				ALTER TABLE events ALTER COLUMN updated_at TYPE timestamp with time zone;
				"""));
		assertThat(Linter.forFiles().lint(this.files, Set.of("a2"), Set.of()).findings())
			.extracting((finding) -> finding.rule() + " " + finding.location().line())
			.containsExactly("COLUMN_TYPE_CHANGE 5", "COLUMN_TYPE_CHANGE 8", "COLUMN_TYPE_CHANGE 10");
	}

	@Test
	void dropAndRenameAreFlaggedUnlessTheSameReleaseAddedTheObject() {
		this.files.add(file("a1", BASE));
		this.files.add(file("a2", "-- revision: a2\n-- down_revision: a1\n-- lock_timeout: 1s\n-- +upgrade\n"
				+ "ALTER TABLE invoices ADD COLUMN draft text;\n"));
		this.files.add(file("a3", "-- revision: a3\n-- down_revision: a2\n-- lock_timeout: 1s\n-- +upgrade\n"
				+ "ALTER TABLE invoices DROP COLUMN draft;\nALTER TABLE invoices RENAME COLUMN status TO state;\n"));
		Linter linter = Linter.forFiles();
		assertThat(rules(linter.lint(this.files, Set.of("a3"), Set.of()))).containsExactly(Rule.DROP_COLUMN,
				Rule.RENAME_COLUMN);
		assertThat(rules(linter.lint(this.files, Set.of("a2", "a3"), Set.of("a2", "a3"))))
			.containsExactly(Rule.RENAME_COLUMN);
	}

	@Test
	void aTableCreatedInTheSameReleaseIsNewToTheRevisionsAfterIt() {
		// a fresh database's first run, or a release that adds a table and then indexes
		// it
		this.files.add(file("a1", BASE));
		this.files.add(file("a2", "-- revision: a2\n-- down_revision: a1\n-- +upgrade\n"
				+ "CREATE TABLE payments (id bigint PRIMARY KEY, invoice_id bigint, amount numeric);\n"));
		this.files.add(file("a3",
				"-- revision: a3\n-- down_revision: a2\n-- +upgrade\n"
						+ "CREATE INDEX payments_invoice_idx ON payments (invoice_id);\n"
						+ "UPDATE payments SET amount = 0 WHERE amount IS NULL;\n"
						+ "ALTER TABLE payments ADD COLUMN paid_at timestamptz NOT NULL;\n"));
		Linter linter = Linter.forFiles();
		assertThat(linter.lint(this.files, Set.of("a2", "a3"), Set.of("a2", "a3")).findings()).isEmpty();
		assertThat(rules(linter.lint(this.files, Set.of("a3"), Set.of("a3")))).contains(Rule.INDEX_WITHOUT_CONCURRENTLY,
				Rule.UNBATCHED_UPDATE, Rule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT);
	}

	@Test
	void settingLoggedUnloggedOrATablespaceRewritesAnExistingTable() {
		LintReport report = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices SET UNLOGGED;
				ALTER TABLE customers SET LOGGED;
				ALTER TABLE invoices SET TABLESPACE fast_disk;
				ALTER TABLE invoices SET (fillfactor = 90);
				CREATE TABLE imports (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
				ALTER TABLE imports SET UNLOGGED;
				""");
		assertThat(report.findings()).extracting((finding) -> finding.rule() + " " + finding.location().line())
			.containsExactly("TABLE_REWRITE 5", "TABLE_REWRITE 6", "TABLE_REWRITE 7");
		assertThat(report.findings().get(0).problem()).isEqualTo("SET UNLOGGED rewrites 'invoices'");
		assertThat(report.findings().get(0).lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "invoices"));
	}

	@Test
	void refreshingAnExistingMaterializedViewWithoutConcurrentlyIsFlagged() {
		LintReport report = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				REFRESH MATERIALIZED VIEW invoice_totals;
				REFRESH MATERIALIZED VIEW CONCURRENTLY invoice_totals;
				CREATE MATERIALIZED VIEW customer_totals AS SELECT customer_id, sum(amount) FROM invoices GROUP BY 1;
				REFRESH MATERIALIZED VIEW customer_totals;
				""");
		assertThat(report.findings()).extracting((finding) -> finding.rule() + " " + finding.location().line())
			.containsExactly("REFRESH_WITHOUT_CONCURRENTLY 5");
		assertThat(report.findings().get(0).lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "invoice_totals"));
	}

	@Test
	void styleRulesWarnOnColumnDefinitions() {
		LintReport report = lint(
				"""
						-- +upgrade
						CREATE TABLE events (id serial PRIMARY KEY, at timestamp, kind char(3), label varchar(50), note varchar);
						""");
		assertThat(rules(report)).containsExactly(Rule.PREFER_BIGINT_IDENTITY, Rule.PREFER_TIMESTAMPTZ, Rule.BAN_CHAR,
				Rule.PREFER_TEXT);
		assertThat(report.failed(false)).isFalse();
		assertThat(report.failed(true)).isTrue();
	}

	@Test
	void unboundedUpdatesInATransactionalRevisionAreFlaggedAndBatchesOrKeysAreNot() {
		assertThat(rules(
				lint("""
						-- lock_timeout: 2s
						-- +upgrade
						UPDATE invoices SET status = 'open' WHERE status IS NULL;
						UPDATE invoices SET status = 'open' WHERE id IN (SELECT id FROM invoices WHERE status IS NULL LIMIT 1000);
						DELETE FROM invoices WHERE id = 42;
						""")))
			.containsExactly(Rule.UNBATCHED_UPDATE);
	}

	@Test
	void anUnboundedDeleteIsFlaggedOnTheTableItDeletesFrom() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				DELETE FROM invoices WHERE amount > 5;
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.UNBATCHED_UPDATE);
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.ROW_EXCLUSIVE, "invoices"));
		assertThat(finding.problem()).isEqualTo("DELETE of every matching row of 'invoices' in one transaction");
	}

	@Test
	void anUnboundedUpdateAfterAWithClauseIsFlagged() {
		assertThat(rules(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				WITH x AS (SELECT 1) UPDATE invoices SET status = 'z';
				WITH batch AS (SELECT id FROM invoices WHERE status IS NULL LIMIT 1000)
					UPDATE invoices SET status = 'z' FROM batch WHERE invoices.id = batch.id;
				"""))).containsExactly(Rule.UNBATCHED_UPDATE);
	}

	@Test
	void theLocksOfAStatementAreReadFromItsText() {
		assertThat(Linter.locks(new SqlStatement("ALTER TABLE public.invoices ADD COLUMN note text", 1)))
			.containsExactly(new LockOn(Lock.ACCESS_EXCLUSIVE, "public.invoices"));
		assertThat(Linter.locks(new SqlStatement(
				"ALTER TABLE invoices ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID",
				1)))
			.containsExactly(new LockOn(Lock.SHARE_ROW_EXCLUSIVE, "invoices"),
					new LockOn(Lock.SHARE_ROW_EXCLUSIVE, "customers"));
		assertThat(Linter.locks(new SqlStatement("CREATE INDEX CONCURRENTLY i ON invoices (status)", 1)))
			.containsExactly(new LockOn(Lock.SHARE_UPDATE_EXCLUSIVE, "invoices"));
		assertThat(Linter.locks(new SqlStatement("LOCK TABLE invoices IN SHARE MODE", 1)))
			.containsExactly(new LockOn(Lock.SHARE, "invoices"));
		assertThat(Linter.locks(new SqlStatement("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", 1)))
			.isEmpty();
		assertThat(Linter.locks(new SqlStatement("DROP TRIGGER IF EXISTS touch ON public.invoices", 1)))
			.containsExactly(new LockOn(Lock.ACCESS_EXCLUSIVE, "public.invoices"));
	}

	@Test
	void aRevisionThatFirstDropsATriggerIsFlaggedThereForItsMissingLockTimeout() {
		Finding finding = single(lint("""
				-- +upgrade
				DROP TRIGGER invoices_touch ON invoices;
				CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch();
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.STRONG_LOCK_WITHOUT_TIMEOUT);
		assertThat(finding.location().line()).isEqualTo(4);
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "invoices"));
	}

	@Test
	void truncateOfATableAnEarlierReleaseCreatedOrWithCascadeIsFlaggedAndOfANewTableIsNot() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				TRUNCATE invoices;
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.TRUNCATE_TABLE);
		assertThat(finding.problem()).isEqualTo("empties 'invoices', which an earlier release created");
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "invoices"));
		assertThat(single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE TABLE staging (id bigint);
				TRUNCATE TABLE staging CASCADE;
				""")).problem()).isEqualTo("TRUNCATE ... CASCADE empties 'staging' and every table whose foreign keys "
				+ "reference it, which the statement does not name");
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE TABLE staging (id bigint);
				TRUNCATE staging RESTART IDENTITY;
				""").findings()).isEmpty();
	}

	@Test
	void dropDatabaseIsFlaggedInEveryKindOfRevision() {
		assertThat(rules(lint("""
				-- transactional: false
				-- +upgrade
				DROP DATABASE IF EXISTS legacy;
				"""))).containsExactly(Rule.DROP_DATABASE);
		assertThat(rules(lint("""
				-- +upgrade
				DROP DATABASE legacy;
				"""))).containsExactlyInAnyOrder(Rule.DROP_DATABASE, Rule.CONCURRENTLY_IN_TRANSACTION);
		assertThat(lint("""
				-- transactional: false
				-- +upgrade
				CREATE DATABASE reports;
				""").findings()).isEmpty();
	}

	@Test
	void attachingAnExistingTableIsFlaggedUnlessAValidatedCheckIsKnownOnIt() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.ATTACH_PARTITION_WITHOUT_CHECK);
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "events_2024"));
		assertThat(finding.problem()).isEqualTo("attaches 'events_2024' to 'events' with no validated CHECK known on "
				+ "it: its rows are scanned under the lock");
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
				CREATE TABLE events_2026 (id bigint, at timestamptz NOT NULL);
				ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
				""").findings()).isEmpty();
	}

	@Test
	void aCheckAddedNotValidCountsForAttachPartitionOnlyOnceValidated() {
		String notValid = """
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events_2024 ADD CONSTRAINT events_2024_bounds
					CHECK (at >= '2024-01-01' AND at < '2025-01-01') NOT VALID;
				""";
		this.files.clear();
		this.files.add(file("a1", BASE));
		this.files.add(file("a2", "-- revision: a2\n-- down_revision: a1\n" + notValid));
		this.files.add(file("a3", """
				-- revision: a3
				-- down_revision: a2
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
				"""));
		assertThat(rules(Linter.forFiles().lint(this.files, Set.of("a3"), Set.of())))
			.containsExactly(Rule.ATTACH_PARTITION_WITHOUT_CHECK);
		this.files.add(2, file("a2b", """
				-- revision: a2b
				-- down_revision: a2
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events_2024 VALIDATE CONSTRAINT events_2024_bounds;
				"""));
		this.files.set(3, file("a3", this.files.get(3).text().replace("down_revision: a2", "down_revision: a2b")));
		assertThat(Linter.forFiles().lint(this.files, Set.of("a3"), Set.of()).findings()).isEmpty();
	}

	@Test
	void detachPartitionWithoutConcurrentlyIsFlaggedWithTheLockOnThePartitionedTable() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events DETACH PARTITION events_2020;
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.DETACH_PARTITION_WITHOUT_CONCURRENTLY);
		assertThat(finding.lock()).isEqualTo(new LockOn(Lock.ACCESS_EXCLUSIVE, "events"));
		assertThat(lint("""
				-- transactional: false
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;
				ALTER TABLE events DETACH PARTITION events_2020 FINALIZE;
				""").findings()).isEmpty();
	}

	@Test
	void aDomainConstraintThatScansIsFlaggedUnlessAddedNotValidOrTheDomainIsNew() {
		LintReport report = lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);
				ALTER DOMAIN positive SET NOT NULL;
				ALTER DOMAIN positive ADD CONSTRAINT positive_small CHECK (VALUE < 1000) NOT VALID;
				ALTER DOMAIN positive VALIDATE CONSTRAINT positive_small;
				ALTER DOMAIN positive DROP CONSTRAINT positive_check;
				""");
		assertThat(report.findings()).extracting((finding) -> finding.rule() + " " + finding.location().line())
			.containsExactly("DOMAIN_CONSTRAINT_SCAN 5", "DOMAIN_CONSTRAINT_SCAN 6", "DOMAIN_CONSTRAINT_SCAN 8");
		assertThat(report.findings().get(0).problem()).isEqualTo("ALTER DOMAIN 'positive' ADD CONSTRAINT "
				+ "positive_check checks the values of every column of that domain, under SHARE on each table that has "
				+ "one");
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE DOMAIN email AS text;
				ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE LIKE '%@%');
				""").findings()).isEmpty();
	}

	@Test
	void renamingAValueOfAnEnumAnEarlierReleaseCreatedIsFlaggedAndAddingOneIsNot() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TYPE invoice_status RENAME VALUE 'sent' TO 'issued';
				ALTER TYPE invoice_status ADD VALUE 'paid';
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.RENAME_ENUM_VALUE);
		assertThat(finding.problem())
			.isEqualTo("renames value 'sent' of type 'invoice_status', which an earlier release created");
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE TYPE payment_status AS ENUM ('open', 'done');
				ALTER TYPE payment_status RENAME VALUE 'done' TO 'paid';
				""").findings()).isEmpty();
	}

	@Test
	void anExclusionConstraintIsToldItCannotAdoptAnIndexBuiltConcurrently() {
		Finding finding = single(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				ALTER TABLE invoices ADD CONSTRAINT invoices_no_overlap EXCLUDE USING gist (customer_id WITH =);
				"""));
		assertThat(finding.rule()).isEqualTo(Rule.UNIQUE_WITHOUT_INDEX);
		assertThat(finding.problem()).isEqualTo("adds EXCLUDE 'invoices_no_overlap' to 'invoices', which builds its "
				+ "index under the lock and cannot adopt one built CONCURRENTLY");
		assertThat(finding.rule().rewrite()).contains("An EXCLUDE constraint cannot adopt an index");
		assertThat(lint("""
				-- lock_timeout: 2s
				-- +upgrade
				CREATE TABLE bookings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, room bigint);
				ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =);
				""").findings()).isEmpty();
	}

	private LintReport lint(String change) {
		this.files.clear();
		this.files.add(file("a1", BASE));
		this.files.add(file("a2", "-- revision: a2\n-- down_revision: a1\n" + change));
		return Linter.forFiles().lint(this.files, Set.of("a2"), Set.of());
	}

	private static LintFile file(String id, String text) {
		return LintFile.of("db/revisions/" + id + "_change.sql", text.getBytes(StandardCharsets.UTF_8));
	}

	private static Finding single(LintReport report) {
		assertThat(report.findings()).hasSize(1);
		return report.findings().get(0);
	}

	private static List<Rule> rules(LintReport report) {
		return report.findings().stream().map(Finding::rule).toList();
	}

}
