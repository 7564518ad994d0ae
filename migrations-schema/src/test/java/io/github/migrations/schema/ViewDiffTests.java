package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewDiffTests {

	@Test
	void viewOverAChangedColumnIsRecreatedAroundTheChange() {
		SchemaChanges changes = RoundTrip.check("""
				CREATE TABLE t (id int, amount int);
				CREATE VIEW big AS SELECT id, amount FROM t WHERE amount > 10;
				CREATE VIEW bigger AS SELECT id FROM big WHERE amount > 100;""", """
				CREATE TABLE t (id int, amount bigint);
				CREATE VIEW big AS SELECT id, amount FROM t WHERE amount > 10;
				CREATE VIEW bigger AS SELECT id FROM big WHERE amount > 100;""");
		assertThat(changes.script()).isEqualTo("""
				DROP VIEW public.bigger;
				DROP VIEW public.big;
				ALTER TABLE public.t ALTER COLUMN amount TYPE bigint USING amount::bigint;
				CREATE VIEW public.big AS
				SELECT id,
				    amount
				   FROM t
				  WHERE (amount > 10);

				CREATE VIEW public.bigger AS
				SELECT id
				   FROM big
				  WHERE (amount > 100);

				""");
	}

	@Test
	void viewRecreatedAroundAChangeKeepsItsPrivilegesAndAFunctionRecreatedKeepsItsRevoke() {
		String role = """
				DO $$ BEGIN CREATE ROLE migrations_test_reader;
				EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
				""";
		String before = role + """
				CREATE TABLE g (id int, amount numeric(10, 2));
				CREATE VIEW gv AS SELECT id, amount FROM g;
				GRANT SELECT, INSERT ON gv TO migrations_test_reader WITH GRANT OPTION;
				CREATE FUNCTION pick(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
				REVOKE ALL ON FUNCTION pick(int) FROM PUBLIC;
				GRANT EXECUTE ON FUNCTION pick(int) TO migrations_test_reader;""";
		String after = role + """
				CREATE TABLE g (id int, amount numeric(14, 2));
				CREATE VIEW gv AS SELECT id, amount FROM g;
				CREATE FUNCTION pick(a int) RETURNS bigint LANGUAGE sql AS 'SELECT a::bigint';""";
		assertThat(RoundTrip.check(before, after).script())
			.containsSubsequence("CREATE VIEW public.gv AS",
					"GRANT INSERT, SELECT ON TABLE public.gv TO migrations_test_reader WITH GRANT OPTION;")
			.containsSubsequence("CREATE OR REPLACE FUNCTION public.pick(a integer)",
					"REVOKE ALL ON FUNCTION public.pick(a integer) FROM PUBLIC;",
					"GRANT EXECUTE ON FUNCTION public.pick(a integer) TO migrations_test_reader;");
		assertThat(
				RoundTrip.applyThenQuery(before, after,
						"SELECT has_table_privilege('migrations_test_reader', 'public.gv', 'SELECT') "
								+ "AND NOT has_function_privilege('public', 'public.pick(int)', 'EXECUTE')"))
			.isEqualTo("t");
	}

	@Test
	void viewsAndMaterializedViewsAreCreatedChangedAndDropped() {
		RoundTrip.check("""
				CREATE TABLE t (id int, note text);
				CREATE VIEW v AS SELECT id FROM t;
				CREATE VIEW gone AS SELECT note FROM t;
				CREATE MATERIALIZED VIEW m AS SELECT id, count(*) AS n FROM t GROUP BY id;
				CREATE INDEX m_id ON m (id);""", """
				CREATE TABLE t (id int, note text);
				CREATE VIEW v WITH (security_barrier = true) AS SELECT id, note FROM t WHERE id > 0
				  WITH LOCAL CHECK OPTION;
				CREATE MATERIALIZED VIEW m AS SELECT id, count(*) AS n, max(note) AS last FROM t GROUP BY id;
				CREATE UNIQUE INDEX m_id ON m (id);
				CREATE VIEW fresh AS SELECT v.id FROM v JOIN m USING (id);
				COMMENT ON VIEW fresh IS 'both';
				COMMENT ON MATERIALIZED VIEW m IS 'counts';""");
	}

	@Test
	void droppedColumnTakesTheViewOverItAlong() {
		SchemaChanges changes = RoundTrip.check("""
				CREATE TABLE t (id int, note text);
				CREATE VIEW v AS SELECT id, note FROM t;""", """
				CREATE TABLE t (id int);
				CREATE VIEW v AS SELECT id FROM t;""");
		assertThat(changes.script()).isEqualTo("""
				DROP VIEW public.v;
				-- REVIEW: drops column public.t.note and its data
				ALTER TABLE public.t DROP COLUMN note;
				CREATE VIEW public.v AS
				SELECT id
				   FROM t;

				""");
	}

}
