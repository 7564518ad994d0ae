/**
 * The meeting pilot's API: a tenant's meetings.
 */
@NullMarked
package io.github.migrations.sample.meeting;

import org.jspecify.annotations.NullMarked;
