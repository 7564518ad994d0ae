/**
 * The bank-statement API: salary analyses.
 */
@NullMarked
package io.github.migrations.sample.statement;

import org.jspecify.annotations.NullMarked;
