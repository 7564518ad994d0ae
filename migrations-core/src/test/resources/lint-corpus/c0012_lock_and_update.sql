-- revision: c0012
-- down_revision: c0011
-- message: explicit locks and large updates
-- lock_timeout: 2s
-- +upgrade
-- expect: lock-table
LOCK TABLE invoices IN ACCESS EXCLUSIVE MODE;
-- expect: ok
LOCK TABLE customers IN ACCESS SHARE MODE;
-- expect: unbatched-update
UPDATE invoices SET currency = 'COP' WHERE currency IS NULL;
-- expect: ok
UPDATE invoices SET currency = 'COP' WHERE id IN (SELECT id FROM invoices WHERE currency IS NULL LIMIT 1000);
-- expect: unbatched-update
DELETE FROM invoice_audit_logs;
-- expect: ok
DELETE FROM invoices WHERE id = 42;
-- expect: ok
INSERT INTO customers (email) VALUES ('ana@example.com');
-- expect: lock-table
LOCK customers;
-- expect: refresh-without-concurrently
REFRESH MATERIALIZED VIEW invoice_totals;
-- expect: ok
REFRESH MATERIALIZED VIEW CONCURRENTLY invoice_totals;
