/**
 * How the API reports bad requests and conflicts.
 */
@NullMarked
package io.github.migrations.sample.web;

import org.jspecify.annotations.NullMarked;
