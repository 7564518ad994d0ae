/**
 * The reliability suite: what the engine and the CLI survive, checked against a real
 * PostgreSQL.
 */
@NullMarked
package io.github.migrations.reliability;

import org.jspecify.annotations.NullMarked;
