/**
 * Tests for revisions: {@link io.github.migrations.test.SchemaSnapshot} compares schemas,
 * and {@link io.github.migrations.test.StairwayTests} walks every revision up, down and
 * up again.
 */
@NullMarked
package io.github.migrations.test;

import org.jspecify.annotations.NullMarked;
