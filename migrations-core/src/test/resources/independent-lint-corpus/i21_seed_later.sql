-- revision: i21
-- down_revision: i20
-- message: later changes to the seeds' tables
-- +upgrade
-- why: a session setting (added for the corpus)
-- expect: ok
SET lock_timeout = '2s';
-- source: seed 000: idx_invoice_tenant_due_date, added in a later revision
-- why: invoices_pilot was created by an earlier revision: SHARE for the build
-- expect: index-without-concurrently
CREATE INDEX idx_invoice_tenant_due_date ON invoices_pilot (tenant_id, due_date);
-- source: seed 004: documents' idx_documents_status, added in a later revision
-- why: documents was created in i01: SHARE for the build
-- expect: index-without-concurrently
CREATE INDEX idx_documents_status ON documents (processing_status);
-- source: seed 004: sections.search_vector (TSVECTOR, generated), added to an existing table
-- why: a STORED generated column rewrites the table under ACCESS EXCLUSIVE
-- expect: add-column-volatile-default
ALTER TABLE sections ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(content, ''))) STORED;
-- source: seed 000: the reminder foreign key, re-added NOT VALID
-- why: NOT VALID: no scan now
-- expect: ok
ALTER TABLE invoice_reminders ADD CONSTRAINT fk_reminder_invoice FOREIGN KEY (invoice_id) REFERENCES invoices_pilot (id) ON DELETE CASCADE NOT VALID;
-- source: seed 000: invoices_pilot gains a nullable column
-- why: no default: catalog-only
-- expect: ok
ALTER TABLE invoices_pilot ADD COLUMN paid_at timestamptz;
-- source: seed 000: invoice_reminders gains a retry counter with a constant default
-- why: constant default: no rewrite
-- expect: ok
ALTER TABLE invoice_reminders ADD COLUMN attempts integer NOT NULL DEFAULT 0;
