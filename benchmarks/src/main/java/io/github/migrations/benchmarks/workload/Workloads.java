package io.github.migrations.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * The two workloads of the benchmark.
 * <ul>
 * <li>W1: {@code n} small revisions, each creating one table with three columns and one
 * index, with a downgrade that drops it. It measures what a tool costs per revision.</li>
 * <li>W2: about thirty revisions of an application's schema (invoices, meetings, bank
 * statements) with a trigger function and triggers, a generated {@code tsvector} column
 * with a GIN index, a 100,000-row backfill and an added column with a default. It
 * measures a tool on work where the database, not the tool, should dominate.</li>
 * </ul>
 */
public final class Workloads {

	/**
	 * Rows the W2 backfill inserts.
	 */
	public static final int BACKFILL_ROWS = 100_000;

	private static final String DEMO_TENANT = "'00000000-0000-0000-0000-000000000001'";

	private Workloads() {
	}

	public static Workload smallRevisions(int n) {
		List<Change> changes = new ArrayList<>(n);
		int width = Math.max(4, Integer.toString(n).length());
		for (int i = 1; i <= n; i++) {
			String table = "t" + pad(i, width);
			changes.add(Change.of(i, "create_" + table, "create table " + table,
					"""
							CREATE TABLE %1$s (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
							CREATE INDEX %1$s_name_idx ON %1$s (name);
							"""
						.formatted(table),
					"DROP TABLE %s;".formatted(table)));
		}
		return new Workload("w1-" + n, "W1: %d small revisions (one table, three columns, one index each)".formatted(n),
				changes,
				"SELECT count(*) FROM pg_catalog.pg_indexes WHERE schemaname = 'public' AND indexname ~ '^t[0-9]+_name_idx$'",
				Integer.toString(n));
	}

	static String pad(int number, int width) {
		String digits = Integer.toString(number);
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	/**
	 * W2, the application-like schema.
	 */
	public static Workload applicationSchema() {
		List<Change> changes = new ArrayList<>();
		add(changes, "create_updated_at_function", "trigger function that stamps updated_at", """
				CREATE OR REPLACE FUNCTION update_updated_at_column() RETURNS trigger AS $$
				BEGIN
				    NEW.updated_at = now();
				    RETURN NEW;
				END;
				$$ LANGUAGE plpgsql;
				""", "DROP FUNCTION update_updated_at_column();");
		add(changes, "create_tenants", "tenants", """
				CREATE TABLE tenants (
				    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
				    name text NOT NULL UNIQUE,
				    created_at timestamptz NOT NULL DEFAULT now(),
				    updated_at timestamptz NOT NULL DEFAULT now()
				);
				CREATE TRIGGER tenants_updated_at BEFORE UPDATE ON tenants
				    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
				""", "DROP TABLE tenants;");
		add(changes, "create_users", "users of a tenant", """
				CREATE TABLE users (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
				    email text NOT NULL,
				    display_name text,
				    created_at timestamptz NOT NULL DEFAULT now(),
				    updated_at timestamptz NOT NULL DEFAULT now(),
				    UNIQUE (tenant_id, email)
				);
				CREATE TRIGGER users_updated_at BEFORE UPDATE ON users
				    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
				""", "DROP TABLE users;");
		add(changes, "create_analyses", "salary analyses of bank statements", """
				CREATE TABLE analyses (
				    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
				    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
				    detected_salary numeric(12, 2),
				    confidence text NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
				    created_at timestamptz NOT NULL DEFAULT now()
				);
				CREATE INDEX idx_analyses_user_id ON analyses (user_id);
				CREATE INDEX idx_analyses_confidence ON analyses (confidence);
				CREATE INDEX idx_analyses_detected_salary ON analyses (detected_salary);
				CREATE INDEX idx_analyses_created_at ON analyses (created_at);
				""", "DROP TABLE analyses;");
		add(changes, "create_audit_logs", "audit trail of API operations", """
				CREATE TABLE audit_logs (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    user_id bigint,
				    analysis_id uuid REFERENCES analyses (id) ON DELETE SET NULL,
				    action text NOT NULL,
				    status text NOT NULL CHECK (status IN ('success', 'failed', 'pending')),
				    details jsonb NOT NULL DEFAULT '{}',
				    created_at timestamptz NOT NULL DEFAULT now()
				);
				CREATE INDEX idx_audit_logs_user_id ON audit_logs (user_id);
				CREATE INDEX idx_audit_logs_analysis_id ON audit_logs (analysis_id);
				CREATE INDEX idx_audit_logs_action ON audit_logs (action);
				CREATE INDEX idx_audit_logs_status ON audit_logs (status);
				CREATE INDEX idx_audit_logs_created_at ON audit_logs (created_at);
				""", "DROP TABLE audit_logs;");
		add(changes, "create_bank_accounts", "bank accounts", """
				CREATE TABLE bank_accounts (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
				    iban text NOT NULL,
				    holder text NOT NULL,
				    created_at timestamptz NOT NULL DEFAULT now(),
				    UNIQUE (tenant_id, iban)
				);
				""", "DROP TABLE bank_accounts;");
		add(changes, "create_bank_statements", "bank statements", """
				CREATE TABLE bank_statements (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    account_id bigint NOT NULL REFERENCES bank_accounts (id) ON DELETE CASCADE,
				    period_start date NOT NULL,
				    period_end date NOT NULL,
				    opening_balance numeric(14, 2) NOT NULL,
				    closing_balance numeric(14, 2) NOT NULL,
				    created_at timestamptz NOT NULL DEFAULT now(),
				    updated_at timestamptz NOT NULL DEFAULT now(),
				    CHECK (period_end >= period_start)
				);
				CREATE INDEX idx_bank_statements_account_period ON bank_statements (account_id, period_start);
				CREATE TRIGGER bank_statements_updated_at BEFORE UPDATE ON bank_statements
				    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
				""", "DROP TABLE bank_statements;");
		add(changes, "create_bank_transactions", "transactions of a statement", """
				CREATE TABLE bank_transactions (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    statement_id bigint NOT NULL REFERENCES bank_statements (id) ON DELETE CASCADE,
				    booked_on date NOT NULL,
				    amount numeric(14, 2) NOT NULL,
				    counterparty text,
				    reference text
				);
				CREATE INDEX idx_bank_transactions_statement ON bank_transactions (statement_id, booked_on);
				""", "DROP TABLE bank_transactions;");
		add(changes, "create_meeting_status", "meeting status type", """
				CREATE TYPE meeting_status AS ENUM ('scheduled', 'held', 'cancelled');
				""", "DROP TYPE meeting_status;");
		add(changes, "create_meetings", "meetings", """
				CREATE TABLE meetings (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
				    title text NOT NULL,
				    starts_at timestamptz NOT NULL,
				    ends_at timestamptz NOT NULL,
				    status meeting_status NOT NULL DEFAULT 'scheduled',
				    created_at timestamptz NOT NULL DEFAULT now(),
				    updated_at timestamptz NOT NULL DEFAULT now(),
				    CHECK (ends_at > starts_at)
				);
				CREATE INDEX idx_meetings_tenant_starts ON meetings (tenant_id, starts_at);
				CREATE TRIGGER meetings_updated_at BEFORE UPDATE ON meetings
				    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
				""", "DROP TABLE meetings;");
		add(changes, "create_meeting_participants", "participants of a meeting", """
				CREATE TABLE meeting_participants (
				    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
				    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
				    role text NOT NULL DEFAULT 'attendee',
				    PRIMARY KEY (meeting_id, user_id)
				);
				CREATE INDEX idx_meeting_participants_user ON meeting_participants (user_id);
				""", "DROP TABLE meeting_participants;");
		add(changes, "create_meeting_notes", "notes taken in a meeting", """
				CREATE TABLE meeting_notes (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    meeting_id bigint NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
				    author_id bigint REFERENCES users (id) ON DELETE SET NULL,
				    body text NOT NULL,
				    created_at timestamptz NOT NULL DEFAULT now(),
				    updated_at timestamptz NOT NULL DEFAULT now()
				);
				CREATE INDEX idx_meeting_notes_meeting ON meeting_notes (meeting_id);
				CREATE TRIGGER meeting_notes_updated_at BEFORE UPDATE ON meeting_notes
				    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
				""", "DROP TABLE meeting_notes;");
		add(changes, "create_invoices", "invoices detected in mail", """
				CREATE TABLE invoices (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
				    gmail_message_id text NOT NULL,
				    vendor_name text NOT NULL,
				    description text,
				    invoice_number text,
				    amount_due numeric(12, 2) NOT NULL,
				    due_date date NOT NULL,
				    status text NOT NULL DEFAULT 'pending'
				        CHECK (status IN ('pending', 'overdue', 'partial', 'paid', 'detected')),
				    created_at timestamptz NOT NULL DEFAULT now(),
				    updated_at timestamptz NOT NULL DEFAULT now(),
				    CONSTRAINT uq_invoice_tenant_message UNIQUE (tenant_id, gmail_message_id)
				);
				CREATE TRIGGER invoices_updated_at BEFORE UPDATE ON invoices
				    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
				""", "DROP TABLE invoices;");
		add(changes, "create_invoice_indexes", "invoice indexes for due and status queries", """
				CREATE INDEX idx_invoice_tenant_status ON invoices (tenant_id, status);
				CREATE INDEX idx_invoice_tenant_due_date ON invoices (tenant_id, due_date);
				CREATE INDEX idx_invoice_status_due_date ON invoices (status, due_date);
				""", """
				DROP INDEX idx_invoice_status_due_date;
				DROP INDEX idx_invoice_tenant_due_date;
				DROP INDEX idx_invoice_tenant_status;
				""");
		add(changes, "create_invoice_reminders", "scheduled invoice reminders", """
				CREATE TABLE invoice_reminders (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    invoice_id bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
				    scheduled_for timestamptz NOT NULL,
				    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'cancelled')),
				    created_at timestamptz NOT NULL DEFAULT now()
				);
				CREATE INDEX idx_reminder_invoice_status ON invoice_reminders (invoice_id, status);
				CREATE INDEX idx_reminder_status_scheduled ON invoice_reminders (status, scheduled_for);
				""", "DROP TABLE invoice_reminders;");
		add(changes, "create_invoice_actions", "audit trail of invoice actions", """
				CREATE TABLE invoice_actions (
				    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				    invoice_id bigint NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
				    action_type text NOT NULL,
				    performed_at timestamptz NOT NULL DEFAULT now(),
				    details jsonb
				);
				CREATE INDEX idx_action_invoice_timestamp ON invoice_actions (invoice_id, performed_at);
				CREATE INDEX idx_action_type_timestamp ON invoice_actions (action_type, performed_at);
				""", "DROP TABLE invoice_actions;");
		add(changes, "add_invoice_search", "generated full-text column on invoices",
				"""
						ALTER TABLE invoices ADD COLUMN search tsvector GENERATED ALWAYS AS (
						    to_tsvector('simple', vendor_name || ' ' || coalesce(description, '') || ' ' || coalesce(invoice_number, ''))
						) STORED;
						""",
				"ALTER TABLE invoices DROP COLUMN search;");
		add(changes, "create_invoice_search_index", "GIN index on the full-text column", """
				CREATE INDEX idx_invoice_search ON invoices USING gin (search);
				""", "DROP INDEX idx_invoice_search;");
		add(changes, "seed_demo_tenant", "demo tenant, account and statement",
				"""
						INSERT INTO tenants (id, name) VALUES (%1$s, 'demo');
						INSERT INTO bank_accounts (tenant_id, iban, holder) VALUES (%1$s, 'DE00 0000 0000 0000 0000 00', 'Demo GmbH');
						INSERT INTO bank_statements (account_id, period_start, period_end, opening_balance, closing_balance)
						    SELECT id, DATE '2025-01-01', DATE '2026-12-31', 0, 0 FROM bank_accounts WHERE tenant_id = %1$s;
						"""
					.formatted(DEMO_TENANT),
				"DELETE FROM tenants WHERE id = %s;".formatted(DEMO_TENANT));
		add(changes, "backfill_invoices", "backfill of historical invoices",
				"""
						INSERT INTO invoices (tenant_id, gmail_message_id, vendor_name, description, invoice_number, amount_due, due_date, status)
						SELECT %s, 'msg-' || g, 'Vendor ' || (g %% 500), 'Services for batch ' || (g %% 97) || ', line ' || g,
						    'INV-' || lpad(g::text, 6, '0'), ((g * 37) %% 100000) / 100.0, DATE '2025-01-01' + (g %% 730),
						    (ARRAY['pending', 'partial', 'paid', 'detected'])[1 + g %% 4]
						FROM generate_series(1, %d) AS g;
						"""
					.formatted(DEMO_TENANT, BACKFILL_ROWS),
				"DELETE FROM invoices WHERE tenant_id = %s;".formatted(DEMO_TENANT));
		add(changes, "add_invoice_currency", "currency with a default", """
				ALTER TABLE invoices ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';
				""", "ALTER TABLE invoices DROP COLUMN currency;");
		add(changes, "add_invoice_amount_check", "non-negative amounts", """
				ALTER TABLE invoices ADD CONSTRAINT ck_invoice_amount_non_negative CHECK (amount_due >= 0);
				""", "ALTER TABLE invoices DROP CONSTRAINT ck_invoice_amount_non_negative;");
		add(changes, "create_invoice_amount_index", "index on amounts over the backfilled rows", """
				CREATE INDEX idx_invoice_amount_due ON invoices (amount_due);
				""", "DROP INDEX idx_invoice_amount_due;");
		add(changes, "mark_overdue_invoices", "data migration: pending invoices past due become overdue", """
				UPDATE invoices SET status = 'overdue' WHERE status = 'pending' AND due_date < DATE '2026-01-01';
				""", "UPDATE invoices SET status = 'pending' WHERE status = 'overdue';");
		add(changes, "create_overdue_invoices_view", "view of overdue invoices",
				"""
						CREATE VIEW overdue_invoices AS
						    SELECT i.id, i.tenant_id, i.vendor_name, i.amount_due, i.due_date, current_date - i.due_date AS days_overdue
						    FROM invoices i WHERE i.status = 'overdue';
						""",
				"DROP VIEW overdue_invoices;");
		add(changes, "create_tenant_invoice_totals", "materialized totals per tenant and status",
				"""
						CREATE MATERIALIZED VIEW tenant_invoice_totals AS
						    SELECT tenant_id, status, count(*) AS invoices, sum(amount_due) AS amount_due FROM invoices GROUP BY tenant_id, status;
						CREATE UNIQUE INDEX uq_tenant_invoice_totals ON tenant_invoice_totals (tenant_id, status);
						""",
				"DROP MATERIALIZED VIEW tenant_invoice_totals;");
		add(changes, "add_transaction_category", "category with a default on transactions", """
				ALTER TABLE bank_transactions ADD COLUMN category text NOT NULL DEFAULT 'uncategorised';
				CREATE INDEX idx_bank_transactions_category ON bank_transactions (category);
				""", """
				DROP INDEX idx_bank_transactions_category;
				ALTER TABLE bank_transactions DROP COLUMN category;
				""");
		add(changes, "create_salary_detections", "salary detected in a transaction", """
				CREATE TABLE salary_detections (
				    analysis_id uuid NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
				    transaction_id bigint NOT NULL REFERENCES bank_transactions (id) ON DELETE CASCADE,
				    score real NOT NULL CHECK (score BETWEEN 0 AND 1),
				    PRIMARY KEY (analysis_id, transaction_id)
				);
				""", "DROP TABLE salary_detections;");
		add(changes, "add_users_last_login", "last login of users", """
				ALTER TABLE users ADD COLUMN last_login_at timestamptz;
				CREATE INDEX idx_users_last_login ON users (tenant_id, last_login_at DESC);
				""", """
				DROP INDEX idx_users_last_login;
				ALTER TABLE users DROP COLUMN last_login_at;
				""");
		add(changes, "comment_tables", "table comments", """
				COMMENT ON TABLE invoices IS 'Invoices detected in a tenant''s mail';
				COMMENT ON TABLE meetings IS 'Meetings of a tenant';
				COMMENT ON TABLE bank_statements IS 'Uploaded bank statements';
				""", """
				COMMENT ON TABLE bank_statements IS NULL;
				COMMENT ON TABLE meetings IS NULL;
				COMMENT ON TABLE invoices IS NULL;
				""");
		return new Workload("w2",
				"W2: application schema, %d revisions (triggers, tsvector + GIN, %,d-row backfill)"
					.formatted(changes.size(), BACKFILL_ROWS),
				changes,
				"SELECT (SELECT count(*) FROM invoices) || ' invoices, ' || (SELECT count(*) FROM invoices WHERE status = 'overdue')"
						+ " || ' overdue, ' || (SELECT count(*) FROM pg_catalog.pg_trigger WHERE NOT tgisinternal) || ' triggers'",
				"%d invoices, %d overdue, 6 triggers".formatted(BACKFILL_ROWS, expectedOverdue()));
	}

	/**
	 * Rows of the backfill that the data migration marks overdue: status 'pending' (g % 4
	 * == 0) with a due date before 2026-01-01 (g % 730 < 365).
	 */
	static int expectedOverdue() {
		int overdue = 0;
		for (int g = 1; g <= BACKFILL_ROWS; g++) {
			if (g % 4 == 0 && g % 730 < 365) {
				overdue++;
			}
		}
		return overdue;
	}

	private static void add(List<Change> changes, String slug, String message, String upgrade, String downgrade) {
		changes.add(Change.of(changes.size() + 1, slug, message, upgrade, downgrade));
	}

}
