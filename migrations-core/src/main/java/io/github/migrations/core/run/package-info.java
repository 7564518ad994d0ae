@NullMarked
package io.github.migrations.core.run;

import org.jspecify.annotations.NullMarked;
