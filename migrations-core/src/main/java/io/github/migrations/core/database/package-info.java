@NullMarked
package io.github.migrations.core.database;

import org.jspecify.annotations.NullMarked;
