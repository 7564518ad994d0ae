package io.github.migrations.core.script;

import java.util.Optional;

import io.github.migrations.core.script.StatementClassifier.Kind;
import io.github.migrations.core.script.StatementClassifier.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementClassifierTests {

	@Test
	void ddlAndDmlWithoutReturningReturnNoRows() {
		assertThat(StatementClassifier.returnsNoRows("CREATE TABLE t (id bigint)")).isTrue();
		assertThat(
				StatementClassifier.returnsNoRows("/* backfill */ insert into t select g from generate_series(1, 9) g"))
			.isTrue();
		assertThat(StatementClassifier.returnsNoRows("DO $$ BEGIN RAISE NOTICE 'x'; END $$")).isTrue();
		assertThat(StatementClassifier.returnsNoRows("CALL archive_invoices(2024)")).isTrue();
	}

	@Test
	void queriesReturningClausesAndUnknownStatementsMayReturnRows() {
		assertThat(StatementClassifier.returnsNoRows("SELECT setval('s', 10)")).isFalse();
		assertThat(StatementClassifier.returnsNoRows("WITH x AS (DELETE FROM t RETURNING id) SELECT 1")).isFalse();
		assertThat(StatementClassifier.returnsNoRows("UPDATE t SET a = 1 RETURNING id")).isFalse();
		assertThat(StatementClassifier.returnsNoRows("EXPLAIN SELECT 1")).isFalse();
		assertThat(StatementClassifier.returnsNoRows("FETCH ALL FROM c")).isFalse();
	}

	@Test
	void queriesAreSelectWithValuesAndTable() {
		assertThat(StatementClassifier.isQuery("-- count\nSELECT count(*) FROM t")).isTrue();
		assertThat(StatementClassifier.isQuery("with x as (select 1) select * from x")).isTrue();
		assertThat(StatementClassifier.isQuery("VALUES (1), (2)")).isTrue();
		assertThat(StatementClassifier.isQuery("TABLE t")).isTrue();
		assertThat(StatementClassifier.isQuery("(SELECT 1) UNION (SELECT 2)")).isTrue();
		assertThat(StatementClassifier.isQuery("VACUUM t")).isFalse();
		assertThat(StatementClassifier.isQuery("INSERT INTO t SELECT 1")).isFalse();
	}

	@Test
	void createIndexConcurrentlyCannotRunInATransaction() {
		assertRefused("CREATE INDEX CONCURRENTLY idx ON t (c)", "CREATE INDEX CONCURRENTLY");
		assertRefused("create unique index concurrently if not exists idx on t (c)", "CREATE INDEX CONCURRENTLY");
		assertRefused("CREATE INDEX CONCURRENTLY ON t (c)", "CREATE INDEX CONCURRENTLY");
	}

	@Test
	void dropIndexConcurrentlyCannotRunInATransaction() {
		assertRefused("DROP INDEX CONCURRENTLY IF EXISTS idx", "DROP INDEX CONCURRENTLY");
	}

	@Test
	void reindexConcurrentlyCannotRunInATransaction() {
		assertRefused("REINDEX INDEX CONCURRENTLY idx", "REINDEX CONCURRENTLY");
		assertRefused("reindex table concurrently public.t", "REINDEX CONCURRENTLY");
		assertRefused("REINDEX (VERBOSE) TABLE CONCURRENTLY t", "REINDEX CONCURRENTLY");
	}

	@Test
	void reindexConcurrentlyGivenAsOptionCannotRunInATransaction() {
		assertRefused("REINDEX (CONCURRENTLY) INDEX idx", "REINDEX CONCURRENTLY");
		assertRefused("REINDEX (VERBOSE, CONCURRENTLY true) TABLE t", "REINDEX CONCURRENTLY");
	}

	@Test
	void reindexConcurrentlyOptionSwitchedOffIsAnOrdinaryStatement() {
		assertOrdinary("REINDEX (CONCURRENTLY false) TABLE t");
		assertOrdinary("REINDEX (CONCURRENTLY off, VERBOSE) INDEX idx");
	}

	@Test
	void reindexOfManyTablesCannotRunInATransaction() {
		assertRefused("REINDEX SCHEMA public", "REINDEX SCHEMA");
		assertRefused("REINDEX DATABASE", "REINDEX DATABASE");
		assertRefused("REINDEX (VERBOSE) SYSTEM app", "REINDEX SYSTEM");
	}

	@Test
	void reindexOfOneIndexOrTableIsAnOrdinaryStatement() {
		assertOrdinary("REINDEX INDEX idx");
		assertOrdinary("REINDEX TABLE t");
		assertOrdinary("REINDEX (VERBOSE) TABLE t");
	}

	@Test
	void vacuumInAnyFormCannotRunInATransaction() {
		assertRefused("VACUUM", "VACUUM");
		assertRefused("vacuum (verbose, analyze) t", "VACUUM");
		assertRefused("VACUUM FULL t", "VACUUM");
	}

	@Test
	void analyzeAloneIsAnOrdinaryStatement() {
		assertOrdinary("ANALYZE t");
	}

	@Test
	void clusterWithoutTableCannotRunInATransaction() {
		assertRefused("CLUSTER", "CLUSTER");
		assertRefused("cluster verbose", "CLUSTER");
		assertRefused("CLUSTER (VERBOSE) -- every table", "CLUSTER");
	}

	@Test
	void clusterOfOneTableIsAnOrdinaryStatement() {
		assertOrdinary("CLUSTER t USING idx");
		assertOrdinary("CLUSTER VERBOSE t");
		assertOrdinary("CLUSTER (VERBOSE) \"T\"");
	}

	@Test
	void databaseAndTablespaceCommandsCannotRunInATransaction() {
		assertRefused("CREATE DATABASE app", "CREATE DATABASE");
		assertRefused("DROP DATABASE IF EXISTS app", "DROP DATABASE");
		assertRefused("ALTER DATABASE app SET TABLESPACE fast", "ALTER DATABASE SET TABLESPACE");
		assertRefused("ALTER DATABASE \"my app\" SET TABLESPACE fast", "ALTER DATABASE SET TABLESPACE");
		assertRefused("CREATE TABLESPACE fast LOCATION '/ssd'", "CREATE TABLESPACE");
		assertRefused("DROP TABLESPACE fast", "DROP TABLESPACE");
	}

	@Test
	void otherAlterDatabaseFormsAreOrdinaryStatements() {
		assertOrdinary("ALTER DATABASE app SET search_path TO app, public");
		assertOrdinary("ALTER DATABASE app OWNER TO admin");
	}

	@Test
	void alterSystemAndDiscardAllCannotRunInATransaction() {
		assertRefused("ALTER SYSTEM SET work_mem = '64MB'", "ALTER SYSTEM");
		assertRefused("DISCARD ALL", "DISCARD ALL");
		assertOrdinary("DISCARD TEMP");
	}

	@Test
	void detachPartitionConcurrentlyCannotRunInATransaction() {
		assertRefused("ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY",
				"ALTER TABLE DETACH PARTITION CONCURRENTLY");
		assertRefused("ALTER TABLE IF EXISTS ONLY app.m DETACH PARTITION app.\"m 2020\" CONCURRENTLY",
				"ALTER TABLE DETACH PARTITION CONCURRENTLY");
		assertOrdinary("ALTER TABLE measurements DETACH PARTITION measurements_2020");
		assertOrdinary("ALTER TABLE measurements DETACH PARTITION measurements_2020 FINALIZE");
	}

	@Test
	void subscriptionCommandsCannotRunInATransaction() {
		assertRefused("CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p", "CREATE SUBSCRIPTION");
		assertRefused("DROP SUBSCRIPTION s", "DROP SUBSCRIPTION");
		assertRefused("ALTER SUBSCRIPTION s REFRESH PUBLICATION", "ALTER SUBSCRIPTION REFRESH PUBLICATION");
		assertRefused("ALTER SUBSCRIPTION s SET PUBLICATION p", "ALTER SUBSCRIPTION SET PUBLICATION");
		assertOrdinary("ALTER SUBSCRIPTION s DISABLE");
	}

	@Test
	void transactionControlIsRecognised() {
		assertControl("BEGIN", "BEGIN");
		assertControl("begin isolation level serializable", "BEGIN");
		assertControl("START TRANSACTION READ ONLY", "START TRANSACTION");
		assertControl("COMMIT", "COMMIT");
		assertControl("commit and chain", "COMMIT");
		assertControl("COMMIT PREPARED 'tx1'", "COMMIT PREPARED");
		assertControl("END", "END");
		assertControl("ROLLBACK", "ROLLBACK");
		assertControl("ROLLBACK TO SAVEPOINT before", "ROLLBACK TO SAVEPOINT");
		assertControl("ROLLBACK PREPARED 'tx1'", "ROLLBACK PREPARED");
		assertControl("ABORT", "ABORT");
		assertControl("SAVEPOINT before", "SAVEPOINT");
		assertControl("RELEASE SAVEPOINT before", "RELEASE SAVEPOINT");
		assertControl("RELEASE before", "RELEASE SAVEPOINT");
		assertControl("PREPARE TRANSACTION 'tx1'", "PREPARE TRANSACTION");
	}

	@Test
	void preparedStatementIsNotTransactionControl() {
		assertOrdinary("PREPARE find (int) AS SELECT * FROM t WHERE id = $1");
		assertOrdinary("PREPARE transaction AS SELECT 1");
		assertOrdinary("START_REPLICATION");
	}

	@Test
	void beginAtomicBodyIsNotTransactionControl() {
		assertOrdinary("""
				CREATE FUNCTION one() RETURNS int LANGUAGE sql
				BEGIN ATOMIC
					SELECT 1;
				END""");
	}

	@Test
	void anonymousBlockIsNotTransactionControl() {
		assertOrdinary("DO $$ BEGIN PERFORM 1; COMMIT; END $$");
	}

	@Test
	void indexNamedLikeAKeywordIsAnOrdinaryStatement() {
		assertOrdinary("CREATE INDEX idx ON t (c)");
		assertOrdinary("CREATE INDEX concurrently_idx ON t (c)");
		assertOrdinary("CREATE UNIQUE INDEX \"concurrently\" ON t (c)");
		assertOrdinary("DROP INDEX concurrently_idx");
	}

	@Test
	void keywordsInsideStringsCommentsAndNamesAreIgnored() {
		assertOrdinary("SELECT 'VACUUM'");
		assertOrdinary("-- VACUUM\nSELECT 1");
		assertOrdinary("/* COMMIT */ INSERT INTO t VALUES (1)");
		assertOrdinary("CREATE TABLE vacuum_log (id bigint)");
		assertOrdinary("CALL proc()");
		assertOrdinary("\"begin\"");
		assertOrdinary("SELECT 1; VACUUM");
	}

	@Test
	void commentOnlyOrEmptyStatementIsOrdinary() {
		assertOrdinary("");
		assertOrdinary("-- nothing");
		assertOrdinary("/* unclosed VACUUM");
	}

	@Test
	void keywordsMayBeSeparatedByCommentsAndAnyWhitespace() {
		assertRefused("CREATE\n\tINDEX /* the fast way */ -- really\n CONCURRENTLY idx ON t (c)",
				"CREATE INDEX CONCURRENTLY");
		assertRefused("Create Index Concurrently idx ON t (c)", "CREATE INDEX CONCURRENTLY");
	}

	@Test
	void reportsThePositionOfTheFirstKeywordAfterLeadingComments() {
		SqlStatement statement = new SqlStatement("-- rebuild\n/* outer /* nested */ still */\n  VACUUM t", 10);
		Refusal refusal = StatementClassifier.refusal(statement).orElseThrow();
		assertThat(refusal.position()).isEqualTo(statement.sql().indexOf("VACUUM") + 1);
		assertThat(statement.lineOf(refusal.position())).isEqualTo(12);
		assertThat(StatementClassifier.refusal(new SqlStatement("COMMIT", 3)).orElseThrow().position()).isEqualTo(1);
	}

	@Test
	void readsOnlyTheBeginningOfALongStatement() {
		String values = "(1),".repeat(2_000_000);
		SqlStatement statement = new SqlStatement("INSERT INTO t VALUES " + values + "(0)", 1);
		assertThat(StatementClassifier.refusal(statement)).isEmpty();
	}

	private static void assertRefused(String sql, String what) {
		assertThat(classify(sql)).contains(new Refusal(Kind.NOT_IN_TRANSACTION, what, 1));
	}

	private static void assertControl(String sql, String what) {
		assertThat(classify(sql)).contains(new Refusal(Kind.TRANSACTION_CONTROL, what, 1));
	}

	private static void assertOrdinary(String sql) {
		assertThat(classify(sql)).isEmpty();
	}

	private static Optional<Refusal> classify(String sql) {
		return StatementClassifier.refusal(new SqlStatement(sql, 1));
	}

}
