-- revision: c0013
-- down_revision: c0012
-- message: strong locks without a lock_timeout
-- +upgrade
-- expect: strong-lock-without-timeout
ALTER TABLE customers ADD COLUMN phone text;
-- expect: ok
ALTER TABLE customers ADD COLUMN fax text;
