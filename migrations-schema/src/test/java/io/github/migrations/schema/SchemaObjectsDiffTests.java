package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaObjectsDiffTests {

	@Test
	void schemasAndTheirObjectsAreCreatedInOrderAndDroppedInReverse() {
		SchemaChanges changes = RoundTrip.check("CREATE SCHEMA old; CREATE TABLE old.t (id int);", """
				CREATE SCHEMA sales;
				COMMENT ON SCHEMA sales IS 'orders and invoices';
				CREATE TYPE sales.state AS ENUM ('open', 'paid');
				CREATE TABLE sales.orders (id int PRIMARY KEY, state sales.state);
				CREATE TABLE public.lines (order_id int REFERENCES sales.orders);""");
		String script = changes.script();
		assertThat(script.indexOf("DROP TABLE old.t")).isLessThan(script.indexOf("DROP SCHEMA old"));
		assertThat(script.indexOf("CREATE SCHEMA sales")).isLessThan(script.indexOf("CREATE TYPE sales.state"));
	}

	@Test
	void extensionsAreCreatedUpdatedAndDroppedWithoutTheirObjects() {
		SchemaChanges changes = RoundTrip.check("CREATE EXTENSION citext;", """
				CREATE EXTENSION pg_trgm;
				CREATE TABLE t (name text);
				CREATE INDEX t_name ON t USING gin (name gin_trgm_ops);""");
		String script = changes.script();
		assertThat(script)
			.contains(
					"""
							-- REVIEW: drops extension citext and what it provides (functions, types, operators, the rows of its own tables); a DBA may have installed it for a use these revisions do not know of
							DROP EXTENSION citext;""")
			.contains("CREATE EXTENSION pg_trgm WITH SCHEMA public VERSION")
			.doesNotContain("similarity");
		assertThat(script.indexOf("CREATE EXTENSION pg_trgm")).isLessThan(script.indexOf("CREATE INDEX t_name"));
	}

	@Test
	void commentsAreSetChangedAndRemoved() {
		RoundTrip.check("""
				CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY, note text);
				COMMENT ON TABLE t IS 'old';
				COMMENT ON COLUMN t.note IS 'note';""", """
				CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY, note text);
				COMMENT ON TABLE t IS 'it''s new';
				COMMENT ON CONSTRAINT t_pk ON t IS 'the key';""");
	}

	@Test
	void aLineBreakInAnObjectNameStaysInsideTheReviewCommentAboveItsStatement() {
		SchemaChanges changes = RoundTrip.check("""
				CREATE TABLE keep (id int);
				CREATE TABLE "gone
				DROP TABLE keep;--" (id int);
				CREATE TABLE "carriage\rDROP TABLE keep;--" (id int);""", "CREATE TABLE keep (id int);");
		// RoundTrip ran the script with psql, which left keep alone
		assertThat(changes.script().lines()).noneMatch((line) -> line.startsWith("DROP TABLE keep;-- and every row"))
			.contains("-- REVIEW: drops table public.gone DROP TABLE keep;-- and every row in it")
			.contains("-- REVIEW: drops table public.carriage DROP TABLE keep;-- and every row in it");
	}

}
