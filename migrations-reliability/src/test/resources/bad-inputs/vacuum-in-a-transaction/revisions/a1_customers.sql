-- revision: a1
-- down_revision: base

-- +upgrade
CREATE TABLE customers (id bigint PRIMARY KEY, name text);
VACUUM customers;

-- +downgrade
