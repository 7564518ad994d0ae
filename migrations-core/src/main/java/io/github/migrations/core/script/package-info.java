@NullMarked
package io.github.migrations.core.script;

import org.jspecify.annotations.NullMarked;
