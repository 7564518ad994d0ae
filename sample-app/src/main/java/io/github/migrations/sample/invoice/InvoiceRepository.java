package io.github.migrations.sample.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Reads and writes {@code invoices}, recording each change in {@code invoice_actions}.
 */
@Component
final class InvoiceRepository {

	private static final String SELECT = """
			SELECT id, tenant_id, gmail_message_id, vendor_name, vendor_email, invoice_number, amount, amount_paid,
				currency, issue_date, due_date, status, paid_at, created_at, updated_at
			FROM invoices""";

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	InvoiceRepository(JdbcClient jdbc, TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * A tenant's invoices, soonest due first (those without a due date last), optionally
	 * of one status only; served by {@code idx_invoice_tenant_status} and
	 * {@code idx_invoice_tenant_due_date}.
	 */
	List<Invoice> findByTenant(String tenantId, @Nullable InvoiceStatus status) {
		return this.jdbc.sql(SELECT + """

				WHERE tenant_id = :tenantId AND (CAST(:status AS varchar) IS NULL OR status = :status)
				ORDER BY due_date NULLS LAST, created_at""")
			.param("tenantId", tenantId)
			.param("status", (status != null) ? status.value() : null)
			.query(Invoice.class)
			.list();
	}

	Optional<Invoice> find(String tenantId, UUID id) {
		return this.jdbc.sql(SELECT + " WHERE tenant_id = :tenantId AND id = :id")
			.param("tenantId", tenantId)
			.param("id", id)
			.query(Invoice.class)
			.optional();
	}

	/**
	 * Stores a new invoice and its {@code created} action in one transaction.
	 * @return the new invoice's id, or empty when the tenant already has an invoice for
	 * that Gmail message
	 */
	Optional<UUID> insert(String tenantId, NewInvoice invoice, InvoiceStatus status, BigDecimal amountPaid,
			String actor) {
		return this.transactions.execute((transaction) -> {
			Optional<UUID> id = this.jdbc.sql("""
					INSERT INTO invoices (tenant_id, gmail_message_id, vendor_name, vendor_email, invoice_number,
						amount, amount_paid, currency, issue_date, due_date, status, paid_at)
					VALUES (:tenantId, :gmailMessageId, :vendorName, :vendorEmail, :invoiceNumber, :amount,
						:amountPaid, :currency, :issueDate, :dueDate, :status,
						CASE WHEN :status = 'paid' THEN now() END)
					ON CONFLICT (tenant_id, gmail_message_id) DO NOTHING
					RETURNING id""")
				.param("tenantId", tenantId)
				.param("gmailMessageId", invoice.gmailMessageId())
				.param("vendorName", invoice.vendorName())
				.param("vendorEmail", invoice.vendorEmail())
				.param("invoiceNumber", invoice.invoiceNumber())
				.param("amount", invoice.amount())
				.param("amountPaid", amountPaid)
				.param("currency", (invoice.currency() != null) ? invoice.currency() : "USD")
				.param("issueDate", invoice.issueDate())
				.param("dueDate", invoice.dueDate())
				.param("status", status.value())
				.query(UUID.class)
				.optional();
			id.ifPresent((created) -> this.jdbc.sql("""
					INSERT INTO invoice_actions (invoice_id, action_type, actor, details)
					VALUES (:invoiceId, 'created', :actor, jsonb_build_object('status', CAST(:status AS text)))""")
				.param("invoiceId", created)
				.param("actor", actor)
				.param("status", status.value())
				.update());
			return id;
		});
	}

}
