/**
 * The schema differ: {@link io.github.migrations.schema.SchemaReader} reads a PostgreSQL
 * catalog into a {@link io.github.migrations.schema.DatabaseSchema}, and
 * {@link io.github.migrations.schema.SchemaDiffer} computes the ordered DDL
 * ({@link io.github.migrations.schema.SchemaChanges}) that turns one schema into another.
 * Every catalog query of the project lives here.
 */
@NullMarked
package io.github.migrations.schema;

import org.jspecify.annotations.NullMarked;
