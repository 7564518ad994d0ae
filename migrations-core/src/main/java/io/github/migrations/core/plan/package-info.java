@NullMarked
package io.github.migrations.core.plan;

import org.jspecify.annotations.NullMarked;
