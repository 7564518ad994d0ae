-- revision: c0009
-- down_revision: c0008
-- message: unique constraints and primary keys
-- lock_timeout: 2s
-- +upgrade
-- expect: unique-without-index
ALTER TABLE invoices ADD CONSTRAINT invoices_code_key UNIQUE (code);
-- expect: ok
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE USING INDEX customers_email_key;
-- expect: unique-without-index
ALTER TABLE payments ADD COLUMN receipt_number text UNIQUE;
-- expect: ok
ALTER TABLE payments ADD COLUMN receipt_url text;
-- expect: unique-without-index
ALTER TABLE audit_logs ADD CONSTRAINT audit_logs_invoice_message_key UNIQUE (invoice_id, message);
-- expect: ok
ALTER TABLE tmp_imports ADD CONSTRAINT tmp_imports_payload_key UNIQUE USING INDEX tmp_imports_payload_key;
