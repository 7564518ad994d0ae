-- revision: c0014
-- down_revision: c0013
-- message: a lock_timeout set by a statement
-- +upgrade
-- expect: ok
SET LOCAL lock_timeout = '3s';
-- expect: ok
ALTER TABLE customers ADD COLUMN mobile text;
