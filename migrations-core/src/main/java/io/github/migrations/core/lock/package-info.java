@NullMarked
package io.github.migrations.core.lock;

import org.jspecify.annotations.NullMarked;
