/**
 * Micrometer observations of the migrations.
 */
@NullMarked
package io.github.migrations.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
