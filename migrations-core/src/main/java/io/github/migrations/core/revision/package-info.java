@NullMarked
package io.github.migrations.core.revision;

import org.jspecify.annotations.NullMarked;
