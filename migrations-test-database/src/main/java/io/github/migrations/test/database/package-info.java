/**
 * A real PostgreSQL for tests: one server per JVM, a fresh database per test.
 */
@NullMarked
package io.github.migrations.test.database;

import org.jspecify.annotations.NullMarked;
