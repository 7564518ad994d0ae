/**
 * Testcontainers service connections for the migrations.
 */
@NullMarked
package io.github.migrations.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
