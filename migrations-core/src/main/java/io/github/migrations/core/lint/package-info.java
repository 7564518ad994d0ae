/**
 * Lint: what each statement of a revision locks, what that blocks, and the safe rewrite,
 * read with the project's SQL lexer in the context of the revisions before it.
 */
@NullMarked
package io.github.migrations.core.lint;

import org.jspecify.annotations.NullMarked;
