package io.github.migrations.core.run;

import java.time.Duration;

import io.github.migrations.core.plan.MigrationStep;

/**
 * A step that ran, and how long it took.
 */
public record StepResult(MigrationStep step, Duration duration) {

}
