-- revision: c0006
-- down_revision: c0005
-- message: SET NOT NULL
-- lock_timeout: 2s
-- +upgrade
-- expect: set-not-null-without-check
ALTER TABLE invoices ALTER COLUMN status SET NOT NULL;
-- expect: ok
ALTER TABLE customers ADD CONSTRAINT customers_nickname_not_null CHECK (nickname IS NOT NULL) NOT VALID;
-- expect: set-not-null-without-check
ALTER TABLE invoices ALTER COLUMN currency SET NOT NULL;
-- expect: ok
ALTER TABLE invoices ALTER COLUMN legacy_code DROP NOT NULL;
-- expect: ok
ALTER TABLE invoices ADD CONSTRAINT invoices_region_not_null CHECK (region IS NOT NULL) NOT VALID;
-- expect: constraint-without-not-valid
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_region_not_null;
-- expect: ok
ALTER TABLE invoices ALTER COLUMN region SET NOT NULL;
