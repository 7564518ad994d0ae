/**
 * Micrometer metrics of the migrations.
 */
@NullMarked
package io.github.migrations.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
