package io.github.migrations.sample.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/tenants/{tenantId}/invoices}: an invoice found in a Gmail
 * message.
 *
 * @param gmailMessageId the message the invoice came in; one invoice per message and
 * tenant
 * @param vendorName who sent the invoice
 * @param vendorEmail the vendor's address, if known
 * @param invoiceNumber the vendor's invoice number, if known
 * @param amount the amount due
 * @param amountPaid how much is paid already (default 0; the whole amount for
 * {@code paid})
 * @param currency an ISO 4217 code (default {@code USD})
 * @param issueDate when the invoice was issued
 * @param dueDate when it is due
 * @param status {@code detected} (default), {@code pending}, {@code overdue},
 * {@code partial} or {@code paid}
 */
record NewInvoice(@NotBlank @Size(max = 255) String gmailMessageId, @NotBlank @Size(max = 255) String vendorName,
		@Nullable @Email @Size(max = 255) String vendorEmail, @Nullable @Size(max = 100) String invoiceNumber,
		@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
		@Nullable @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amountPaid,
		@Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as 'USD'") String currency,
		@Nullable LocalDate issueDate, @Nullable LocalDate dueDate, @Nullable String status) {

}
