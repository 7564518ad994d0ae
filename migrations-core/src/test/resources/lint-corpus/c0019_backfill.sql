-- revision: c0019
-- down_revision: c0018
-- message: a backfill outside a transaction
-- transactional: false
-- lock_timeout: 2s
-- +upgrade
-- expect: ok
UPDATE customers SET nickname = email WHERE nickname IS NULL;
-- expect: ok
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_nickname_idx ON customers (nickname);
