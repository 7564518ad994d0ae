package io.github.migrations.reliability;

import java.util.ArrayList;
import java.util.List;

import io.github.migrations.test.database.TestDatabase;

/**
 * Everything a run could have changed: the test kit's catalog snapshot (tables, columns,
 * constraints, indexes, functions, triggers, types...) plus the schemas, the index
 * validity and the version store's applied rows and successful log entries. Two snapshots
 * are equal when nothing that a migration could have changed has changed.
 *
 * @param lines one line per object, sorted
 */
record SchemaSnapshot(List<String> lines) {

	static SchemaSnapshot of(TestDatabase.Database database) {
		List<String> lines = new ArrayList<>();
		io.github.migrations.test.SchemaSnapshot.of(database.dataSource())
			.objects()
			.forEach((name, definition) -> lines.add(name + ": " + definition));
		lines.addAll(database.query("""
				SELECT 'schema ' || nspname FROM pg_catalog.pg_namespace
				WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'"""));
		lines.addAll(database
			.query("""
					SELECT 'invalid index ' || i.indexrelid::regclass FROM pg_catalog.pg_index i WHERE NOT i.indisvalid"""));
		if (new Server(database).versionStoreExists()) {
			lines.add("version store present");
			lines.addAll(
					database.query("SELECT 'applied ' || revision || ' ' || state || ' ' || coalesce(checksum, '-') "
							+ "FROM migrations_revisions"));
			lines.addAll(database.query("SELECT 'logged ' || revision || ' ' || action || ' #' || id "
					+ "FROM migrations_log WHERE success"));
		}
		lines.sort(null);
		return new SchemaSnapshot(List.copyOf(lines));
	}

	/**
	 * The tables outside the system schemas, other than the version store's.
	 */
	long userTables() {
		return this.lines.stream().filter((line) -> line.startsWith("table ")).count();
	}

}
