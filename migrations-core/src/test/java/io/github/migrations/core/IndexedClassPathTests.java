package io.github.migrations.core;

import io.github.migrations.core.revision.Target;
import io.github.migrations.core.script.ResourceOnlyClassLoader;
import io.github.migrations.test.database.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class path whose folders cannot be listed, as in a native image, still migrates: the
 * revisions are found through the index written at build time.
 */
class IndexedClassPathTests {

	private final TestDatabase.Database database = TestDatabase.shared().freshDatabase();

	@Test
	void upgradesWithRevisionsThatOnlyTheIndexNames() {
		ResourceOnlyClassLoader classLoader = new ResourceOnlyClassLoader().with("db/revisions/001_customers.sql", """
				-- revision: 001
				-- down_revision: base
				-- +upgrade
				CREATE TABLE customers (id bigint PRIMARY KEY);
				""").with("db/revisions/002_orders.sql", """
				-- revision: 002
				-- down_revision: 001
				-- +upgrade
				CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers);
				""").withIndex("db/revisions", "001_customers.sql", "002_orders.sql");
		Migrator migrator = Migrator.builder(this.database.dataSource())
			.locations("classpath:db/revisions")
			.classLoader(classLoader)
			.build();
		migrator.upgrade(Target.head());
		assertThat(this.database.tableExists("orders")).isTrue();
		assertThat(this.database.query("SELECT revision FROM migrations_revisions ORDER BY revision"))
			.containsExactly("001", "002");
	}

}
