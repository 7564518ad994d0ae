/**
 * Startup migration until the migrations starter's auto-configuration is on the classpath.
 */
@NullMarked
package io.github.migrations.sample.migration;

import org.jspecify.annotations.NullMarked;
