/**
 * Docker compose service connections for the migrations.
 */
@NullMarked
package io.github.migrations.autoconfigure.docker.compose;

import org.jspecify.annotations.NullMarked;
