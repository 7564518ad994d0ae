/**
 * Development seed data, inserted after the database is migrated.
 */
@NullMarked
package io.github.migrations.sample.seed;

import org.jspecify.annotations.NullMarked;
