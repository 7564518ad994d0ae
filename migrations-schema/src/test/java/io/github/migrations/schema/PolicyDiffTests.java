package io.github.migrations.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDiffTests {

	@Test
	void rowLevelSecurityAndPoliciesAreCreatedChangedAndDropped() {
		SchemaChanges changes = RoundTrip.check("""
				CREATE TABLE doc (owner text, body text);
				CREATE POLICY gone ON doc USING (true);
				CREATE POLICY own ON doc FOR SELECT USING (owner = current_user);""", """
				CREATE TABLE doc (owner text, body text);
				ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
				ALTER TABLE doc FORCE ROW LEVEL SECURITY;
				CREATE POLICY own ON doc FOR UPDATE TO public USING (owner = current_user) WITH CHECK (body <> '');
				CREATE POLICY strict ON doc AS RESTRICTIVE FOR INSERT WITH CHECK (owner IS NOT NULL);
				COMMENT ON POLICY strict ON doc IS 'no orphans';""");
		assertThat(changes.script()).contains("ALTER TABLE public.doc ENABLE ROW LEVEL SECURITY;")
			.contains("ALTER TABLE public.doc FORCE ROW LEVEL SECURITY;")
			.contains("CREATE POLICY strict ON public.doc AS RESTRICTIVE FOR INSERT TO public "
					+ "WITH CHECK ((owner IS NOT NULL));")
			.contains("DROP POLICY gone ON public.doc;");
	}

	@Test
	void policyOverAChangedColumnIsRecreatedAroundTheChange() {
		RoundTrip.check("""
				CREATE TABLE doc (owner varchar(10));
				CREATE POLICY own ON doc USING (owner = current_user);""", """
				CREATE TABLE doc (owner text);
				CREATE POLICY own ON doc USING (owner = current_user);""");
	}

}
