/**
 * Spring Boot auto-configuration: runs the migrations on startup, before any bean that
 * uses the database.
 */
@NullMarked
package io.github.migrations.autoconfigure;

import org.jspecify.annotations.NullMarked;
