-- revision: c0008
-- down_revision: c0007
-- message: foreign keys and checks
-- lock_timeout: 2s
-- +upgrade
-- expect: constraint-without-not-valid
ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoices (id);
-- expect: ok
ALTER TABLE payments ADD CONSTRAINT payments_invoice_fk FOREIGN KEY (invoice_id) REFERENCES invoices (id) NOT VALID;
-- expect: constraint-without-not-valid
ALTER TABLE payments VALIDATE CONSTRAINT payments_invoice_fk;
-- expect: constraint-without-not-valid
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_positive CHECK (amount > 0);
-- expect: ok
ALTER TABLE invoices ADD CONSTRAINT invoices_status_known CHECK (status IN ('open', 'paid')) NOT VALID;
