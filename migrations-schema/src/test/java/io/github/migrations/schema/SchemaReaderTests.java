package io.github.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.api.MigrationException;
import io.github.migrations.core.api.MigratorSettings;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaReaderTests {

	@Test
	void versionStoreTablesAreNeverPartOfADiff() {
		TestDatabase.Database empty = RoundTrip.database("");
		TestDatabase.Database migrated = RoundTrip.database("");
		TestDatabase.Database prefixed = RoundTrip.database("");
		try {
			Migrator.builder(migrated.dataSource()).locations("classpath:db/one").build().upgrade(Target.head());
			Migrator.builder(prefixed.dataSource())
				.settings(MigratorSettings.defaults().withLocations("classpath:db/one").withTablePrefix("app_"))
				.build()
				.upgrade(Target.head());
			DatabaseSchema schema = RoundTrip.read(migrated);
			assertThat(schema.objects().keySet()).contains("table public.notes")
				.noneMatch((key) -> key.contains("migrations_"));
			assertThat(SchemaDiffer.diff(RoundTrip.read(empty), schema).script()).isEqualTo("""
					CREATE TABLE public.notes (
						id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
						body text NOT NULL
					);

					ALTER TABLE public.notes ADD CONSTRAINT notes_pkey PRIMARY KEY (id);
					""");
			DatabaseSchema withPrefix = read(prefixed, SchemaFilter.allSchemas().withTablePrefix("app_"));
			assertThat(withPrefix).isEqualTo(schema);
		}
		finally {
			List.of(empty, migrated, prefixed).forEach(TestDatabase.shared()::drop);
		}
	}

	@Test
	void ignoredObjectsAreLeftOutAsTheVersionStoreIs() {
		TestDatabase.Database managed = RoundTrip.database("""
				CREATE TABLE orders (id bigint PRIMARY KEY);""");
		TestDatabase.Database live = RoundTrip.database("""
				CREATE TABLE orders (id bigint PRIMARY KEY);
				CREATE EXTENSION pg_stat_statements;
				CREATE SCHEMA reporting;
				CREATE TABLE reporting.daily (day date);
				CREATE TABLE public.heartbeat (id int PRIMARY KEY, beat timestamptz);
				CREATE INDEX heartbeat_beat ON public.heartbeat (beat);""");
		try {
			SchemaFilter ignoring = SchemaFilter.allSchemas()
				.withIgnored(List.of("extension:pg_stat_statements", "schema:reporting", "table:public.heartbeat"));
			assertThat(SchemaDiffer.diff(read(live, ignoring), read(managed, ignoring)).isEmpty()).isTrue();
			// without them, each is drift
			assertThat(
					SchemaDiffer.diff(read(live, SchemaFilter.allSchemas()), read(managed, SchemaFilter.allSchemas()))
						.script())
				.contains("DROP EXTENSION pg_stat_statements", "DROP SCHEMA reporting", "DROP TABLE public.heartbeat");
			// a table named without its schema is left out in every schema
			assertThat(read(live, SchemaFilter.allSchemas().withIgnored(List.of("table:heartbeat"))).objects().keySet())
				.noneMatch((key) -> key.contains("heartbeat"));
		}
		finally {
			List.of(managed, live).forEach(TestDatabase.shared()::drop);
		}
	}

	@Test
	void anIgnoredObjectOfAnotherFormIsRefusedNamingTheForms() {
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> SchemaFilter.allSchemas().withIgnored(List.of("pg_stat_statements")))
			.withMessageStartingWith("Ignored object 'pg_stat_statements' is not of the form KIND:NAME.")
			.withMessageContaining("schema:NAME, extension:NAME or table:[SCHEMA.]NAME");
	}

	@Test
	void unsupportedObjectIsNamedInTheOutputNotDropped() {
		TestDatabase.Database database = RoundTrip.database("""
				CREATE TABLE t (n int);
				CREATE AGGREGATE total(int) (SFUNC = int4pl, STYPE = int);
				CREATE RULE no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
				CREATE TYPE span AS RANGE (SUBTYPE = int);""");
		TestDatabase.Database empty = RoundTrip.database("CREATE TABLE t (n int);");
		try {
			DatabaseSchema from = RoundTrip.read(database);
			assertThat(from.unsupported()).containsKeys("aggregate public.total(integer)", "rule public.t.no_delete",
					"range type public.span");
			SchemaChanges changes = SchemaDiffer.diff(from, RoundTrip.read(empty));
			assertThat(changes.isEmpty()).isFalse();
			assertThat(changes.changes()).isEmpty();
			assertThat(changes.script()).isEqualTo(
					"""
							-- UNSUPPORTED: aggregate public.total(integer) exists only in the schema diffed from; not dropped: \
							drop it by hand if it must go
							-- UNSUPPORTED: range type public.span exists only in the schema diffed from; not dropped: \
							drop it by hand if it must go
							-- UNSUPPORTED: rule public.t.no_delete exists only in the schema diffed from; not dropped: \
							drop it by hand if it must go
							""");
		}
		finally {
			TestDatabase.shared().drop(database);
			TestDatabase.shared().drop(empty);
		}
	}

	@Test
	void castIsNamedAsUnsupportedNotPassedOver() {
		// as Hibernate writes a named enum type in its schema-generation script
		String type = "CREATE TYPE status AS ENUM ('new', 'paid');";
		TestDatabase.Database withCasts = RoundTrip.database(type + """
				CREATE CAST (varchar AS status) WITH INOUT AS IMPLICIT;
				CREATE CAST (status AS varchar) WITH INOUT AS IMPLICIT;""");
		TestDatabase.Database without = RoundTrip.database(type);
		try {
			SchemaChanges changes = SchemaDiffer.diff(RoundTrip.read(without), RoundTrip.read(withCasts));
			assertThat(changes.isEmpty()).isFalse();
			assertThat(changes.script()).isEqualTo("""
					-- UNSUPPORTED: cast (character varying AS public.status) (WITH INOUT AS IMPLICIT) exists only \
					in the target schema; not created: create it by hand
					-- UNSUPPORTED: cast (public.status AS character varying) (WITH INOUT AS IMPLICIT) exists only \
					in the target schema; not created: create it by hand
					""");
			assertThat(SchemaDiffer.diff(RoundTrip.read(without), RoundTrip.read(without)).isEmpty()).isTrue();
		}
		finally {
			TestDatabase.shared().drop(withCasts);
			TestDatabase.shared().drop(without);
		}
	}

	@Test
	void namedSchemasAreReadAloneAndExtensionObjectsAreLeftOut() {
		TestDatabase.Database database = RoundTrip.database("""
				CREATE EXTENSION pg_trgm;
				CREATE SCHEMA sales;
				CREATE TABLE sales.orders (id int);
				CREATE TABLE public.other (id int);""");
		try {
			DatabaseSchema sales = read(database, SchemaFilter.schemas("sales"));
			assertThat(sales.objects().keySet()).containsExactly("schema sales", "table sales.orders");
			DatabaseSchema all = RoundTrip.read(database);
			assertThat(all.objects().keySet()).contains("extension pg_trgm", "table public.other")
				.noneMatch((key) -> key.startsWith("function "));
		}
		finally {
			TestDatabase.shared().drop(database);
		}
	}

	@Test
	void identifiersAreQuotedAsQuoteIdentQuotesThem() {
		TestDatabase.Database database = RoundTrip.database("");
		try {
			List<String> names = database.query("""
					SELECT word FROM pg_get_keywords()
					UNION ALL SELECT unnest(ARRAY['plain', 'Mixed', 'with space', 'a"quote', '1st', 'x$y', 'é'])
					ORDER BY 1""");
			List<String> quoted = database.query("""
					SELECT quote_ident(word) FROM (SELECT word FROM pg_get_keywords()
					UNION ALL SELECT unnest(ARRAY['plain', 'Mixed', 'with space', 'a"quote', '1st', 'x$y', 'é'])) w
					ORDER BY word""");
			assertThat(names.stream().map(Sql::ident).toList()).isEqualTo(quoted);
		}
		finally {
			TestDatabase.shared().drop(database);
		}
	}

	private static DatabaseSchema read(TestDatabase.Database database, SchemaFilter filter) {
		try (Connection connection = database.dataSource().getConnection()) {
			return SchemaReader.read(connection, filter);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
