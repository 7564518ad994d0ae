package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * An installed extension; the objects it creates belong to it and are not part of the
 * model.
 *
 * @param name the extension's name
 * @param schema the schema it was installed in
 * @param version its installed version
 */
public record Extension(String name, String schema, String version) implements SchemaObject {

	@Override
	public String key() {
		return "extension " + this.name;
	}

	@Override
	public @Nullable String comment() {
		return null;
	}

}
