package io.github.migrations.schema;

import java.util.List;

import io.github.migrations.core.api.MigrationException;

/**
 * Which schemas {@link SchemaReader} reads. The version store's tables
 * ({@code <prefix>revisions}, {@code <prefix>log} and {@code <prefix>fingerprint}) and
 * Alembic's version table (which a database moved from Alembic keeps until Alembic is
 * retired), with their indexes, constraints, triggers and sequences, are always left out,
 * and so are the objects that belong to an extension.
 *
 * @param schemas the schemas to read; empty for every user schema (all but
 * {@code pg_catalog}, {@code information_schema}, {@code pg_toast*} and {@code pg_temp*})
 * @param tablePrefix the version store's table prefix ({@code migrations_} unless
 * configured otherwise)
 * @param alembicVersionTable Alembic's version table, {@code name} (in any schema) or
 * {@code schema.name}, as the migrator's {@code alembic-version-table} names it
 * ({@code alembic_version} unless configured otherwise)
 * @param ignored objects that the revisions do not manage and that are left out as the
 * version store is, each {@code schema:NAME} (the schema and everything in it),
 * {@code extension:NAME}, or {@code table:NAME} or {@code table:SCHEMA.NAME} (the table
 * with its constraints, indexes, triggers, policies and owned sequences): what a DBA or a
 * tool installed, such as {@code extension:pg_stat_statements}
 */
public record SchemaFilter(List<String> schemas, String tablePrefix, String alembicVersionTable, List<String> ignored) {

	/**
	 * The prefix of the version store's tables unless configured otherwise.
	 */
	public static final String DEFAULT_TABLE_PREFIX = "migrations_";

	/**
	 * Alembic's version table unless configured otherwise.
	 */
	public static final String DEFAULT_ALEMBIC_VERSION_TABLE = "alembic_version";

	private static final List<String> KINDS = List.of("schema", "extension", "table");

	public SchemaFilter {
		schemas = List.copyOf(schemas);
		ignored = List.copyOf(ignored);
		for (String entry : ignored) {
			int colon = entry.indexOf(':');
			if (colon < 0 || !KINDS.contains(entry.substring(0, colon)) || entry.substring(colon + 1).isBlank()) {
				throw MigrationException.aboutSetting(
						"Ignored object '%s' is not of the form KIND:NAME.".formatted(entry),
						"Write each as schema:NAME, extension:NAME or table:[SCHEMA.]NAME, for example "
								+ "extension:pg_stat_statements.",
						"ignored-objects");
			}
		}
	}

	/**
	 * These schemas, leaving out the version store with this prefix and this Alembic
	 * version table, and nothing else.
	 */
	public SchemaFilter(List<String> schemas, String tablePrefix, String alembicVersionTable) {
		this(schemas, tablePrefix, alembicVersionTable, List.of());
	}

	/**
	 * These schemas, leaving out the version store with this prefix and Alembic's
	 * {@code alembic_version}.
	 */
	public SchemaFilter(List<String> schemas, String tablePrefix) {
		this(schemas, tablePrefix, DEFAULT_ALEMBIC_VERSION_TABLE);
	}

	/**
	 * Every user schema, leaving out the version store with the default prefix.
	 */
	public static SchemaFilter allSchemas() {
		return new SchemaFilter(List.of(), DEFAULT_TABLE_PREFIX);
	}

	/**
	 * Only these schemas, leaving out the version store with the default prefix.
	 */
	public static SchemaFilter schemas(String... schemas) {
		return new SchemaFilter(List.of(schemas), DEFAULT_TABLE_PREFIX);
	}

	/**
	 * The same schemas, leaving out the version store with this table prefix.
	 */
	public SchemaFilter withTablePrefix(String tablePrefix) {
		return new SchemaFilter(this.schemas, tablePrefix, this.alembicVersionTable, this.ignored);
	}

	/**
	 * The same schemas, leaving out this table as Alembic's version table
	 * ({@code [schema.]name}).
	 */
	public SchemaFilter withAlembicVersionTable(String alembicVersionTable) {
		return new SchemaFilter(this.schemas, this.tablePrefix, alembicVersionTable, this.ignored);
	}

	/**
	 * The same, also leaving out these objects that the revisions do not manage
	 * ({@code schema:NAME}, {@code extension:NAME}, {@code table:[SCHEMA.]NAME}).
	 * @throws MigrationException for an entry of another form
	 */
	public SchemaFilter withIgnored(List<String> ignored) {
		return new SchemaFilter(this.schemas, this.tablePrefix, this.alembicVersionTable, ignored);
	}

	/**
	 * The schemas left out whole.
	 */
	List<String> ignoredSchemas() {
		return named("schema");
	}

	boolean isIgnoredExtension(String name) {
		return named("extension").contains(name);
	}

	/**
	 * Whether the table is the version store, Alembic's version table, or an ignored
	 * table: one that the revisions do not manage.
	 */
	boolean isLeftOut(QualifiedName table) {
		if (isVersionStore(table)) {
			return true;
		}
		for (String name : named("table")) {
			int dot = name.indexOf('.');
			boolean same = (dot < 0) ? table.name().equals(name)
					: table.schema().equals(name.substring(0, dot)) && table.name().equals(name.substring(dot + 1));
			if (same) {
				return true;
			}
		}
		return false;
	}

	private List<String> named(String kind) {
		String prefix = kind + ":";
		return this.ignored.stream()
			.filter((entry) -> entry.startsWith(prefix))
			.map((entry) -> entry.substring(prefix.length()).strip())
			.toList();
	}

	boolean isVersionStore(QualifiedName table) {
		String relation = table.name();
		if (relation.equals(this.tablePrefix + "revisions") || relation.equals(this.tablePrefix + "log")
				|| relation.equals(this.tablePrefix + "fingerprint")) {
			return true;
		}
		int dot = this.alembicVersionTable.indexOf('.');
		return (dot < 0) ? relation.equals(this.alembicVersionTable)
				: table.schema().equals(this.alembicVersionTable.substring(0, dot))
						&& relation.equals(this.alembicVersionTable.substring(dot + 1));
	}

}
