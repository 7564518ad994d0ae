-- revision: c0016
-- down_revision: c0015
-- message: a write-blocking index build without lock_timeout
-- +upgrade
-- expect: index-without-concurrently, strong-lock-without-timeout
CREATE INDEX customers_created_idx ON customers (created_at);
