package io.github.migrations.sample.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An invoice as the API shows it: one row of {@code invoices}.
 */
record Invoice(UUID id, String tenantId, String gmailMessageId, String vendorName, @Nullable String vendorEmail,
		@Nullable String invoiceNumber, BigDecimal amount, BigDecimal amountPaid, String currency,
		@Nullable LocalDate issueDate, @Nullable LocalDate dueDate, String status, @Nullable OffsetDateTime paidAt,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

}
