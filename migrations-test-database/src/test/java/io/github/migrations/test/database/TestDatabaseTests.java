package io.github.migrations.test.database;

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

}
