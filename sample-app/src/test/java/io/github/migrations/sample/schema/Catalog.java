package io.github.migrations.sample.schema;

import java.util.List;

import io.github.migrations.test.database.TestDatabase;

/**
 * Reads what the revisions created in the {@code public} schema from PostgreSQL's
 * catalog, leaving out the version store's own tables.
 */
final class Catalog {

	private static final String NOT_VERSION_STORE = "NOT starts_with(%s, 'migrations_')";

	private final TestDatabase.Database database;

	Catalog(TestDatabase.Database database) {
		this.database = database;
	}

	List<String> tables() {
		return this.database.query("""
				SELECT tablename FROM pg_tables
				WHERE schemaname = 'public' AND %s ORDER BY 1""".formatted(NOT_VERSION_STORE.formatted("tablename")));
	}

	List<String> indexes() {
		return this.database.query("""
				SELECT indexname FROM pg_indexes
				WHERE schemaname = 'public' AND %s ORDER BY 1""".formatted(NOT_VERSION_STORE.formatted("tablename")));
	}

	/**
	 * The definition of one index, as {@code pg_indexes} shows it.
	 */
	String index(String name) {
		return single("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = '" + name + "'");
	}

	/**
	 * Every constraint, as {@code table.name}.
	 */
	List<String> constraints() {
		return this.database.query("""
				SELECT c.conrelid::regclass || '.' || c.conname FROM pg_constraint c
				WHERE c.connamespace = 'public'::regnamespace AND %s ORDER BY 1"""
			.formatted(NOT_VERSION_STORE.formatted("c.conrelid::regclass::text")));
	}

	/**
	 * The definition of one constraint, as {@code pg_get_constraintdef} prints it.
	 */
	String constraint(String name) {
		return single("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
				+ " AND conname = '" + name + "'");
	}

	/**
	 * Every user trigger, as {@code table.name}.
	 */
	List<String> triggers() {
		return this.database.query("""
				SELECT t.tgrelid::regclass || '.' || t.tgname FROM pg_trigger t
				JOIN pg_class c ON c.oid = t.tgrelid
				WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace ORDER BY 1""");
	}

	/**
	 * The definition of one trigger, as {@code pg_get_triggerdef} prints it.
	 */
	String trigger(String name) {
		return single(
				"SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal AND tgname = '" + name + "'");
	}

	/**
	 * Every function, with its arguments.
	 */
	List<String> functions() {
		return this.database.query("""
				SELECT p.oid::regprocedure::text FROM pg_proc p
				WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1""");
	}

	/**
	 * Every stored generated column, as {@code table.column type = expression}.
	 */
	List<String> generatedColumns() {
		return this.database.query("""
				SELECT table_name || '.' || column_name || ' ' || data_type || ' = ' || generation_expression
				FROM information_schema.columns
				WHERE table_schema = 'public' AND is_generated = 'ALWAYS' ORDER BY 1""");
	}

	/**
	 * One table's columns, as {@code name type nullability}, in order.
	 */
	List<String> columns(String table) {
		return this.database.query("""
				SELECT column_name || ' ' || data_type
					|| coalesce('(' || character_maximum_length || ')', '')
					|| CASE is_nullable WHEN 'YES' THEN ' null' ELSE ' not null' END
				FROM information_schema.columns
				WHERE table_schema = 'public' AND table_name = '%s' ORDER BY ordinal_position""".formatted(table));
	}

	private String single(String sql) {
		List<String> values = this.database.query(sql);
		if (values.size() != 1) {
			throw new IllegalStateException("Expected one row, got " + values + " from: " + sql);
		}
		return values.get(0);
	}

}
