package io.github.migrations.test.database;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseTests {

	@Test
	void freshDatabasesAreSeparateAndEmpty() {
		TestDatabase.Database first = TestDatabase.shared().freshDatabase();
		first.execute("CREATE TABLE orders (id bigint)");
		TestDatabase.Database second = TestDatabase.shared().freshDatabase();
		assertThat(first.tableExists("orders")).isTrue();
		assertThat(second.tableExists("orders")).isFalse();
		assertThat(second.query("SELECT current_setting('server_version_num')::int >= 150000")).containsExactly("t");
	}

	@Test
	void dropRemovesADatabaseEvenWithAConnectionStillOpen() throws Exception {
		TestDatabase.Database database = TestDatabase.shared().freshDatabase();
		try (Connection open = database.dataSource().getConnection()) {
			TestDatabase.shared().drop(database);
		}
		TestDatabase.Database other = TestDatabase.shared().freshDatabase();
		assertThat(other.query("SELECT count(*) FROM pg_database WHERE datname = '" + database.name() + "'"))
			.containsExactly("0");
	}

	@Test
	void freshSchemasHoldTheTablesOfTheirConnectionsAndDropTakesThemAlong() {
		TestDatabase.Database first = TestDatabase.shared().freshSchema();
		TestDatabase.Database second = TestDatabase.shared().freshSchema();
		first.execute("CREATE TABLE orders (id bigint)");
		assertThat(first.tableExists(first.schema(), "orders")).isTrue();
		assertThat(second.tableExists(second.schema(), "orders")).isFalse();
		assertThat(second.query("SELECT current_schema()")).containsExactly(second.schema());
		TestDatabase.shared().drop(first);
		assertThat(second.query("SELECT count(*) FROM pg_namespace WHERE nspname = '" + first.schema() + "'"))
			.containsExactly("0");
		TestDatabase.shared().drop(second);
	}

}
