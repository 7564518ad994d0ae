package io.github.migrations.schema;

/**
 * A schema-qualified object name, unquoted as the catalog holds it.
 *
 * @param schema the schema
 * @param name the object's name within the schema
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

	/**
	 * Parses {@code schema.name}, or a bare {@code name} in {@code defaultSchema};
	 * neither part may be quoted.
	 */
	public static QualifiedName parse(String text, String defaultSchema) {
		int dot = text.indexOf('.');
		return (dot < 0) ? new QualifiedName(defaultSchema, text)
				: new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
	}

	/**
	 * The name as SQL spells it, each part quoted only when needed.
	 */
	public String sql() {
		return Sql.name(this.schema, this.name);
	}

	@Override
	public int compareTo(QualifiedName other) {
		int bySchema = this.schema.compareTo(other.schema);
		return (bySchema != 0) ? bySchema : this.name.compareTo(other.name);
	}

	@Override
	public String toString() {
		return this.schema + "." + this.name;
	}

}
