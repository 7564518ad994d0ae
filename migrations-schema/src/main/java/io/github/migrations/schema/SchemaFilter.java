package io.github.migrations.schema;

import java.util.List;

/**
 * Which schemas {@link SchemaReader} reads. The version store's tables
 * ({@code <prefix>revisions}, {@code <prefix>log} and {@code <prefix>fingerprint}, with
 * their indexes, constraints, triggers and sequences) are always left out, and so are the
 * objects that belong to an extension.
 *
 * @param schemas the schemas to read; empty for every user schema (all but
 * {@code pg_catalog}, {@code information_schema}, {@code pg_toast*} and {@code pg_temp*})
 * @param tablePrefix the version store's table prefix ({@code migrations_} unless
 * configured otherwise)
 */
public record SchemaFilter(List<String> schemas, String tablePrefix) {

	/**
	 * The prefix of the version store's tables unless configured otherwise.
	 */
	public static final String DEFAULT_TABLE_PREFIX = "migrations_";

	public SchemaFilter {
		schemas = List.copyOf(schemas);
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
		return new SchemaFilter(this.schemas, tablePrefix);
	}

	boolean isVersionStore(String relation) {
		return relation.equals(this.tablePrefix + "revisions") || relation.equals(this.tablePrefix + "log")
				|| relation.equals(this.tablePrefix + "fingerprint");
	}

}
