package io.github.migrations.sample.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A little data for the other two APIs: one meeting with its participants and action
 * items, and one salary analysis with its audit log.
 */
final class PilotSeed {

	private final JdbcClient jdbc;

	private final LocalDate today;

	PilotSeed(JdbcClient jdbc, LocalDate today) {
		this.jdbc = jdbc;
		this.today = today;
	}

	void insert() {
		meeting();
		analysis();
	}

	private void meeting() {
		OffsetDateTime startsAt = OffsetDateTime.of(this.today.plusDays(1).atTime(15, 0), ZoneOffset.UTC);
		this.jdbc.sql("""
				INSERT INTO meetings (id, tenant_id, title, organizer_email, starts_at, ends_at)
				VALUES (:id, :tenantId, 'Quarterly vendor review', 'ana@acme.example', :startsAt, :endsAt)
				ON CONFLICT (id) DO NOTHING""")
			.param("id", SeedIds.of("meeting", InvoiceSeed.TENANT, "vendor-review"))
			.param("tenantId", InvoiceSeed.TENANT)
			.param("startsAt", startsAt)
			.param("endsAt", startsAt.plusHours(1))
			.update();
		participant("ana@acme.example", "Ana Reyes", "organizer");
		participant("bo@acme.example", "Bo Lind", "attendee");
		actionItem("Ask Contoso about the overdue invoice", "bo@acme.example", "open");
		actionItem("Share last quarter's spend report", "ana@acme.example", "done");
	}

	private void participant(String email, String displayName, String role) {
		this.jdbc.sql("""
				INSERT INTO meeting_participants (meeting_id, email, display_name, role, response_status)
				VALUES (:meetingId, :email, :displayName, :role, 'accepted')
				ON CONFLICT (meeting_id, email) DO NOTHING""")
			.param("meetingId", SeedIds.of("meeting", InvoiceSeed.TENANT, "vendor-review"))
			.param("email", email)
			.param("displayName", displayName)
			.param("role", role)
			.update();
	}

	private void actionItem(String description, String assignee, String status) {
		this.jdbc.sql("""
				INSERT INTO meeting_action_items (id, meeting_id, description, assignee_email, status)
				VALUES (:id, :meetingId, :description, :assignee, :status)
				ON CONFLICT (id) DO NOTHING""")
			.param("id", SeedIds.of("meeting-action-item", InvoiceSeed.TENANT, "vendor-review", description))
			.param("meetingId", SeedIds.of("meeting", InvoiceSeed.TENANT, "vendor-review"))
			.param("description", description)
			.param("assignee", assignee)
			.param("status", status)
			.update();
	}

	private void analysis() {
		this.jdbc.sql("""
				INSERT INTO analyses (id, user_id, file_name, bank_name, statement_start, statement_end,
					detected_salary, employer_name, confidence, transactions_analyzed)
				VALUES (:id, 'demo-user', 'statement-last-month.pdf', 'First Demo Bank', :start, :end, :salary,
					'Acme Corp', 'high', 42)
				ON CONFLICT (id) DO NOTHING""")
			.param("id", SeedIds.of("analysis", "demo-user", "statement-last-month.pdf"))
			.param("start", this.today.minusMonths(1).withDayOfMonth(1))
			.param("end", this.today.withDayOfMonth(1).minusDays(1))
			.param("salary", new BigDecimal("4200.00"))
			.update();
		this.jdbc.sql("""
				INSERT INTO audit_logs (id, user_id, analysis_id, action, status)
				VALUES (:id, 'demo-user', :analysisId, 'analyze_statement', 'success')
				ON CONFLICT (id) DO NOTHING""")
			.param("id", SeedIds.of("audit-log", "demo-user", "statement-last-month.pdf"))
			.param("analysisId", SeedIds.of("analysis", "demo-user", "statement-last-month.pdf"))
			.update();
	}

}
