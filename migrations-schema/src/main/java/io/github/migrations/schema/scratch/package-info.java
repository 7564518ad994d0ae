/**
 * Scratch databases: throwaway databases on the configured server (or on an embedded
 * PostgreSQL when none is configured) that hold the schema some revisions or a
 * declarative schema produce, so that the differ can compare it with another. Used by the
 * CLI ({@code revision --autogenerate}, {@code check}, {@code drift}) and the Spring
 * side's drift endpoint.
 */
@NullMarked
package io.github.migrations.schema.scratch;

import org.jspecify.annotations.NullMarked;
