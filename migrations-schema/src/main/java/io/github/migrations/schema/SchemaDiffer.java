package io.github.migrations.schema;

/**
 * Computes the statements that turn one {@link DatabaseSchema} into another.
 * <p>
 * Objects are matched by kind and qualified name. A changed object is altered in place
 * where PostgreSQL can ({@code ALTER TABLE ... ALTER COLUMN}, {@code ALTER TYPE ... ADD
 * VALUE}, {@code CREATE OR REPLACE FUNCTION}, {@code ALTER SEQUENCE}, ...), else dropped
 * and created again, together with what depends on it (the views over a column whose type
 * changes, the triggers of a function whose signature changes). Statements are ordered by
 * the catalog's dependencies: drops of dependents before what they depend on, types,
 * sequences and functions before the tables that use them, tables before their foreign
 * keys, indexes, views and triggers.
 * <p>
 * Usage: <pre>{@code
 * DatabaseSchema from = SchemaReader.read(connectionA, SchemaFilter.allSchemas());
 * DatabaseSchema to = SchemaReader.read(connectionB, SchemaFilter.allSchemas());
 * SchemaChanges changes = SchemaDiffer.diff(from, to, DiffOptions.defaults());
 * System.out.print(changes.script());
 * }</pre>
 */
public final class SchemaDiffer {

	private SchemaDiffer() {
	}

	/**
	 * The statements that turn {@code from} into {@code to}.
	 * @param from the schema as it is
	 * @param to the schema as it should be
	 * @param options renames and safe forms
	 * @return the ordered statements, and the differences they cannot express
	 * @throws io.github.migrations.core.api.MigrationException when a rename hint matches
	 * no table or column
	 */
	public static SchemaChanges diff(DatabaseSchema from, DatabaseSchema to, DiffOptions options) {
		Renames renames = Renames.apply(from, to, options.renames());
		return new DiffPlan(NodeGraph.of(renames.schema()), NodeGraph.of(to), options, renames.renamed(),
				renames.schema().unsupported(), to.unsupported())
			.changes();
	}

	/**
	 * The statements that turn {@code from} into {@code to}, with no renames and plain
	 * forms.
	 */
	public static SchemaChanges diff(DatabaseSchema from, DatabaseSchema to) {
		return diff(from, to, DiffOptions.defaults());
	}

}
