@NullMarked
package io.github.migrations.core.history;

import org.jspecify.annotations.NullMarked;
