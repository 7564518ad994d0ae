-- revision: c0002
-- down_revision: c0001
-- message: indexes without CONCURRENTLY
-- lock_timeout: 2s
-- +upgrade
-- expect: index-without-concurrently
CREATE INDEX invoices_status_idx ON invoices (status);
-- expect: ok
CREATE TABLE payments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, invoice_id bigint NOT NULL, paid_at timestamptz);
-- expect: ok
CREATE INDEX payments_invoice_idx ON payments (invoice_id);
-- expect: index-without-concurrently
DROP INDEX invoices_customer_idx;
-- expect: ok
DROP INDEX payments_invoice_idx;
-- expect: index-without-concurrently
CREATE UNIQUE INDEX customers_email_lower_idx ON customers (lower(email));
-- expect: index-without-concurrently
REINDEX TABLE invoices;
-- expect: index-without-concurrently
REINDEX INDEX customers_email_lower_idx;
-- expect: ok
REINDEX TABLE payments;
