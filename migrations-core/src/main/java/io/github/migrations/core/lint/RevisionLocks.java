package io.github.migrations.core.lint;

import java.util.List;

import io.github.migrations.core.script.SqlStatement;

/**
 * The locks of a revision's statements, read in order, as the {@code --sql} review script
 * shows them: a table the revision created earlier is marked as new (its locks block
 * nobody), and a {@code DROP INDEX} names the table of an index the revision created.
 */
public final class RevisionLocks {

	private static final String HERE = "this revision";

	private final SchemaModel model = new SchemaModel();

	/**
	 * The locks of the next statement, strongest first.
	 */
	public List<LockOn> next(SqlStatement statement) {
		Shape shape = ShapeReader.read(statement);
		List<LockOn> locks = shape.locks(this.model::indexTable);
		this.model.apply(shape, HERE);
		return locks;
	}

	/**
	 * Whether the revision created {@code table} in a statement read before.
	 */
	public boolean isNew(String table) {
		return HERE.equals(this.model.createdIn(table));
	}

}
