-- revision: c0004
-- down_revision: c0003
-- message: CONCURRENTLY inside a transaction
-- lock_timeout: 2s
-- +upgrade
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY invoices_issued_idx ON invoices (issued_at);
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY invoices_status_amount_idx;
