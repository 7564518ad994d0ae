package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionDiffTests {

	private static final String TOUCH = """
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				NEW.updated_at = now();
				RETURN NEW;
			END;
			$$;
			""";

	@Test
	void changedBodyIsReplacedInPlace() {
		SchemaChanges changes = RoundTrip.check("""
				CREATE FUNCTION twice(n int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT n * 2';
				CREATE TABLE t (n int DEFAULT twice(2));""", """
				CREATE FUNCTION twice(n int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT n + n';
				CREATE TABLE t (n int DEFAULT twice(2));
				COMMENT ON FUNCTION twice(int) IS 'doubles';""");
		assertThat(changes.script()).startsWith("""
				SET check_function_bodies = false;
				CREATE OR REPLACE FUNCTION public.twice(n integer)""").doesNotContain("DROP");
	}

	@Test
	void changedBodyOfAFunctionThatIndexesAndGeneratedColumnsUseRebuildsThem() {
		// CREATE OR REPLACE alone would leave the index and the stored values computed by
		// the old body: queries through the index would then miss rows a scan finds
		String before = """
				CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT t';
				CREATE TABLE people (id int PRIMARY KEY, name text,
				  normalized text GENERATED ALWAYS AS (norm(name)) STORED);
				CREATE INDEX people_norm ON people (norm(name));
				INSERT INTO people VALUES (1, 'Name 5');""";
		String after = """
				CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(t)';
				CREATE TABLE people (id int PRIMARY KEY, name text,
				  normalized text GENERATED ALWAYS AS (norm(name)) STORED);
				CREATE INDEX people_norm ON people (norm(name));""";
		assertThat(RoundTrip.check(before, after).script()).containsSubsequence("DROP INDEX public.people_norm;",
				"ALTER TABLE public.people DROP COLUMN normalized;", "CREATE OR REPLACE FUNCTION public.norm(t text)",
				"ALTER TABLE public.people ADD COLUMN normalized text GENERATED ALWAYS AS (norm(name)) STORED;",
				"CREATE INDEX people_norm ON public.people USING btree (norm(name));");
		assertThat(RoundTrip.applyThenQuery(before, after, "SELECT normalized FROM people")).isEqualTo("name 5");
	}

	@Test
	void changedSignatureIsDroppedAndCreatedWithItsTriggers() {
		SchemaChanges changes = RoundTrip.check(TOUCH + """
				CREATE TABLE t (id int, updated_at timestamptz);
				CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();""", """
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
				BEGIN
					NEW.updated_at = now();
					RETURN NEW;
				END;
				$$;
				CREATE TABLE t (id int, updated_at timestamptz);
				CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE FUNCTION answer() RETURNS bigint LANGUAGE sql RETURN 42;""");
		assertThat(changes.script()).contains("CREATE OR REPLACE FUNCTION public.touch()").doesNotContain("DROP");
		SchemaChanges signature = RoundTrip.check(TOUCH + """
				CREATE FUNCTION pick(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
				CREATE TABLE t (id int DEFAULT pick(1), updated_at timestamptz);
				CREATE VIEW picked AS SELECT pick(id) AS p FROM t;
				CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();""", TOUCH + """
				CREATE FUNCTION pick(a int) RETURNS bigint LANGUAGE sql AS 'SELECT a::bigint';
				CREATE TABLE t (id int DEFAULT pick(1), updated_at timestamptz);
				CREATE VIEW picked AS SELECT pick(id) AS p FROM t;
				CREATE TRIGGER t_touch BEFORE UPDATE OF id ON t FOR EACH ROW WHEN (NEW.id > 0) EXECUTE FUNCTION touch();
				COMMENT ON TRIGGER t_touch ON t IS 'keeps updated_at';""");
		String script = signature.script();
		assertThat(script.indexOf("ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT"))
			.isLessThan(script.indexOf("DROP FUNCTION public.pick(a integer)"));
		assertThat(script.indexOf("CREATE OR REPLACE FUNCTION public.pick"))
			.isLessThan(script.indexOf("ALTER TABLE public.t ALTER COLUMN id SET DEFAULT pick(1)"));
		assertThat(script).contains("DROP TRIGGER t_touch ON public.t;");
		assertThat(script.indexOf("DROP VIEW public.picked")).isLessThan(script.indexOf("DROP FUNCTION public.pick"));
	}

	@Test
	void proceduresAndFunctionsAreCreatedAndDropped() {
		RoundTrip.check("""
				CREATE PROCEDURE tidy() LANGUAGE sql AS 'SELECT 1';
				CREATE FUNCTION overloaded(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
				CREATE FUNCTION overloaded(a text) RETURNS text LANGUAGE sql AS 'SELECT a';""", """
				CREATE PROCEDURE tidy(days int DEFAULT 7) LANGUAGE plpgsql AS $$ BEGIN PERFORM days; END $$;
				CREATE FUNCTION overloaded(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
				CREATE TABLE counted (n int);
				CREATE FUNCTION total() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT sum(n) FROM counted';
				CREATE FUNCTION standard_total() RETURNS bigint LANGUAGE sql STABLE RETURN (SELECT sum(n) FROM counted);
				COMMENT ON PROCEDURE tidy(int) IS 'cleans';""");
	}

	@Test
	void triggersAreCreatedChangedAndDropped() {
		RoundTrip.check(TOUCH + """
				CREATE TABLE t (id int, updated_at timestamptz);
				CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE TRIGGER t_gone AFTER INSERT ON t FOR EACH STATEMENT EXECUTE FUNCTION touch();""", TOUCH + """
				CREATE TABLE t (id int, updated_at timestamptz);
				CREATE TRIGGER t_touch BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE CONSTRAINT TRIGGER t_late AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED
				  FOR EACH ROW EXECUTE FUNCTION touch();""");
	}

}
