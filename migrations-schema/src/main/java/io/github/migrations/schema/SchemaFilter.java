package io.github.migrations.schema;

import java.util.List;

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
 */
public record SchemaFilter(List<String> schemas, String tablePrefix, String alembicVersionTable) {

	/**
	 * The prefix of the version store's tables unless configured otherwise.
	 */
	public static final String DEFAULT_TABLE_PREFIX = "migrations_";

	/**
	 * Alembic's version table unless configured otherwise.
	 */
	public static final String DEFAULT_ALEMBIC_VERSION_TABLE = "alembic_version";

	public SchemaFilter {
		schemas = List.copyOf(schemas);
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
		return new SchemaFilter(this.schemas, tablePrefix, this.alembicVersionTable);
	}

	/**
	 * The same schemas, leaving out this table as Alembic's version table
	 * ({@code [schema.]name}).
	 */
	public SchemaFilter withAlembicVersionTable(String alembicVersionTable) {
		return new SchemaFilter(this.schemas, this.tablePrefix, alembicVersionTable);
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
