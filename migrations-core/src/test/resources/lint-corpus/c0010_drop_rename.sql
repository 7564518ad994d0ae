-- revision: c0010
-- down_revision: c0009
-- message: dropping and renaming
-- lock_timeout: 2s
-- +upgrade
-- expect: drop-column
ALTER TABLE invoices DROP COLUMN legacy_code;
-- expect: ok
ALTER TABLE customers ADD COLUMN draft_flag boolean;
-- expect: ok
ALTER TABLE customers DROP COLUMN draft_flag;
-- expect: rename-column
ALTER TABLE invoices RENAME COLUMN status TO state;
-- expect: ok
ALTER TABLE customers ADD COLUMN nick text;
-- expect: ok
ALTER TABLE customers RENAME COLUMN nick TO handle;
-- expect: rename-table
ALTER TABLE audit_logs RENAME TO invoice_audit_logs;
-- expect: drop-table
DROP TABLE tmp_imports;
-- expect: ok
CREATE TABLE scratch (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
-- expect: ok
ALTER TABLE scratch RENAME TO scratch_rows;
-- expect: ok
DROP TABLE scratch_rows;
