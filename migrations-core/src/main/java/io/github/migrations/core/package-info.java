/**
 * The migration engine: start from {@link io.github.migrations.core.Migrator}.
 */
@NullMarked
package io.github.migrations.core;

import org.jspecify.annotations.NullMarked;
