package io.github.migrations.reliability;

import java.util.List;

import io.github.migrations.test.database.TestDatabase;

/**
 * The shape of a database as its catalog describes it: schemas, relations, columns, indexes
 * (with validity), constraints and functions outside the system schemas, plus the version
 * store's applied rows and successful log entries. Two snapshots are equal when nothing that a
 * migration could have changed has changed.
 *
 * @param lines one line per object, sorted
 */
record SchemaSnapshot(List<String> lines) {

	private static final String USER_SCHEMA = "NOT IN ('pg_catalog', 'information_schema') AND %s NOT LIKE 'pg\\_toast%%' "
			+ "AND %s NOT LIKE 'pg\\_temp%%'";

	static SchemaSnapshot of(TestDatabase.Database database) {
		String catalog = """
				SELECT 'schema ' || nspname FROM pg_catalog.pg_namespace n WHERE nspname %s
				UNION ALL
				SELECT 'relation ' || n.nspname || '.' || c.relname || ' kind ' || c.relkind::text
				FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname %s
				UNION ALL
				SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type
				|| ' nullable ' || is_nullable || ' default ' || coalesce(column_default, '-')
				FROM information_schema.columns WHERE table_schema %s
				UNION ALL
				SELECT 'index ' || n.nspname || '.' || pg_catalog.pg_get_indexdef(i.indexrelid) || ' valid ' || i.indisvalid
				FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
				JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname %s
				UNION ALL
				SELECT 'constraint ' || n.nspname || '.' || con.conname || ' on ' || con.conrelid::regclass || ' '
				|| pg_catalog.pg_get_constraintdef(con.oid)
				FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
				WHERE n.nspname %s
				UNION ALL
				SELECT 'function ' || p.oid::regprocedure
				FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname %s
				""".formatted(userSchema("nspname"), userSchema("n.nspname"), userSchema("table_schema"),
				userSchema("n.nspname"), userSchema("n.nspname"), userSchema("n.nspname"));
		List<String> lines = new java.util.ArrayList<>(database.query(catalog));
		if (new Server(database).versionStoreExists()) {
			lines.addAll(database.query("SELECT 'applied ' || revision || ' ' || state || ' ' || coalesce(checksum, '-') "
					+ "FROM migrations_revisions"));
			lines.addAll(database.query("SELECT 'logged ' || revision || ' ' || action || ' #' || id "
					+ "FROM migrations_log WHERE success"));
		}
		lines.sort(null);
		return new SchemaSnapshot(List.copyOf(lines));
	}

	private static String userSchema(String column) {
		return USER_SCHEMA.formatted(column, column);
	}

	/**
	 * The tables outside the system schemas, other than the version store's.
	 */
	long userTables() {
		return this.lines.stream()
			.filter((line) -> line.startsWith("relation ") && line.endsWith(" kind r") && !line.contains(".migrations_"))
			.count();
	}

}
