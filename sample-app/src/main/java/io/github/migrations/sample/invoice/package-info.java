/**
 * The invoice pilot's API: invoices detected per tenant, with their audit trail.
 */
@NullMarked
package io.github.migrations.sample.invoice;

import org.jspecify.annotations.NullMarked;
