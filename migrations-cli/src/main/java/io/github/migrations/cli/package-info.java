/**
 * The command-line front end: Alembic's commands over
 * {@link io.github.migrations.core.Migrator}.
 */
@NullMarked
package io.github.migrations.cli;

import org.jspecify.annotations.NullMarked;
