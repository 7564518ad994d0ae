/**
 * The engine's public vocabulary, at the bottom of its layers: settings, the exception
 * base, a place in a revision file, the direction of a step, and the interface of a
 * revision written in Java. Imports nothing else of the engine.
 */
@NullMarked
package io.github.migrations.core.api;

import org.jspecify.annotations.NullMarked;
