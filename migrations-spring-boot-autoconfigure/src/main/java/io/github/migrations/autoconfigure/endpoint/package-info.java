/**
 * The {@code migrations} actuator endpoint and health indicator.
 */
@NullMarked
package io.github.migrations.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
