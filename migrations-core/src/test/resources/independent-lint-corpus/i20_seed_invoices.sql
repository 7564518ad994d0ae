-- revision: i20
-- down_revision: i19
-- message: seed 000's invoice pilot tables, created and indexed in one revision
-- +upgrade
-- source: seed 000 (invoice pilot guide): invoices, with the unique (tenant_id, gmail_message_id)
-- why: a new table
-- expect: ok
CREATE TABLE invoices_pilot (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    gmail_message_id text NOT NULL,
    status text NOT NULL,
    due_date date,
    amount numeric(12, 2),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_invoice_tenant_gmail UNIQUE (tenant_id, gmail_message_id)
);
-- source: seed 000: invoice_reminders, foreign key with CASCADE delete
-- why: a new table referencing a table created in this revision
-- expect: ok
CREATE TABLE invoice_reminders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id uuid NOT NULL REFERENCES invoices_pilot (id) ON DELETE CASCADE,
    status text NOT NULL,
    scheduled_at timestamptz NOT NULL
);
-- source: seed 000: idx_invoice_tenant_status
-- why: the table was created in this revision: exempt
-- expect: ok
CREATE INDEX idx_invoice_tenant_status ON invoices_pilot (tenant_id, status);
-- source: seed 000: idx_reminder_status_scheduled
-- why: as above
-- expect: ok
CREATE INDEX idx_reminder_status_scheduled ON invoice_reminders (status, scheduled_at);
-- source: seed 000: the invoice states the guide lists
-- why: a check on a table created in this revision: no rows to scan
-- expect: ok
ALTER TABLE invoices_pilot ADD CONSTRAINT ck_invoice_status CHECK (status IN ('pending', 'overdue', 'partial', 'paid', 'detected'));
