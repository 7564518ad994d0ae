-- revision: c0007
-- down_revision: c0006
-- message: changing column types
-- lock_timeout: 2s
-- +upgrade
-- expect: ok
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(14,2);
-- expect: column-type-change
ALTER TABLE invoices ALTER COLUMN customer_id TYPE integer;
-- expect: ok
ALTER TABLE invoices ALTER COLUMN code TYPE text;
-- expect: column-type-change
ALTER TABLE invoices ALTER COLUMN legacy_code TYPE integer USING legacy_code::integer;
-- expect: column-type-change
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(14,4);
-- expect: ok
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric;
