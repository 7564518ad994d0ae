package io.github.migrations.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.github.migrations.schema.DatabaseSchema;
import io.github.migrations.schema.SchemaFilter;
import io.github.migrations.schema.SchemaReader;

/**
 * A comparable description of a database's schemas, read from the catalog by the schema
 * differ's reader ({@link SchemaReader}): schemas, extensions, types (enums, domains,
 * composites), sequences, tables, columns (type, default, nullability, identity,
 * generated expression), constraints, indexes, views, functions, triggers, policies,
 * comments, and the objects the differ does not cover. Each object is one entry, such as
 * {@code index public.idx_invoice_tenant_status} → its {@code CREATE INDEX} definition.
 * <p>
 * Objects in {@code pg_catalog}, {@code information_schema} and {@code pg_toast} are left
 * out, and so are the version store's tables ({@code <prefix>revisions} and
 * {@code <prefix>log}) and what belongs to an extension.
 */
public final class SchemaSnapshot {

	private final Map<String, String> objects;

	private SchemaSnapshot(Map<String, String> objects) {
		this.objects = Collections.unmodifiableMap(new TreeMap<>(objects));
	}

	/**
	 * Reads every user schema of the database, leaving out the version store with the
	 * default table prefix.
	 */
	public static SchemaSnapshot of(DataSource dataSource) {
		return of(dataSource, SchemaFilter.DEFAULT_TABLE_PREFIX);
	}

	/**
	 * Reads every user schema of the database, leaving out the version store with this
	 * table prefix.
	 */
	public static SchemaSnapshot of(DataSource dataSource, String tablePrefix) {
		try (Connection connection = dataSource.getConnection()) {
			return new SchemaSnapshot(SnapshotEntries
				.of(SchemaReader.read(connection, SchemaFilter.allSchemas().withTablePrefix(tablePrefix)), null));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the schema from the catalog: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads one schema, leaving out the version store with this table prefix. Objects are
	 * named and defined without the schema's name (the catalog is read with only that
	 * schema on the search path), so that two schemas built by the same SQL compare
	 * equal.
	 */
	public static SchemaSnapshot ofSchema(DataSource dataSource, String tablePrefix, String schema) {
		try (Connection connection = dataSource.getConnection()) {
			String searchPath;
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT current_setting('search_path'), set_config('search_path', quote_ident(?), false)")) {
				statement.setString(1, schema);
				try (ResultSet rows = statement.executeQuery()) {
					rows.next();
					searchPath = rows.getString(1);
				}
			}
			try {
				DatabaseSchema read = SchemaReader.read(connection,
						SchemaFilter.schemas(schema).withTablePrefix(tablePrefix));
				return new SchemaSnapshot(SnapshotEntries.of(read, schema));
			}
			finally {
				try (PreparedStatement statement = connection
					.prepareStatement("SELECT set_config('search_path', ?, false)")) {
					statement.setString(1, searchPath);
					statement.execute();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not read schema '%s' from the catalog: %s".formatted(schema, ex.getMessage()), ex);
		}
	}

	/**
	 * Every object, by kind and qualified name, with its definition.
	 */
	public Map<String, String> objects() {
		return this.objects;
	}

	public boolean isEmpty() {
		return this.objects.isEmpty();
	}

	/**
	 * What differs from another snapshot, read as "this, compared with {@code before}".
	 */
	public SchemaDiff diff(SchemaSnapshot before) {
		return SchemaDiff.between(before.objects, this.objects);
	}

	public List<String> names() {
		return List.copyOf(this.objects.keySet());
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SchemaSnapshot snapshot && this.objects.equals(snapshot.objects);
	}

	@Override
	public int hashCode() {
		return this.objects.hashCode();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.objects.forEach((name, definition) -> text.append(name).append(": ").append(definition).append('\n'));
		return text.toString();
	}

}
