package io.github.migrations.sample.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invoice pilot's development data: five invoices, one in each state, a pending
 * reminder for the overdue one, and the audit trail of all five.
 */
final class InvoiceSeed {

	static final String TENANT = "acme";

	private final JdbcClient jdbc;

	private final LocalDate today;

	InvoiceSeed(JdbcClient jdbc, LocalDate today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	private List<SeedInvoice> invoices() {
		LocalDate t = this.today;
		return List.of(
				new SeedInvoice("seed-msg-0001", "Northwind Cloud", "NW-2291", "480.00", "0.00", "pending",
						t.minusDays(5), t.plusDays(25), List.of("detected", "confirmed")),
				new SeedInvoice("seed-msg-0002", "Contoso Office Supplies", "CT-10442", "1250.00", "0.00", "overdue",
						t.minusDays(45), t.minusDays(15),
						List.of("detected", "confirmed", "marked_overdue", "reminder_scheduled")),
				new SeedInvoice("seed-msg-0003", "Fabrikam Legal", "FAB-0311", "2400.00", "1000.00", "partial",
						t.minusDays(30), t, List.of("detected", "confirmed", "payment_recorded")),
				new SeedInvoice("seed-msg-0004", "Globex Utilities", "GX-77810", "310.75", "310.75", "paid",
						t.minusDays(20), t.minusDays(5), List.of("detected", "confirmed", "payment_recorded")),
				new SeedInvoice("seed-msg-0005", "Initech Consulting", null, "3600.00", "0.00", "detected", null, null,
						List.of("detected")));
	}

	void insert() {
		for (SeedInvoice invoice : invoices()) {
			this.jdbc.sql("""
					INSERT INTO invoices (id, tenant_id, gmail_message_id, vendor_name, invoice_number, amount,
						amount_paid, issue_date, due_date, status, paid_at)
					VALUES (:id, :tenantId, :gmailMessageId, :vendorName, :invoiceNumber, :amount, :amountPaid,
						:issueDate, :dueDate, :status, CASE WHEN :status = 'paid' THEN CAST(:dueDate AS date) - 1 END)
					ON CONFLICT DO NOTHING""")
				.param("id", SeedIds.of("invoice", TENANT, invoice.gmailMessageId()))
				.param("tenantId", TENANT)
				.param("gmailMessageId", invoice.gmailMessageId())
				.param("vendorName", invoice.vendorName())
				.param("invoiceNumber", invoice.invoiceNumber())
				.param("amount", new BigDecimal(invoice.amount()))
				.param("amountPaid", new BigDecimal(invoice.amountPaid()))
				.param("issueDate", invoice.issueDate())
				.param("dueDate", invoice.dueDate())
				.param("status", invoice.status())
				.update();
			invoice.actions().forEach((action) -> action(invoice, action));
			if (invoice.status().equals("overdue")) {
				reminder(invoice);
			}
		}
	}

	private void action(SeedInvoice invoice, String actionType) {
		this.jdbc.sql("""
				INSERT INTO invoice_actions (id, invoice_id, action_type, actor, details)
				SELECT :id, i.id, :actionType, :actor, jsonb_build_object('seed', true)
				FROM invoices i WHERE i.tenant_id = :tenantId AND i.gmail_message_id = :gmailMessageId
				ON CONFLICT (id) DO NOTHING""")
			.param("id", SeedIds.of("invoice-action", TENANT, invoice.gmailMessageId(), actionType))
			.param("actionType", actionType)
			.param("actor", actionType.equals("detected") ? "gmail-watcher" : "seed-data")
			.param("tenantId", TENANT)
			.param("gmailMessageId", invoice.gmailMessageId())
			.update();
	}

	private void reminder(SeedInvoice invoice) {
		this.jdbc.sql("""
				INSERT INTO invoice_reminders (id, invoice_id, scheduled_at, status, channel, recipient)
				SELECT :id, i.id, :scheduledAt, 'pending', 'email', 'accounts@contoso.example'
				FROM invoices i WHERE i.tenant_id = :tenantId AND i.gmail_message_id = :gmailMessageId
				ON CONFLICT (id) DO NOTHING""")
			.param("id", SeedIds.of("invoice-reminder", TENANT, invoice.gmailMessageId()))
			.param("scheduledAt", OffsetDateTime.of(this.today.plusDays(1).atTime(9, 0), ZoneOffset.UTC))
			.param("tenantId", TENANT)
			.param("gmailMessageId", invoice.gmailMessageId())
			.update();
	}

	private record SeedInvoice(String gmailMessageId, String vendorName, @Nullable String invoiceNumber, String amount,
			String amountPaid, String status, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate,
			List<String> actions) {

	}

}
