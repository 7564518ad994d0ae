package io.github.migrations.test;

import io.github.migrations.core.Migrator;
import io.github.migrations.core.revision.Target;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaSnapshotTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void readsEveryKindOfObjectByKindAndQualifiedName() {
		Migrator.builder(this.database.dataSource())
			.locations("classpath:stairway/good")
			.build()
			.upgrade(Target.heads());
		this.database.execute("CREATE SEQUENCE invoice_numbers START 1000; CREATE EXTENSION IF NOT EXISTS pg_trgm");
		SchemaSnapshot snapshot = SchemaSnapshot.of(this.database.dataSource());
		assertThat(snapshot.objects()).containsEntry("table public.orders", "table")
			.containsEntry("column public.orders.status", "order_status NOT NULL DEFAULT 'open'::order_status")
			.containsEntry("column public.customers.search",
					"tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, name)) STORED")
			.containsEntry("column public.customers.id", "bigint NOT NULL GENERATED ALWAYS AS IDENTITY")
			.containsEntry("constraint public.orders.orders_customer_id_fkey",
					"FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE CASCADE")
			.containsEntry("index public.orders_customer_idx",
					"CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)")
			.containsEntry("type public.order_status", "enum ('open', 'paid')")
			.containsEntry("sequence public.invoice_numbers", "bigint increment 1 start 1000")
			.containsKey("function public.touch()")
			.containsKey("trigger public.orders.orders_touch")
			.containsKey("view public.named_customers")
			.containsKey("extension pg_trgm");
		assertThat(snapshot.names()).noneMatch((name) -> name.contains("migrations_"))
			.noneMatch((name) -> name.startsWith("function public.similarity"));
	}

	@Test
	void diffNamesWhatWasAddedRemovedAndChanged() {
		this.database.execute("CREATE TABLE a (id int, note text); CREATE INDEX a_note ON a (note)");
		SchemaSnapshot before = SchemaSnapshot.of(this.database.dataSource());
		this.database
			.execute("DROP INDEX a_note; ALTER TABLE a ALTER COLUMN note TYPE varchar(10); CREATE TABLE b (id int)");
		SchemaDiff diff = SchemaSnapshot.of(this.database.dataSource()).diff(before);
		assertThat(diff.toString()).isEqualTo("""
				+ column public.b.id: integer
				+ table public.b: table
				- index public.a_note: CREATE INDEX a_note ON public.a USING btree (note)
				~ column public.a.note: text -> character varying(10)""");
		assertThat(SchemaSnapshot.of(this.database.dataSource())
			.diff(SchemaSnapshot.of(this.database.dataSource()))
			.isEmpty()).isTrue();
	}

	@Test
	void snapshotsOfTwoSchemasBuiltAlikeAreEqualAndLeaveTheRestOut() {
		TestDatabase.Database first = TestDatabase.shared().freshSchema();
		TestDatabase.Database second = TestDatabase.shared().freshSchema();
		try {
			for (TestDatabase.Database schema : java.util.List.of(first, second)) {
				Migrator.builder(schema.dataSource())
					.settings(io.github.migrations.core.api.MigratorSettings.defaults()
						.withLocations("classpath:stairway/good")
						.withSchema(schema.schema()))
					.build()
					.upgrade(Target.heads());
			}
			SchemaSnapshot one = SchemaSnapshot.ofSchema(first.dataSource(), "migrations_", first.schema());
			assertThat(one.objects()).containsEntry("table orders", "table")
				.containsEntry("index orders_customer_idx",
						"CREATE INDEX orders_customer_idx ON orders USING btree (customer_id)")
				.containsKey("trigger orders.orders_touch")
				.containsKey("function touch()");
			assertThat(one.names()).noneMatch((name) -> name.contains("migrations_"));
			assertThat(one.diff(SchemaSnapshot.ofSchema(second.dataSource(), "migrations_", second.schema())).isEmpty())
				.isTrue();
		}
		finally {
			TestDatabase.shared().drop(first);
			TestDatabase.shared().drop(second);
		}
	}

}
