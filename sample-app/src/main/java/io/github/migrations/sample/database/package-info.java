/**
 * Which PostgreSQL the app uses: {@code spring.datasource.url}, {@code DATABASE_URL}, or
 * an embedded server whose data survives restarts.
 */
@NullMarked
package io.github.migrations.sample.database;

import org.jspecify.annotations.NullMarked;
