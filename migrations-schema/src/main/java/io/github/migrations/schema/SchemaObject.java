package io.github.migrations.schema;

import org.jspecify.annotations.Nullable;

/**
 * One object of a {@link DatabaseSchema}: a schema, an extension, a type, a sequence, a
 * table (with its columns), a constraint, an index, a view, a function, a trigger, a
 * policy, a text search dictionary or a text search configuration.
 */
public sealed interface SchemaObject permits Schema, Extension, EnumType, Domain, CompositeType, Sequence, Table,
		Constraint, Index, View, Function, Trigger, Policy, TextSearchDictionary, TextSearchConfiguration {

	/**
	 * The object's identity within a database: its kind and qualified name, such as
	 * {@code table public.orders} or {@code constraint public.orders.orders_pkey}. Names
	 * are unquoted.
	 */
	String key();

	/**
	 * The object's comment ({@code COMMENT ON}), or {@code null}.
	 */
	@Nullable String comment();

}
