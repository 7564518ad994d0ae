-- revision: a1
-- down_revision: base

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY, name text);
CREATE INDEX CONCURRENTLY customers_name ON customers (name);

-- +downgrade
