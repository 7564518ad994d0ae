-- revision: c0011
-- down_revision: c0010
-- message: maintenance commands
-- transactional: false
-- lock_timeout: 2s
-- +upgrade
-- expect: vacuum-full
VACUUM FULL invoices;
-- expect: ok
VACUUM (ANALYZE) invoices;
-- expect: cluster
CLUSTER invoices USING invoices_pkey;
-- expect: ok
ANALYZE invoices;
-- expect: vacuum-full
VACUUM (FULL, ANALYZE) customers;
-- expect: table-rewrite
ALTER TABLE audit_logs SET UNLOGGED;
-- expect: table-rewrite
ALTER TABLE audit_logs SET TABLESPACE pg_default;
-- expect: ok
CREATE MATERIALIZED VIEW invoice_totals AS SELECT customer_id, count(*) AS invoices FROM invoices GROUP BY customer_id;
-- expect: ok
REFRESH MATERIALIZED VIEW invoice_totals;
