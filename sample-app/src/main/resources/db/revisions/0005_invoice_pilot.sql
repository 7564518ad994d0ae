-- revision: 0005
-- down_revision: 0004
-- depends_on: 0003
-- message: invoice pilot: invoices detected in Gmail, their reminders and audit trail

-- As in the pilot's own history, the invoice tables come after the meeting pilot (0003).
-- An invoice is found once per Gmail message and tenant; reminders and actions go with it.

-- +upgrade
CREATE TABLE invoices (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	tenant_id varchar(64) NOT NULL,
	gmail_message_id varchar(255) NOT NULL,
	vendor_name varchar(255) NOT NULL,
	vendor_email varchar(255),
	invoice_number varchar(100),
	amount numeric(14, 2) NOT NULL,
	amount_paid numeric(14, 2) NOT NULL DEFAULT 0,
	currency char(3) NOT NULL DEFAULT 'USD',
	issue_date date,
	due_date date,
	status varchar(20) NOT NULL DEFAULT 'detected',
	paid_at timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_invoices PRIMARY KEY (id),
	CONSTRAINT uq_invoice_tenant_gmail_message UNIQUE (tenant_id, gmail_message_id),
	CONSTRAINT ck_invoice_status CHECK (status IN ('detected', 'pending', 'overdue', 'partial', 'paid')),
	CONSTRAINT ck_invoice_amounts CHECK (amount >= 0 AND amount_paid >= 0 AND amount_paid <= amount),
	CONSTRAINT ck_invoice_due_after_issue CHECK (due_date IS NULL OR issue_date IS NULL OR due_date >= issue_date)
);

CREATE INDEX idx_invoice_tenant_status ON invoices (tenant_id, status);
CREATE INDEX idx_invoice_tenant_due_date ON invoices (tenant_id, due_date);
CREATE INDEX idx_invoice_status_due_date ON invoices (status, due_date);

CREATE TRIGGER trg_invoices_updated_at
	BEFORE UPDATE ON invoices
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE invoice_reminders (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	invoice_id uuid NOT NULL,
	scheduled_at timestamptz NOT NULL,
	sent_at timestamptz,
	status varchar(20) NOT NULL DEFAULT 'pending',
	channel varchar(20) NOT NULL DEFAULT 'email',
	recipient varchar(255),
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_invoice_reminders PRIMARY KEY (id),
	CONSTRAINT ck_reminder_status CHECK (status IN ('pending', 'sent', 'cancelled', 'failed')),
	CONSTRAINT ck_reminder_channel CHECK (channel IN ('email', 'slack', 'sms')),
	CONSTRAINT fk_reminder_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE
);

CREATE INDEX idx_reminder_invoice_status ON invoice_reminders (invoice_id, status);
CREATE INDEX idx_reminder_status_scheduled ON invoice_reminders (status, scheduled_at);

CREATE TRIGGER trg_invoice_reminders_updated_at
	BEFORE UPDATE ON invoice_reminders
	FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Append-only: no updated_at, no trigger.
CREATE TABLE invoice_actions (
	id uuid NOT NULL DEFAULT gen_random_uuid(),
	invoice_id uuid NOT NULL,
	action_type varchar(50) NOT NULL,
	actor varchar(255) NOT NULL DEFAULT 'system',
	details jsonb,
	"timestamp" timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT pk_invoice_actions PRIMARY KEY (id),
	CONSTRAINT fk_action_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE
);

CREATE INDEX idx_action_invoice_timestamp ON invoice_actions (invoice_id, "timestamp");
CREATE INDEX idx_action_type_timestamp ON invoice_actions (action_type, "timestamp");

-- +downgrade
DROP INDEX idx_action_type_timestamp;
DROP INDEX idx_action_invoice_timestamp;
DROP TABLE invoice_actions;

DROP TRIGGER trg_invoice_reminders_updated_at ON invoice_reminders;
DROP INDEX idx_reminder_status_scheduled;
DROP INDEX idx_reminder_invoice_status;
DROP TABLE invoice_reminders;

DROP TRIGGER trg_invoices_updated_at ON invoices;
DROP INDEX idx_invoice_status_due_date;
DROP INDEX idx_invoice_tenant_due_date;
DROP INDEX idx_invoice_tenant_status;
DROP TABLE invoices;
