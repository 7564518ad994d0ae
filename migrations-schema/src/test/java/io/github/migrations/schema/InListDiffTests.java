package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code IN} lists, whose printed form PostgreSQL does not always store again as it is:
 * after a round trip the server prints every copied expression exactly as on the side it
 * was copied from ({@link RoundTrip} compares {@code pg_get_constraintdef} and the other
 * deparsed texts).
 */
class InListDiffTests {

	private static final String TABLE = "CREATE TABLE t (s varchar(10), x text, n int, m numeric, c char(3));";

	@Test
	void varcharInListIsWrittenAsAnInListAndStoredAsTheOriginal() {
		SchemaChanges changes = RoundTrip.check(TABLE,
				TABLE + "ALTER TABLE t ADD CONSTRAINT status CHECK (s IN ('a', 'b''c', 'd e'));");
		assertThat(changes.script()).contains(
				"ADD CONSTRAINT status CHECK (((s) IN ('a'::character varying, 'b''c'::character varying, 'd e'::character varying)));");
	}

	@Test
	void varcharNotInListIsWrittenAsANotInListAndStoredAsTheOriginal() {
		SchemaChanges changes = RoundTrip.check(TABLE,
				TABLE + "ALTER TABLE t ADD CONSTRAINT status CHECK (s NOT IN ('a', 'b'));");
		assertThat(changes.script()).contains("CHECK (((s) NOT IN ('a'::character varying, 'b'::character varying)));");
	}

	@Test
	void textIntegerNumericAndCharListsAreCopiedAsPrinted() {
		SchemaChanges changes = RoundTrip.check(TABLE, TABLE + """
				ALTER TABLE t ADD CONSTRAINT x_in CHECK (x IN ('a', 'b'));
				ALTER TABLE t ADD CONSTRAINT n_in CHECK (n IN (1, 2));
				ALTER TABLE t ADD CONSTRAINT m_in CHECK (m NOT IN (1, 2.5));
				ALTER TABLE t ADD CONSTRAINT c_in CHECK (c IN ('a', 'b'));
				ALTER TABLE t ADD CONSTRAINT s_any CHECK (s = ANY (ARRAY['a', 'b']) AND lower(s) IN ('a', 'b'));""");
		assertThat(changes.script()).doesNotContain(" IN (")
			.contains("CHECK ((x = ANY (ARRAY['a'::text, 'b'::text])))")
			.contains("CHECK ((n = ANY (ARRAY[1, 2])))")
			.contains("CHECK ((m <> ALL (ARRAY[(1)::numeric, 2.5])))");
	}

	@Test
	void changedListIsReplacedInBothDirections() {
		RoundTrip.check(TABLE + "ALTER TABLE t ADD CONSTRAINT status CHECK (s IN ('a', 'b'));",
				TABLE + "ALTER TABLE t ADD CONSTRAINT status CHECK (s IN ('a', 'b', 'c') OR s NOT IN ('x'));");
	}

	@Test
	void listsInIndexesDomainsViewsTriggersPoliciesAndColumnsAreStoredAsTheOriginal() {
		RoundTrip.check("", """
				CREATE DOMAIN code AS varchar(5) CHECK (VALUE IN ('a', 'b'));
				CREATE TABLE t (s varchar(10) DEFAULT 'a', k code,
				  g boolean GENERATED ALWAYS AS (s IN ('a', 'b')) STORED,
				  d boolean DEFAULT ('x'::varchar NOT IN ('a', 'b')));
				CREATE INDEX t_s ON t (s) WHERE s IN ('a', 'b');
				CREATE INDEX t_expr ON t ((s NOT IN ('c', 'd')));
				CREATE VIEW v AS SELECT s FROM t WHERE s IN ('a', 'b') AND k NOT IN ('c');
				CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
				CREATE TRIGGER t_f BEFORE INSERT ON t FOR EACH ROW WHEN (NEW.s IN ('a', 'b')) EXECUTE FUNCTION f();
				CREATE POLICY p ON t USING (s IN ('a', 'b')) WITH CHECK (s NOT IN ('c'));""");
	}

}
