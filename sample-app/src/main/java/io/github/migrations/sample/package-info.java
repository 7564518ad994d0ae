/**
 * A Spring JDBC web app whose schema is kept by migration revisions: invoices, meetings,
 * bank statements and documents.
 */
@NullMarked
package io.github.migrations.sample;

import org.jspecify.annotations.NullMarked;
