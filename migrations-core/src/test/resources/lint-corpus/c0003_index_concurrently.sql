-- revision: c0003
-- down_revision: c0002
-- message: indexes with CONCURRENTLY
-- transactional: false
-- lock_timeout: 2s
-- +upgrade
-- expect: ok
CREATE INDEX CONCURRENTLY invoices_status_amount_idx ON invoices (status, amount);
-- expect: ok
DROP INDEX CONCURRENTLY invoices_status_idx;
-- expect: ok
CREATE UNIQUE INDEX CONCURRENTLY customers_email_key ON customers (email);
-- expect: ok
CREATE UNIQUE INDEX CONCURRENTLY tmp_imports_payload_key ON tmp_imports (payload);
-- expect: ok
REINDEX TABLE CONCURRENTLY invoices;
