-- revision: c0020
-- down_revision: c0019
-- message: validating constraints added NOT VALID by earlier revisions
-- lock_timeout: 2s
-- +upgrade
-- expect: ok
ALTER TABLE customers VALIDATE CONSTRAINT customers_nickname_not_null;
-- expect: ok
ALTER TABLE customers ALTER COLUMN nickname SET NOT NULL;
-- expect: ok
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_status_known;
-- expect: set-not-null-without-check
ALTER TABLE customers ALTER COLUMN phone SET NOT NULL;
