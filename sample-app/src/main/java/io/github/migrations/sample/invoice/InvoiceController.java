package io.github.migrations.sample.invoice;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.github.migrations.sample.web.ApiProblems;
import io.github.migrations.sample.web.TenantId;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's invoices: list them (optionally by status), read one, record a new one.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/invoices")
final class InvoiceController {

	private final InvoiceRepository invoices;

	InvoiceController(InvoiceRepository invoices) {
		this.invoices = invoices;
	}

	@GetMapping
	List<Invoice> list(@PathVariable @TenantId String tenantId,
			@RequestParam(required = false) @Nullable String status) {
		return this.invoices.findByTenant(tenantId, (status != null) ? InvoiceStatus.parse("status", status) : null);
	}

	@GetMapping("/{id}")
	Invoice get(@PathVariable @TenantId String tenantId, @PathVariable UUID id) {
		return this.invoices.find(tenantId, id)
			.orElseThrow(() -> ApiProblems.notFound("Tenant '%s' has no invoice '%s'.".formatted(tenantId, id)));
	}

	@PostMapping
	ResponseEntity<Invoice> create(@PathVariable @TenantId String tenantId, @RequestBody @Valid NewInvoice invoice) {
		InvoiceStatus status = (invoice.status() != null) ? InvoiceStatus.parse("status", invoice.status())
				: InvoiceStatus.DETECTED;
		BigDecimal amountPaid = amountPaid(invoice, status);
		LocalDate issued = invoice.issueDate();
		if (issued != null && invoice.dueDate() != null && invoice.dueDate().isBefore(issued)) {
			throw ApiProblems.badRequest("dueDate", "must not be before issueDate " + issued);
		}
		UUID id = this.invoices.insert(tenantId, invoice, status, amountPaid, "api")
			.orElseThrow(() -> ApiProblems.conflict("Tenant '%s' already has an invoice for Gmail message '%s'."
				.formatted(tenantId, invoice.gmailMessageId())));
		return ResponseEntity.created(URI.create("/api/tenants/%s/invoices/%s".formatted(tenantId, id)))
			.body(get(tenantId, id));
	}

	/**
	 * What is paid already, checked against the status: all of it for {@code paid}, some
	 * but not all for {@code partial}, and never more than the amount.
	 */
	private static BigDecimal amountPaid(NewInvoice invoice, InvoiceStatus status) {
		BigDecimal amount = invoice.amount();
		BigDecimal paid = (invoice.amountPaid() != null) ? invoice.amountPaid()
				: (status == InvoiceStatus.PAID) ? amount : BigDecimal.ZERO;
		if (paid.compareTo(amount) > 0) {
			throw ApiProblems.badRequest("amountPaid", "must not be more than amount " + amount);
		}
		if (status == InvoiceStatus.PAID && paid.compareTo(amount) != 0) {
			throw ApiProblems.badRequest("amountPaid", "must equal amount " + amount + " for a paid invoice");
		}
		if (status == InvoiceStatus.PARTIAL && (paid.signum() == 0 || paid.compareTo(amount) == 0)) {
			throw ApiProblems.badRequest("amountPaid",
					"must be more than 0 and less than amount " + amount + " for a partial invoice");
		}
		return paid;
	}

}
